package org.oversight.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.oversight.inspection.SingleRecordService;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.register.LocalAuthorities;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Ofsted corpus imported into real PostgreSQL, and damaged inputs that must leave nothing behind. */
@SpringBootTest
class ReportImportIT extends IntegrationTest {

    @Autowired
    ReportImporter importer;
    @Autowired
    SingleRecordService records;
    @Autowired
    LocalAuthorities localAuthorities;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theBundledReportsAreImportedOnStartWithTheExpectedJudgements() throws IOException {
        List<CSVRecord> expected;
        try (var reader = Files.newBufferedReader(Path.of("data/ofsted-reports/expected-judgements.csv"))) {
            expected = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
        assertThat(expected).hasSize(21);
        for (CSVRecord row : expected) {
            int urn = Integer.parseInt(row.get("urn"));
            var record = records.singleRecord(urn);
            String file = row.get("file");
            // the report's own inspection (the national dataset may hold a later one, e.g. Portsmouth's of 2026)
            java.time.LocalDate start = java.time.LocalDate.parse(row.get("start_date"), org.oversight.shared.Dates.DATE);
            InspectionActivity latest = record.activities().stream().map(SingleRecordService.ActivityView::activity)
                    .filter(a -> a.type().graded() && start.equals(a.startDate())).findFirst()
                    .orElseThrow(() -> new AssertionError("no inspection starting " + start + " for " + urn));
            assertThat(latest.type()).as(file).isEqualTo(row.get("framework").equals("short")
                    ? ActivityType.SHORT_INSPECTION : ActivityType.STANDARD_INSPECTION);
            assertThat(latest.publicationDate()).as(file).hasToString(row.get("publication_date"));
            assertThat(latest.documentSha256()).as(file).isEqualTo(DocumentStore.sha256(Files.readAllBytes(Path.of("data/ofsted-reports", file))));
            assertThat(grade(latest, JudgementArea.OVERALL)).as(file + " overall").isEqualTo(row.get("overall"));
            assertThat(grade(latest, JudgementArea.LEADERS)).as(file + " leaders").isEqualTo(row.get("leaders"));
            assertThat(grade(latest, JudgementArea.HELP_AND_PROTECTION)).as(file + " h&p").isEqualTo(row.get("help_and_protection"));
            assertThat(grade(latest, JudgementArea.IN_CARE)).as(file + " in care").isEqualTo(row.get("in_care"));
            assertThat(grade(latest, JudgementArea.CARE_LEAVERS)).as(file + " care leavers").isEqualTo(row.get("care_leavers"));
            assertThat(latest.improvementItems()).as(file + " what needs to improve").isNotEmpty();
        }
        // 65 reports (the 2012 Bromley file is a saved web page) and 10 letters.
        assertThat(jdbc.sql("SELECT count(*) FROM source_document").query(Integer.class).single()).isEqualTo(75);
        assertThat(records.register(new SingleRecordService.RegisterFilter(null, null, null)).stream()
                .filter(r -> r.latest() != null).count()).as("with the national dataset, every LA").isEqualTo(153);
    }

    @Test
    void lettersAreMatchedToTheirLaByName() {
        int harrow = localAuthorities.allActive().stream().filter(la -> la.name().equals("Harrow")).findFirst().orElseThrow().urn();
        var visits = records.singleRecord(harrow).activities().stream().map(SingleRecordService.ActivityView::activity)
                .filter(a -> a.type() == ActivityType.FOCUSED_VISIT).toList();
        assertThat(visits).hasSize(1);
        assertThat(visits.getFirst().startDate()).hasToString("2018-10-09");
        assertThat(visits.getFirst().leadInspector()).isEqualTo("Kate Malleson");
    }

    @Test
    void importingTheSameFileAgainChangesNothing() throws IOException {
        Path file = Path.of("data/ofsted-reports/80514-southwark-2022-11-11.pdf");
        int before = count();
        ReportImporter.FileResult again = importer.importDocument(file.getFileName().toString(), Files.readAllBytes(file),
                ReportImporter.Scope.national("test"));
        assertThat(again.outcome()).isEqualTo(ReportImporter.Outcome.UNCHANGED);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anLaUserCannotImportAnotherLasReport() throws IOException {
        Path file = Path.of("data/ofsted-reports/80514-southwark-2017-06-13.pdf");
        UUID city = localAuthorities.findByUrn(80450).orElseThrow().id();
        ReportImporter.FileResult result = importer.importDocument(file.getFileName().toString(), Files.readAllBytes(file),
                new ReportImporter.Scope(city, "col.manager"));
        assertThat(result.outcome()).isEqualTo(ReportImporter.Outcome.FAILED);
        assertThat(result.detail()).contains("Southwark").contains("only your own");
    }

    @Test
    void twoHundredDamagedInputsAreRefusedWithAReasonAndNothingIsStored() throws IOException {
        List<Damaged> inputs = damagedInputs();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(200);
        int before = count();
        int documentsBefore = jdbc.sql("SELECT count(*) FROM source_document").query(Integer.class).single();
        List<String> accepted = new ArrayList<>();
        for (Damaged input : inputs) {
            ReportImporter.FileResult result = importer.importDocument(input.name(), input.bytes(), ReportImporter.Scope.national("test"));
            if (result.outcome() != ReportImporter.Outcome.FAILED) {
                accepted.add(input.name() + " -> " + result.outcome());
            } else {
                assertThat(result.detail()).as(input.name()).isNotBlank();
            }
        }
        assertThat(accepted).as("damaged inputs that were accepted").isEmpty();
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM source_document").query(Integer.class).single()).isEqualTo(documentsBefore);
    }

    private int count() {
        return jdbc.sql("SELECT (SELECT count(*) FROM inspection_activity) + (SELECT count(*) FROM finding)").query(Integer.class).single();
    }

    private static String grade(InspectionActivity a, JudgementArea area) {
        Grade g = a.judgements().get(area);
        return g == null ? "" : g == Grade.REQUIRES_IMPROVEMENT ? "requires improvement" : g.name().toLowerCase();
    }

    record Damaged(String name, byte[] bytes) {
    }

    /** Truncations, bit flips inside compressed streams, and whole files that are not usable reports. */
    static List<Damaged> damagedInputs() throws IOException {
        List<Damaged> inputs = new ArrayList<>();
        String[] sources = {"80450-london-corporation-2024-11-05.pdf", "80514-southwark-2022-11-11.pdf", "80462-doncaster-2018-01-19.pdf"};
        Random random = new Random(20261126L);
        for (String source : sources) {
            byte[] pdf = Files.readAllBytes(Path.of("data/ofsted-reports", source));
            String urnName = source;
            for (int i = 1; i <= 40; i++) {
                int cut = (int) ((long) pdf.length * i / 41);
                inputs.add(new Damaged(urnName + "#truncated-" + cut, java.util.Arrays.copyOf(pdf, cut)));
            }
            List<int[]> streams = compressedStreams(pdf);
            for (int i = 0; i < 25 && !streams.isEmpty(); i++) {
                int[] s = streams.get(random.nextInt(streams.size()));
                byte[] copy = pdf.clone();
                int at = s[0] + random.nextInt(Math.max(1, s[1] - s[0]));
                copy[at] ^= (byte) (1 << random.nextInt(8));
                inputs.add(new Damaged(urnName + "#flipped-" + at, copy));
            }
        }
        inputs.add(new Damaged("80450-empty.pdf", new byte[0]));
        inputs.add(new Damaged("80450-zeros.pdf", new byte[4096]));
        byte[] noise = new byte[20000];
        random.nextBytes(noise);
        inputs.add(new Damaged("80450-random.pdf", noise));
        inputs.add(new Damaged("80450-web-page.pdf", "<!DOCTYPE html><html><body>Report not found</body></html>".getBytes(StandardCharsets.UTF_8)));
        inputs.add(new Damaged("80490-bromley-2012-08-17.pdf", Files.readAllBytes(Path.of("data/ofsted-reports/80490-bromley-2012-08-17.pdf"))));
        inputs.add(new Damaged("80450-encrypted.pdf", encrypted(Files.readAllBytes(Path.of("data/ofsted-reports", sources[0])))));
        inputs.add(new Damaged("80450-not-ofsted.pdf", textPdf("Minutes of the allotments committee, 3 March 2024")));
        inputs.add(new Damaged("80450-blank.pdf", textPdf(null)));
        inputs.add(new Damaged("unknown-la.txt", "Inspection of children's social care services\nInspection dates: 1 to 5 March 2021\n"
                .getBytes(StandardCharsets.UTF_8)));
        return inputs;
    }

    /** [start, end) of the data of each FlateDecode stream. */
    private static List<int[]> compressedStreams(byte[] pdf) {
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        List<int[]> ranges = new ArrayList<>();
        int from = 0;
        while (true) {
            int s = text.indexOf("stream", from);
            if (s < 0) {
                break;
            }
            int dict = text.lastIndexOf("<<", s);
            boolean flate = dict >= 0 && text.substring(dict, s).contains("FlateDecode") && !text.startsWith("endstream", s - 3);
            int start = text.charAt(s + 6) == '\r' ? s + 8 : s + 7;
            int end = text.indexOf("endstream", start);
            if (end < 0) {
                break;
            }
            if (flate && end - start > 64 && !text.substring(dict, s).contains("/XRef")) {
                ranges.add(new int[] {start + 2, end - 8});
            }
            from = end + 9;
        }
        return ranges;
    }

    private static byte[] encrypted(byte[] pdf) throws IOException {
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] textPdf(String line) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            if (line != null) {
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(line);
                    content.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
