package org.oversight.childdata.ssda903;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.springframework.util.FileSystemUtils;

/**
 * Times the validation of the national synthetic SSDA903 return (every LA, every table) with the full rule set, best
 * of three, against a baseline measured in the same run: parsing the same bytes with commons-csv and nothing else.
 * Run with {@code bin/oversight bench-903} or this class's {@code main}.
 */
public final class Ssda903Benchmark {

    private Ssda903Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        long seed = args.length >= 2 && args[0].equals("--seed") ? Long.parseLong(args[1]) : 2026;
        run(seed, System.out);
    }

    /** Generates the national return into a temporary folder, validates it three times and prints the figures. */
    public static void run(long seed, PrintStream out) throws IOException {
        Path dir = Files.createTempDirectory("oversight-bench-903-validation");
        long t0 = System.nanoTime();
        SyntheticData.Summary summary = SyntheticData.generate("national", seed, List.of(), dir);
        out.printf(Locale.UK, "Generated %d LAs in %.1f s%n", summary.byLa().size(), (System.nanoTime() - t0) / 1e9);
        Map<String, String> onsCode = new LinkedHashMap<>();
        SyntheticData.loadLas().forEach(l -> onsCode.put(l.laCode(), l.laCodeNew()));
        Map<String, Map<String, byte[]>> byLa = new LinkedHashMap<>();
        long bytes = 0;
        for (String la : summary.byLa().keySet()) {
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (var list = Files.list(dir.resolve(la))) {
                for (Path p : list.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    byte[] b = Files.readAllBytes(p);
                    files.put(p.getFileName().toString(), b);
                    bytes += b.length;
                }
            }
            byLa.put(la, files);
        }
        long validate = Long.MAX_VALUE;
        long parse = Long.MAX_VALUE;
        long errors = 0;
        long rows = 0;
        Map<String, Long> byRule = new java.util.TreeMap<>();
        for (int round = 0; round < 3; round++) {
            long s = System.nanoTime();
            errors = 0;
            byRule.clear();
            // LAs are independent returns: validated on every core, as an LA's uploads would be
            List<Map.Entry<String, List<ValidationError>>> results = byLa.entrySet().parallelStream()
                    .map(la -> Map.entry(la.getKey(), Ssda903Return.read(la.getValue(), Ssda903Return.Options
                            .of(CollectionYear.current()).withLa(onsCode.get(la.getKey()))).errors()))
                    .toList();
            for (Map.Entry<String, List<ValidationError>> r : results) {
                errors += r.getValue().size();
                r.getValue().forEach(e -> byRule.merge(e.ruleCode() + " (" + r.getKey() + ")", 1L, Long::sum));
            }
            validate = Math.min(validate, System.nanoTime() - s);
            long b = System.nanoTime();
            rows = byLa.values().parallelStream().flatMap(files -> files.values().stream()).mapToLong(f -> {
                try (CSVParser p = CSVParser.parse(new StringReader(new String(f, StandardCharsets.UTF_8)),
                        CSVFormat.DEFAULT)) {
                    return p.getRecords().size();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
            parse = Math.min(parse, System.nanoTime() - b);
        }
        out.printf(Locale.UK, "National return: %d LAs, %,d rows, %.1f MB%n", byLa.size(), rows, bytes / 1e6);
        out.printf(Locale.UK, "Validation, every rule (322), %d LAs on %d cores, best of 3: %.2f s, %d errors and queries"
                + " (goal: 30 s or less)%n", byLa.size(), Runtime.getRuntime().availableProcessors(), validate / 1e9, errors);
        if (!byRule.isEmpty()) {
            out.println("Errors and queries by rule (LA): " + byRule);
        }
        out.printf(Locale.UK, "Baseline, CSV parsing alone (the same files, the same cores): %.2f s%n", parse / 1e9);
        out.printf(Locale.UK, "Ratio validation / parsing: %.1fx%n", (double) validate / parse);
        FileSystemUtils.deleteRecursively(dir);
    }
}
