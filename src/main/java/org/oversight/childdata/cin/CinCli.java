package org.oversight.childdata.cin;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.Header;

/**
 * The CIN census batch commands. They need no database, so {@code main} runs them without starting one (and they can
 * run while Oversight is serving): {@code validate-cin}, {@code generate-cin} and {@code bench-cin}.
 */
public final class CinCli {

    private CinCli() {
    }

    public static boolean handles(String command) {
        return command.equals("validate-cin") || command.equals("generate-cin") || command.equals("bench-cin");
    }

    public static int run(String command, List<String> args, PrintStream out, PrintStream err) {
        try {
            return switch (command) {
                case "validate-cin" -> validate(args, out, err);
                case "generate-cin" -> generate(args, out, err);
                case "bench-cin" -> CinBenchmark.run(args, out, err);
                default -> throw new IllegalArgumentException(command);
            };
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println(command + ": " + e.getMessage());
            return 2;
        }
    }

    static final String VALIDATE_USAGE = "[--max-mb N] FILE|FOLDER...";

    /**
     * Reads and validates each file in one streaming pass, printing every problem (file and line, child, where, field,
     * value, rule, error or query, message) on stdout as it is found, then a summary per rule. Exit 0 when no file has an
     * error (queries alone do not fail), 2 when one has, 1 for a usage mistake.
     */
    static int validate(List<String> args, PrintStream out, PrintStream err) throws IOException {
        CinReadLimits limits = CinReadLimits.DEFAULT;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--max-mb")) {
                limits = limits.withMaxBytes(Long.parseLong(value(args, ++i, a)) * 1024 * 1024);
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a + ". Usage: bin/oversight validate-cin " + VALIDATE_USAGE);
            } else if (Files.isDirectory(Path.of(a))) {
                try (var xml = Files.list(Path.of(a))) {
                    xml.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xml")).sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file given. Usage: bin/oversight validate-cin " + VALIDATE_USAGE);
        }
        CinValidator validator = CinValidator.rules2025to26();
        CinCensusReader reader = new CinCensusReader(limits);
        Map<String, long[]> byRule = new TreeMap<>();
        Map<String, String[]> describe = new TreeMap<>();
        long errors = 0;
        long queries = 0;
        boolean failed = false;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                out.println(file + ": no such file");
                failed = true;
                continue;
            }
            long[] counts = new long[2];
            java.util.function.Consumer<CinError> print = e -> {
                out.println(e.describe());
                byRule.computeIfAbsent(e.ruleCode(), k -> new long[1])[0]++;
                describe.putIfAbsent(e.ruleCode(), new String[] {e.severity().word(), e.message().strip()});
                counts[e.severity() == CinSeverity.ERROR ? 0 : 1]++;
            };
            String name = file.toString();
            CinValidator.Session[] session = new CinValidator.Session[1];
            CinCensusReader.Outcome outcome = reader.stream(file, new CinCensusReader.Listener() {
                @Override
                public void header(Header header) {
                    session[0] = validator.open(name, header, print);
                }

                @Override
                public void child(Child child, int index, int line) {
                    session[0].child(child, index, line);
                }
            });
            for (CinError p : outcome.problems()) {
                print.accept(new CinError(name, p.line(), p.column(), p.childIndex(), p.childId(), p.table(), p.path(),
                        p.field(), p.value(), p.ruleCode(), p.severity(), p.message()));
            }
            if (outcome.failed()) {
                out.println(name + ": not validated" + (outcome.children() > 0 ? "; the findings above cover only the "
                        + outcome.children() + " children read before the problem" : "") + ".");
            } else if (session[0] != null) {
                session[0].finish();
            }
            out.printf("%s: %d children, %d errors, %d queries%n", name, outcome.children(), counts[0], counts[1]);
            errors += counts[0];
            queries += counts[1];
            failed |= outcome.failed();
        }
        if (!byRule.isEmpty()) {
            out.println();
            out.println("By rule:");
            for (Map.Entry<String, long[]> e : byRule.entrySet()) {
                String[] d = describe.get(e.getKey());
                out.printf("  %-16s %-5s %7d  %s%n", e.getKey(), d[0], e.getValue()[0], d[1]);
            }
        }
        out.printf("%nTotal: %d files, %d errors, %d queries%n", files.size(), errors, queries);
        return errors > 0 || failed ? 2 : 0;
    }

    static final String GENERATE_USAGE = "--la CODE --children N [--seed N] [--reference-date YYYY-MM-DD] --out FILE";

    /** Writes a synthetic census for one LA; same arguments, same bytes. */
    static int generate(List<String> args, PrintStream out, PrintStream err) throws IOException {
        String la = null;
        Integer children = null;
        long seed = 1;
        LocalDate reference = LocalDate.of(2026, 3, 31);
        Path file = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--la" -> la = value(args, ++i, a);
                case "--children" -> children = Integer.valueOf(value(args, ++i, a));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
                case "--reference-date" -> reference = LocalDate.parse(value(args, ++i, a));
                case "--out" -> file = Path.of(value(args, ++i, a));
                default -> throw new IllegalArgumentException("unexpected argument '" + a + "'. Usage: bin/oversight generate-cin "
                        + GENERATE_USAGE);
            }
        }
        if (la == null || children == null || file == null) {
            throw new IllegalArgumentException("--la, --children and --out are required. Usage: bin/oversight generate-cin "
                    + GENERATE_USAGE);
        }
        long started = System.nanoTime();
        SyntheticCinCensus census = new SyntheticCinCensus(la, children, seed, reference);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            census.write(o);
        }
        out.printf("Wrote %s: CIN census of LA %s, %d children, reference date %s, %d bytes, in %d ms%n", file, la, children,
                reference, Files.size(file), (System.nanoTime() - started) / 1_000_000);
        return 0;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
