package org.oversight.reports.bench;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.oversight.reports.extract.ExtractionResult;
import org.oversight.reports.extract.ReportExtractor;
import org.oversight.reports.cli.ReportsCli;
import org.oversight.reports.ReportFiles;

/**
 * {@code bin/oversight bench-import DIR}: extracts every PDF in DIR on all cores and prints files per second; where
 * {@code pdftotext} is installed, times it on the same files in the same run (one process per file, also on all
 * cores) and prints the ratio. A warm-up pass comes first so the JIT is measured warm, as a server would run.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty()) {
            err.println("Usage: bin/oversight bench-import DIR");
            return 1;
        }
        List<Path> files = ReportFiles.collect(args).files().stream()
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")).toList();
        if (files.isEmpty()) {
            err.println("No PDF files in " + args);
            return 1;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        ReportExtractor extractor = new ReportExtractor();
        ReportsCli.extractAll(extractor, files); // warm-up
        int rounds = 3;
        long best = Long.MAX_VALUE;
        long read = 0;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            List<ExtractionResult> results = ReportsCli.extractAll(extractor, files);
            best = Math.min(best, System.nanoTime() - start);
            read = results.stream().filter(ExtractionResult::isSuccess).count();
        }
        double seconds = best / 1e9;
        out.printf(Locale.UK, "Oversight extraction: %d files (%d read) on %d cores, best of %d runs: %.2f s, %.1f files/s%n",
                files.size(), read, cores, rounds, seconds, files.size() / seconds);
        String pdftotext = which("pdftotext");
        if (pdftotext == null) {
            out.println("pdftotext not installed (apt-get install poppler-utils): no baseline in this run");
            return 0;
        }
        long bestBaseline = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            runPdftotext(pdftotext, files, cores);
            bestBaseline = Math.min(bestBaseline, System.nanoTime() - start);
        }
        double baseline = bestBaseline / 1e9;
        out.printf(Locale.UK, "pdftotext -layout baseline: %.2f s, %.1f files/s%n", baseline, files.size() / baseline);
        out.printf(Locale.UK, "Ratio Oversight / pdftotext: %.2fx (goal: at most 0.3x)%n", seconds / baseline);
        return 0;
    }

    private static void runPdftotext(String pdftotext, List<Path> files, int cores) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(cores);
        try {
            List<java.util.concurrent.Future<Integer>> jobs = files.stream().map(f -> pool.submit(() -> {
                Process p = new ProcessBuilder(pdftotext, "-layout", f.toString(), "-").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                return p.waitFor();
            })).toList();
            for (var job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private static String which(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File f = new File(dir, command);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }
}
