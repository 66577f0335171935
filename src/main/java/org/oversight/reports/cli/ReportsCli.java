package org.oversight.reports.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.oversight.reports.extract.ExtractionCsv;
import org.oversight.reports.extract.ExtractionResult;
import org.oversight.reports.extract.ReportExtractor;
import org.oversight.reports.ReportFiles;
import org.oversight.reports.bench.ImportBenchmark;

/**
 * The report commands that need no database, run straight from {@code main} so they start fast and can run while
 * Oversight is serving: {@code extract-reports} and {@code bench-import}.
 */
public final class ReportsCli {

    private ReportsCli() {
    }

    public static boolean handles(String command) {
        return command.equals("extract-reports") || command.equals("bench-import") || command.equals("build-national-dataset");
    }

    public static int run(String command, List<String> args, PrintStream out, PrintStream err) throws Exception {
        return switch (command) {
            case "extract-reports" -> extract(args, out, err);
            case "bench-import" -> ImportBenchmark.run(args, out, err);
            case "build-national-dataset" -> org.oversight.reports.national.DatasetCommand.build(args, out, err);
            default -> throw new IllegalArgumentException(command);
        };
    }

    /**
     * Prints one CSV row per file (in the order given, folders sorted), using every core; names each file it could not
     * read on stderr with the reason, and each value it could not read as a warning. Exit 0 when every file was read, 2
     * otherwise.
     */
    static int extract(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            err.println("Usage: bin/oversight extract-reports PATH...  (PDF or .txt files, or folders of them)");
            return 1;
        }
        ReportFiles.Found found = ReportFiles.collect(args);
        found.missing().forEach(m -> err.println(m + ": no such file or folder"));
        ReportExtractor extractor = new ReportExtractor();
        List<ExtractionResult> results = extractAll(extractor, found.files());
        int unread = found.missing().size();
        OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        ExtractionCsv csv = new ExtractionCsv(writer);
        for (ExtractionResult result : results) {
            switch (result) {
                case ExtractionResult.Success s -> {
                    csv.write(s);
                    s.report().warnings().forEach(w -> err.println(s.fileName() + ": warning: " + w));
                }
                case ExtractionResult.Failure f -> {
                    err.println(f.fileName() + ": " + f.reason());
                    unread++;
                }
            }
        }
        writer.flush();
        out.flush();
        return unread == 0 ? 0 : 2;
    }

    public static List<ExtractionResult> extractAll(ReportExtractor extractor, List<Path> files) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<ExtractionResult>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    try {
                        return extractor.extract(file.toString(), Files.readAllBytes(file));
                    } catch (IOException e) {
                        return new ExtractionResult.Failure(file.toString(), "could not be read: " + e.getMessage());
                    }
                }));
            }
            List<ExtractionResult> results = new ArrayList<>();
            for (Future<ExtractionResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
