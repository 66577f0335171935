package org.oversight.reports;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.oversight.reports.national.NationalDataset;
import org.oversight.shared.cli.CliCommand;
import org.springframework.stereotype.Component;

/**
 * {@code bin/oversight bench-national-dataset}: what loading the bundled national dataset adds to the first start, on
 * an empty database of its own (goal: at most 3 s), split into checking the file and writing it; and what a later
 * start costs once it is loaded.
 */
@Component
class NationalDatasetBenchmark implements CliCommand {

    private final NationalDatasetLoader loader;

    NationalDatasetBenchmark(NationalDatasetLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "bench-national-dataset";
    }

    @Override
    public String usage() {
        return "";
    }

    @Override
    public String description() {
        return "Benchmark: time the first load of the bundled national dataset on an empty database (goal: at most 3 s)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        long verifyBest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            try (InputStream csv = resource(NationalDataset.CSV_FILE); InputStream manifest = resource(NationalDataset.MANIFEST_FILE)) {
                NationalDataset.read(csv, manifest);
            }
            verifyBest = Math.min(verifyBest, System.nanoTime() - start);
        }
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        NationalDatasetLoader.Result first = loader.loadBundled().orElseThrow(() -> new IllegalStateException("no bundled dataset"));
        double firstSeconds = (System.nanoTime() - start) / 1e9;
        double firstCpu = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        if (first.alreadyLoaded()) {
            err.println("The database already held the dataset: this benchmark needs an empty one (unset SPRING_DATASOURCE_URL)");
            return 2;
        }
        start = System.nanoTime();
        NationalDatasetLoader.Result again = loader.loadBundled().orElseThrow();
        double againSeconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.UK, "National dataset: %d reports, %d activities written%n", first.rows(), first.activitiesAdded());
        out.printf(Locale.UK, "First start adds: %.2f s (goal: at most 3 s); of which reading and checking the file: %.2f s; "
                + "Java CPU time of the load %.2f s (the rest is PostgreSQL and waiting for a core; load average now %.1f on %d cores)%n",
                firstSeconds, verifyBest / 1e9, firstCpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.UK, "Later starts (already loaded%s): %.2f s%n", again.alreadyLoaded() ? "" : "?!", againSeconds);
        return 0;
    }

    private static InputStream resource(String file) {
        return NationalDatasetBenchmark.class.getResourceAsStream(NationalDatasetLoader.RESOURCE_DIR + file);
    }
}
