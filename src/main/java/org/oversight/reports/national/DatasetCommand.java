package org.oversight.reports.national;

import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.oversight.reports.extract.ReportExtractor;

/**
 * {@code bin/oversight build-national-dataset CORPUS OUT_DIR [--links FILE] [--source TEXT]}: reads every report of a
 * scrape-tool corpus with Oversight's extractor and writes {@code ofsted-reports.csv} and its manifest. No database.
 */
public final class DatasetCommand {

    static final String DEFAULT_LINKS = "data/national/ofsted-report-links.csv";

    private DatasetCommand() {
    }

    public static int build(List<String> args, PrintStream out, PrintStream err) throws Exception {
        List<String> positional = new ArrayList<>();
        String links = null;
        String source = "";
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--links" -> links = i + 1 < args.size() ? args.get(++i) : null;
                case "--source" -> source = i + 1 < args.size() ? args.get(++i) : "";
                default -> positional.add(args.get(i));
            }
        }
        if (positional.size() != 2) {
            err.println("Usage: bin/oversight build-national-dataset CORPUS OUT_DIR [--links FILE] [--source TEXT]");
            return 1;
        }
        Path corpus = Path.of(positional.get(0));
        Path outDir = Path.of(positional.get(1));
        if (!Files.isDirectory(corpus)) {
            err.println(corpus + ": no such folder");
            return 2;
        }
        Path linksFile = Path.of(links == null ? DEFAULT_LINKS : links);
        List<DatasetBuilder.Link> linkList = Files.isRegularFile(linksFile) ? DatasetBuilder.readLinks(linksFile) : List.of();
        if (links != null && linkList.isEmpty()) {
            err.println(linksFile + ": no links read");
            return 2;
        }
        long start = System.nanoTime();
        DatasetBuilder builder = new DatasetBuilder(new ReportExtractor(), DatasetBuilder.bundledLaNames(), linkList);
        List<NationalDataset.Row> rows = builder.build(DatasetBuilder.corpus(corpus));
        Files.createDirectories(outDir);
        String manifest;
        try (Writer w = Files.newBufferedWriter(outDir.resolve(NationalDataset.CSV_FILE), StandardCharsets.UTF_8)) {
            manifest = NationalDataset.write(rows, ReportExtractor.VERSION, source, w);
        }
        Files.writeString(outDir.resolve(NationalDataset.MANIFEST_FILE), manifest, StandardCharsets.UTF_8);
        summary(rows, out, err, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private static void summary(List<NationalDataset.Row> rows, PrintStream out, PrintStream err, double seconds) {
        Map<String, Integer> notRead = new TreeMap<>();
        long recorded = 0;
        long urls = 0;
        java.util.Set<String> las = new java.util.TreeSet<>();
        for (NationalDataset.Row r : rows) {
            if (r.get("status").equals(NationalDataset.RECORDED)) {
                recorded++;
                las.add(r.get("urn"));
            } else {
                err.println(r.get("file") + ": not recorded: " + r.get("reason"));
            }
            r.list("not_read").forEach(c -> notRead.merge(c, 1, Integer::sum));
            if (!r.list("not_read").isEmpty()) {
                err.println(r.get("file") + ": not read: " + String.join(", ", r.list("not_read")));
            }
            if (!r.get("ofsted_url").isEmpty()) {
                urls++;
            }
        }
        out.printf(Locale.UK, "%d files: %d recorded reports of %d LAs, %d not recorded; %d with their Ofsted address; %.1f s%n",
                rows.size(), recorded, las.size(), rows.size() - recorded, urls, seconds);
        notRead.forEach((column, n) -> out.printf("  %s not read in %d reports%n", column, n));
    }
}
