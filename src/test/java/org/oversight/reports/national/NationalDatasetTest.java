package org.oversight.reports.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.oversight.reports.extract.ReportExtractor;
import org.oversight.shared.Checksums;
import org.oversight.shared.Dates;

/**
 * Every row of the bundled national dataset (data/national/ofsted-reports.csv), and proof that it is what Oversight's
 * extractor produces today.
 *
 * <p>The corpus it was built from (497 PDFs, 160 MB) is not in the repository. This test always re-extracts the 66
 * real reports committed in data/ofsted-reports (the same bytes as their corpus files, found by SHA-256) and compares
 * every cell; when the whole corpus is present (system property or environment variable {@code OVERSIGHT_CORPUS}
 * pointing at its {@code export_data/inspection_reports}) it rebuilds the whole dataset and compares every row. It
 * prints which of the two it checked.
 */
class NationalDatasetTest {

    private static final Path DIR = Path.of("data/national");
    private static final Set<String> GRADES = Set.of("outstanding", "good", "requires improvement", "inadequate");
    private static final LocalDate CARE_LEAVERS_FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate NO_OVERALL_FROM = LocalDate.of(2026, 4, 27);

    static NationalDataset.Verified bundled() throws IOException {
        try (InputStream csv = Files.newInputStream(DIR.resolve(NationalDataset.CSV_FILE));
             InputStream manifest = Files.newInputStream(DIR.resolve(NationalDataset.MANIFEST_FILE))) {
            return NationalDataset.read(csv, manifest);
        }
    }

    @Test
    void theBundledDatasetIsWholeAndWasBuiltByTodaysExtractor() throws IOException {
        NationalDataset.Verified dataset = bundled();
        assertThat(dataset.rows()).hasSize(497);
        assertThat(dataset.manifest().extractorVersion()).as("rebuild the dataset after changing the extractor (see README)")
                .isEqualTo(ReportExtractor.VERSION);
        assertThat(dataset.rows()).allSatisfy(r -> assertThat(r.get("extractor_version")).isEqualTo(ReportExtractor.VERSION));
        // the four 2012 files are the same "report not found" web page, byte for byte
        assertThat(dataset.rows().stream().map(r -> r.get("sha256")).distinct()).hasSize(494);
        assertThat(dataset.rows().stream().filter(r -> r.get("reason").startsWith("not a PDF")).map(r -> r.get("sha256")).distinct())
                .hasSize(1);
    }

    @Test
    void everyActiveLaHasItsReportsAndEveryRowItsEra() throws IOException {
        List<NationalDataset.Row> rows = bundled().rows();
        Map<Integer, String> register = DatasetBuilder.bundledLaNames();
        Map<String, Integer> perLa = new TreeMap<>();
        for (NationalDataset.Row r : rows) {
            assertThat(register).as(r.where() + " urn").containsKey(Integer.parseInt(r.get("urn")));
            assertThat(r.get("local_authority")).as(r.where()).isEqualTo(register.get(Integer.parseInt(r.get("urn"))));
            assertThat(r.get("status")).as(r.where()).isIn(NationalDataset.RECORDED, NationalDataset.NOT_RECORDED);
            if (r.get("status").equals(NationalDataset.NOT_RECORDED)) {
                assertThat(r.get("reason")).as(r.where() + " has a reason").isNotBlank();
                continue;
            }
            perLa.merge(r.get("local_authority"), 1, Integer::sum);
            checkEra(r);
        }
        // the 153 LAs with children's services today, each with 1 to 4 published reports (2014 to August 2026)
        assertThat(perLa).hasSize(153);
        assertThat(perLa.values()).allSatisfy(n -> assertThat(n).isBetween(1, 4));
        assertThat(perLa.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(488);
        assertThat(perLa).containsEntry("Barking and Dagenham", 3).containsEntry("City of London", 3).containsEntry("Southwark", 3);
        // two reports name no lead inspector at all (Devon 2025, Warwickshire 2025); one has no improvement list (Thurrock 2024)
        assertThat(rows.stream().filter(r -> !r.get("not_read").isEmpty()).map(r -> r.get("file") + ": " + r.get("not_read")))
                .containsExactlyInAnyOrder("80461_devon/children's services inspection - 13 may 2025.pdf: lead_inspector",
                        "80571_thurrock/children's services inspection - 29 october 2024.pdf: improvement_items",
                        "80576_warwickshire/children's services inspection - 14 october 2025.pdf: lead_inspector");
        // the nine files not recorded: four web pages saved as .pdf, four 2013 reports before SIF, one LSCB review
        List<String> reasons = rows.stream().filter(r -> r.get("status").equals(NationalDataset.NOT_RECORDED))
                .map(r -> r.get("reason")).toList();
        assertThat(reasons).hasSize(9);
        assertThat(reasons.stream().filter(r -> r.startsWith("not a PDF: the file is an HTML page"))).hasSize(4);
        assertThat(reasons.stream().filter(r -> r.contains("2009 to 2013 frameworks"))).hasSize(4);
        assertThat(reasons.stream().filter(r -> r.contains("Local Safeguarding Children Board on its own"))).hasSize(1);
    }

    private static void checkEra(NationalDataset.Row r) {
        String where = r.where();
        assertThat(r.get("type")).as(where).isIn("standard", "short", "sif");
        LocalDate start = LocalDate.parse(r.get("start_date"), Dates.DATE);
        LocalDate end = LocalDate.parse(r.get("end_date"), Dates.DATE);
        LocalDate published = LocalDate.parse(r.get("publication_date"), Dates.DATE);
        assertThat(end).as(where).isAfterOrEqualTo(start);
        assertThat(published).as(where + " published after the last day on site").isAfter(end);
        boolean sif = r.get("type").equals("sif");
        if (sif) {
            assertThat(start).as(where + ": the last SIF inspections started in summer 2018").isBefore(LocalDate.of(2018, 7, 1));
        } else {
            assertThat(start).as(where + ": ILACS inspections started from January 2018").isAfterOrEqualTo(LocalDate.of(2018, 1, 1));
        }
        for (String area : List.of("leaders", "help_and_protection", "in_care")) {
            assertThat(r.get(area)).as(where + " " + area).isIn(union(GRADES, Set.of(NationalDataset.NOT_JUDGED)));
        }
        if (sif || start.isBefore(NO_OVERALL_FROM)) {
            assertThat(r.get("overall")).as(where + " overall").isIn(GRADES);
        }
        if (!sif && !start.isBefore(CARE_LEAVERS_FROM)) {
            assertThat(r.get("care_leavers")).as(where + " care leavers from 2023").isIn(GRADES);
        } else {
            assertThat(r.get("care_leavers")).as(where + " no separate care leavers judgement before 2023").isEmpty();
        }
        assertThat(r.get("lead_inspector")).as(where).isNotBlank();
        assertThat(r.notRead("lead_inspector")).as(where).isEqualTo(r.list("not_read").contains("lead_inspector"));
        String count = r.get("improvement_count");
        if (r.list("not_read").contains("improvement_items")) {
            assertThat(count).isEqualTo(NationalDataset.NOT_READ);
        } else {
            assertThat(Integer.parseInt(count)).as(where).isEqualTo(r.list("improvement_items").size());
        }
        assertThat(Integer.parseInt(r.get("priority_count"))).as(where).isEqualTo(r.list("priority_actions").size());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return s;
    }

    @Test
    void theBundledDatasetIsWhatTheExtractorReadsFromTheReports() throws IOException {
        NationalDataset.Verified dataset = bundled();
        Map<String, NationalDataset.Row> bySha = new HashMap<>();
        dataset.rows().forEach(r -> bySha.put(r.get("sha256"), r));
        DatasetBuilder builder = new DatasetBuilder(new ReportExtractor(), DatasetBuilder.bundledLaNames(),
                DatasetBuilder.readLinks(DIR.resolve("ofsted-report-links.csv")));
        String corpus = System.getProperty("OVERSIGHT_CORPUS", System.getenv("OVERSIGHT_CORPUS"));
        if (corpus != null && Files.isDirectory(Path.of(corpus))) {
            List<NationalDataset.Row> rebuilt = builder.build(DatasetBuilder.corpus(Path.of(corpus)));
            assertThat(rebuilt).hasSameSizeAs(dataset.rows());
            for (int i = 0; i < rebuilt.size(); i++) {
                assertThat(rebuilt.get(i).cells()).as(dataset.rows().get(i).where()).isEqualTo(dataset.rows().get(i).cells());
            }
            System.out.println("NationalDatasetTest: rebuilt all " + rebuilt.size() + " rows from the corpus at " + corpus);
            return;
        }
        List<Path> sample;
        try (Stream<Path> s = Files.list(Path.of("data/ofsted-reports"))) {
            sample = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        int compared = 0;
        List<String> notInDataset = new ArrayList<>();
        for (Path file : sample) {
            byte[] bytes = Files.readAllBytes(file);
            NationalDataset.Row expected = bySha.get(Checksums.sha256(bytes));
            if (expected == null) {
                notInDataset.add(file.getFileName().toString());
                continue;
            }
            String[] relative = expected.get("file").split("/", 2);
            Path asInCorpus = Path.of(relative[0], relative[1]);
            DatasetBuilder.Source source = new DatasetBuilder.Source(asInCorpus, expected.get("file"),
                    Integer.parseInt(expected.get("urn")), DatasetBuilder.publishedFromName(relative[1]));
            assertThat(builder.row(source, bytes).cells()).as(expected.where()).isEqualTo(expected.cells());
            compared++;
        }
        // every committed report is a corpus file (the 2012 Bromley web page is one too)
        assertThat(notInDataset).isEmpty();
        assertThat(compared).isEqualTo(66);
        System.out.println("NationalDatasetTest: corpus not present (set OVERSIGHT_CORPUS to check all 497 rows); re-extracted the "
                + compared + " committed sample reports and compared every cell of their rows");
    }

    @Test
    void aChangedRowOrATruncatedFileIsRefusedNamingWhatIsWrong() throws IOException {
        byte[] csv = Files.readAllBytes(DIR.resolve(NationalDataset.CSV_FILE));
        byte[] manifest = Files.readAllBytes(DIR.resolve(NationalDataset.MANIFEST_FILE));
        String text = new String(csv, StandardCharsets.UTF_8);

        String changed = text.replaceFirst("(80486,Barking and Dagenham,[^\\n]*?),good,", "$1,outstanding,");
        assertThat(changed).isNotEqualTo(text);
        assertThatThrownBy(() -> read(changed.getBytes(StandardCharsets.UTF_8), manifest))
                .isInstanceOf(NationalDataset.DatasetException.class)
                .hasMessageContaining("80486")
                .hasMessageContaining("do not match its checksum");

        String truncated = text.substring(0, text.indexOf("\n80486,"));
        assertThatThrownBy(() -> read(truncated.getBytes(StandardCharsets.UTF_8), manifest))
                .isInstanceOf(NationalDataset.DatasetException.class)
                .hasMessageContaining("truncated");

        String cutMidRow = text.substring(0, text.indexOf("\n80486,") + 40);
        assertThatThrownBy(() -> read(cutMidRow.getBytes(StandardCharsets.UTF_8), manifest))
                .isInstanceOf(NationalDataset.DatasetException.class);

        String reordered = swapFirstTwoRows(text);
        assertThatThrownBy(() -> read(reordered.getBytes(StandardCharsets.UTF_8), manifest))
                .isInstanceOf(NationalDataset.DatasetException.class)
                .hasMessageContaining("reordered");

        String crlf = text.replace("\n", "\r\n");
        assertThat(read(crlf.getBytes(StandardCharsets.UTF_8), manifest).rows()).as("line endings changed by a checkout")
                .hasSize(497);
    }

    private static String swapFirstTwoRows(String text) {
        List<String> records = new ArrayList<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(text))) {
            parser.forEach(r -> records.add(r.toList().stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"")
                    .reduce((a, b) -> a + "," + b).orElse("")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String first = records.get(1);
        records.set(1, records.get(2));
        records.set(2, first);
        return String.join("\n", records) + "\n";
    }

    private static NationalDataset.Verified read(byte[] csv, byte[] manifest) {
        return NationalDataset.read(new ByteArrayInputStream(csv), new ByteArrayInputStream(manifest));
    }
}
