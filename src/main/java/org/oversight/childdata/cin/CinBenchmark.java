package org.oversight.childdata.cin;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.Header;

/**
 * {@code bin/oversight bench-cin [--children 400000] [--seed 1] [--runs 2]}: reading and validating a national-size CIN
 * census. Writes a synthetic census of that many children (England had about 400,000 children in need at 31 March) to a
 * temporary file, then times, best of the runs: a bare StAX pass over the file that builds nothing (the baseline), the
 * streaming read into the model, and the streaming read with every rule checked; prints children per second and the
 * ratio to the baseline, and the heap a whole-file read in memory needs. The file is deleted at the end.
 */
final class CinBenchmark {

    private CinBenchmark() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        int children = 400_000;
        long seed = 1;
        int runs = 2;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--children" -> children = Integer.parseInt(args.get(++i));
                case "--seed" -> seed = Long.parseLong(args.get(++i));
                case "--runs" -> runs = Integer.parseInt(args.get(++i));
                default -> throw new IllegalArgumentException("unexpected argument '" + args.get(i)
                        + "'. Usage: bin/oversight bench-cin [--children N] [--seed N] [--runs N]");
            }
        }
        Path file = Files.createTempFile("oversight-bench-cin", ".xml");
        try {
            long t0 = System.nanoTime();
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                SyntheticCinCensus.for2025to26("201", children, seed).write(o);
            }
            long size = Files.size(file);
            out.printf("Generated %,d children, %,d bytes (%.0f MB), in %.1f s%n", children, size, size / 1e6,
                    (System.nanoTime() - t0) / 1e9);
            CinReadLimits limits = new CinReadLimits(Long.MAX_VALUE, Long.MAX_VALUE, 4096, 32);
            CinCensusReader reader = new CinCensusReader(limits);
            CinValidator validator = CinValidator.rules2025to26();
            double parse = Double.MAX_VALUE;
            double read = Double.MAX_VALUE;
            double validate = Double.MAX_VALUE;
            long[] found = new long[1];
            for (int run = 0; run < runs; run++) {
                parse = Math.min(parse, time(() -> bareParse(file)));
                read = Math.min(read, time(() -> reader.stream(file, new CinCensusReader.Listener() {
                    @Override
                    public void header(Header header) {
                    }

                    @Override
                    public void child(Child child, int index, int line) {
                    }
                })));
                validate = Math.min(validate, time(() -> {
                    CinValidator.Session[] s = new CinValidator.Session[1];
                    found[0] = 0;
                    reader.stream(file, new CinCensusReader.Listener() {
                        @Override
                        public void header(Header header) {
                            s[0] = validator.open(file.toString(), header, e -> found[0]++);
                        }

                        @Override
                        public void child(Child child, int index, int line) {
                            s[0].child(child, index, line);
                        }
                    });
                    s[0].finish();
                }));
            }
            out.printf("Bare StAX pass (baseline):       %6.2f s  %,9.0f children/s  %5.0f MB/s%n", parse, children / parse, size / 1e6 / parse);
            out.printf("Read into the model (streamed):  %6.2f s  %,9.0f children/s  ratio %.2f×%n", read, children / read, read / parse);
            out.printf("Read and check all 109 rules:    %6.2f s  %,9.0f children/s  ratio %.2f×  (%d findings)%n", validate,
                    children / validate, validate / parse, found[0]);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long before = rt.totalMemory() - rt.freeMemory();
            double whole = time(() -> {
                CinReadResult r = reader.read(file);
                System.gc();
                long after = rt.totalMemory() - rt.freeMemory();
                out.printf("Whole census in memory:          %,d children, heap %.0f MB%n", r.census().children().size(),
                        (after - before) / 1e6);
            });
            out.printf("Whole-file read:                 %6.2f s%n", whole);
            return 0;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    interface Timed {
        void run() throws IOException;
    }

    private static double time(Timed task) throws IOException {
        long t = System.nanoTime();
        task.run();
        return (System.nanoTime() - t) / 1e9;
    }

    /** What any StAX reader has to do: every event of the file, nothing kept. */
    private static void bareParse(Path file) throws IOException {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            long elements = 0;
            while (r.hasNext()) {
                if (r.next() == XMLStreamConstants.START_ELEMENT) {
                    elements++;
                }
            }
            if (elements == 0) {
                throw new IOException("empty file");
            }
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }
}
