package org.oversight.childdata.ssd;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ChildDataImporter.Mode;
import org.oversight.childdata.ChildDataImporter.Outcome;
import org.oversight.childdata.DayOnePack;
import org.oversight.childdata.ImportFile;
import org.oversight.childdata.annexa.AnnexAJourneyReaderTest;
import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.DemoJourneyFixture;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.support.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Annex A lists 1 to 7 into the whole-journey store, in real PostgreSQL through its three doors (importer as the page's
 * job runs it, the API, the page), with the round trip as the independent check: City of London's demo journey exported
 * as Annex A, imported back, and exported again equals the first export row for row. Bad input stores nothing; another
 * LA's manager gets 403.
 */
class AnnexAJourneyImportIT extends HttpTest {

    private static final int CITY = 80450;

    @Autowired
    JourneyImporter importer;
    @Autowired
    DayOnePack dayOnePack;
    @Autowired
    DemoJourneys demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    org.oversight.childdata.journey.ChildJourneys journeys;

    private List<UUID> currentBefore;
    private UUID demoSnapshot;

    private UUID city() {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(CITY).query(UUID.class).single());
    }

    private List<UUID> current() {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM import_snapshot WHERE la_id = ? AND kind = 'SSD' AND superseded_at IS NULL")
                .param(city()).query(UUID.class).list());
    }

    private int snapshots() {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM import_snapshot WHERE la_id = ? AND kind IN ('SSD', 'CIN_CENSUS')")
                .param(city()).query(Integer.class).single());
    }

    @BeforeEach
    void remember() {
        currentBefore = current();
    }

    /** Removes the snapshots a test stored and makes current again those they superseded. */
    @AfterEach
    void restore() {
        TenantScope.asSystem(() -> {
            jdbc.sql("DELETE FROM import_snapshot WHERE la_id = ? AND source LIKE 'Annex A lists 1 to 7: %'").param(city()).update();
            for (UUID id : currentBefore) {
                jdbc.sql("UPDATE import_snapshot SET superseded_at = NULL WHERE id = ?").param(id).update();
            }
        });
        DemoJourneyFixture.remove(jdbc, demoSnapshot);
        demoSnapshot = null;
    }

    private static byte[] workbook(Map<String, List<List<Object>>> sheets) throws IOException {
        Path file = AnnexAJourneyReaderTest.workbook(sheets);
        try {
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Lists 1 to 7 of an exported workbook: each list's heading row then its rows, every cell as shown. */
    private static Map<Integer, List<List<String>>> lists(byte[] xlsx) throws IOException {
        Map<Integer, List<List<String>>> out = new LinkedHashMap<>();
        DataFormatter shown = new DataFormatter(java.util.Locale.UK);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (int n = 1; n <= 7; n++) {
                Sheet sheet = wb.getSheet("List " + n);
                int columns = sheet.getRow(0).getLastCellNum();
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < columns; c++) {
                        cells.add(row == null || row.getCell(c) == null ? "" : shown.formatCellValue(row.getCell(c)));
                    }
                    rows.add(cells);
                }
                out.put(n, rows);
            }
        }
        return out;
    }

    /**
     * Columns that lists 1 to 7 state but cannot carry back into the store: counts of the child's earlier events (a
     * referral 6 to 12 months before is in no list), and list 6's case status "Child in need plan" (Annex A gives no
     * CIN plan dates, so no plan is made up: the case comes back as "Open case"). Every other column must come back.
     */
    private static final java.util.Set<String> HISTORY = java.util.Set.of("Number of Referrals in Last 12 Months",
            "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months", "Case Status");

    /** The rows (without the heading row) as text of the kept columns (all when null), sorted. */
    private static List<String> rows(List<List<String>> list, List<Integer> kept) {
        return list.subList(1, list.size()).stream().map(r -> kept == null ? String.join(" | ", r)
                : String.join(" | ", kept.stream().map(r::get).toList())).sorted().toList();
    }

    @Test
    @WithUserDetails("col.manager")
    void cityOfLondonsDemoJourneyExportedAsAnnexAComesBackRowForRow() throws IOException {
        demoSnapshot = DemoJourneyFixture.loadIfMissing(demo, jdbc);
        LocalDate asOf = LocalDate.now(clock);
        byte[] first = dayOnePack.annexA(city(), "City of London", asOf);
        Map<Integer, List<List<String>>> before = lists(first);

        Outcome outcome = importer.importAnnexA(CITY, List.of(ImportFile.of("annex-a.xlsx", first)), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(outcome.stored()).as(outcome.errors().toString()).isTrue();
        assertThat(outcome.errors()).extracting(ValidationError::ruleCode).containsOnly("OV-AA-NOT-READ");
        String source = TenantScope.asSystem(() -> jdbc.sql("SELECT kind || ' ' || source FROM import_snapshot WHERE id = ?")
                .param(outcome.snapshotId()).query(String.class).single());
        assertThat(source).isEqualTo("SSD Annex A lists 1 to 7: annex-a.xlsx");
        assertThat(current()).as("it supersedes the demo's snapshot of its year").contains(outcome.snapshotId()).doesNotContain(demoSnapshot);
        assertThat(TenantScope.asSystem(() -> journeys.current(city())).orElseThrow().id()).as("the LA's current journey").isEqualTo(outcome.snapshotId());
        // a child's journey names the workbook's lists as where its help-and-protection part came from, not an SSD extract
        String child = TenantScope.asSystem(() -> journeys.journey(outcome.snapshotId())).referrals().getFirst().person();
        String year = TenantScope.asSystem(() -> jdbc.sql("SELECT collection_year FROM import_snapshot WHERE id = ?").param(outcome.snapshotId())
                .query(String.class).single());
        java.util.Set<String> sources = new java.util.TreeSet<>();
        http.get("/api/v1/local-authorities/" + CITY + "/children/" + child + "/journey?purpose=DATA_QUALITY", "col.manager").json().get("events")
                .forEach(e -> sources.add(e.get("source").asText()));
        assertThat(sources).filteredOn(x -> !x.startsWith("SSDA903 return ")).containsExactly("Annex A lists 1 to 7, " + year);

        Map<Integer, List<List<String>>> after = lists(dayOnePack.annexA(city(), "City of London", asOf));
        StringBuilder counts = new StringBuilder();
        int historyDifferences = 0;
        int cinPlans = 0;
        for (int n = 1; n <= 7; n++) {
            List<String> headings = before.get(n).getFirst();
            assertThat(after.get(n).getFirst()).isEqualTo(headings);
            List<Integer> kept = new ArrayList<>();
            for (int c = 0; c < headings.size(); c++) {
                if (!HISTORY.contains(headings.get(c))) {
                    kept.add(c);
                }
            }
            List<String> a = rows(before.get(n), kept);
            List<String> b = rows(after.get(n), kept);
            counts.append("list ").append(n).append(": ").append(a.size()).append(" rows; ");
            assertThat(b).as("list " + n).containsExactlyElementsOf(a);
            List<String> whole = new ArrayList<>(rows(before.get(n), null));
            rows(after.get(n), null).forEach(whole::remove);
            if (n == 6) {
                assertThat(whole).as("list 6 rows differ only where the case status was a CIN plan").allMatch(r -> r.contains("| Child in need plan |"));
                cinPlans = whole.size();
            } else {
                historyDifferences += whole.size();
            }
        }
        counts.append("rows differing only in a count of earlier events: ").append(historyDifferences)
                .append("; list 6 rows whose 'Child in need plan' came back as 'Open case': ").append(cinPlans);
        System.out.println("Annex A round trip of City of London's demo journey as at " + asOf + ": " + counts);
        assertThat(before.values().stream().mapToInt(l -> l.size() - 1).sum()).as("the demo fills the lists").isGreaterThan(50);
        assertThat(historyDifferences).as("few rows have earlier events outside the lists").isLessThan(before.get(3).size() / 10 + 2);
    }

    @Test
    @WithUserDetails("col.manager")
    void aWrongHeadingAnUnknownLabelOrAnImpossibleDateStoresNothing() throws IOException {
        int before = snapshots();
        Map<String, List<List<Object>>> heading = AnnexAJourneyReaderTest.good();
        List<Object> h = new ArrayList<>(heading.get("List 3").getFirst());
        h.set(h.indexOf("Date of Referral"), "Referral Date");
        heading.put("List 3", List.of(h, heading.get("List 3").get(1)));
        Outcome wrongHeading = importer.importAnnexA(CITY, List.of(ImportFile.of("heading.xlsx", workbook(heading))), Mode.ACCEPT_GOOD_ROWS, false,
                () -> { });
        assertThat(wrongHeading.stored()).isFalse();
        assertThat(wrongHeading.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("heading.xlsx (List 3)");
            assertThat(e.column()).isEqualTo("Date of Referral");
            assertThat(e.ruleCode()).isEqualTo("OV-AA-COLUMN");
        });

        Map<String, List<List<Object>>> label = AnnexAJourneyReaderTest.good();
        List<Object> row = new ArrayList<>(label.get("List 1").get(1));
        row.set(6, "Z9: Neighbour");
        label.put("List 1", List.of(label.get("List 1").getFirst(), row));
        Outcome unknown = importer.importAnnexA(CITY, List.of(ImportFile.of("label.xlsx", workbook(label))), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(unknown.stored()).isFalse();
        assertThat(unknown.errors()).anySatisfy(e -> assertThat(List.of(e.file(), String.valueOf(e.row()), e.column(), e.value(), e.ruleCode()))
                .containsExactly("label.xlsx (List 1)", "2", "Contact Source", "Z9: Neighbour", "OV-AA-LABEL"));

        Map<String, List<List<Object>>> date = AnnexAJourneyReaderTest.good();
        List<Object> plan = new ArrayList<>(date.get("List 7").get(1));
        plan.set(6, "30/02/2026");
        date.put("List 7", List.of(date.get("List 7").getFirst(), plan));
        Outcome impossible = importer.importAnnexA(CITY, List.of(ImportFile.of("date.xlsx", workbook(date))), Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(impossible.stored()).isFalse();
        assertThat(impossible.errors()).anySatisfy(e -> assertThat(List.of(e.file(), String.valueOf(e.row()), e.column(), e.value(), e.ruleCode()))
                .containsExactly("date.xlsx (List 7)", "2", "Child Protection Plan Start Date", "30/02/2026", "OV-AA-DATE"));

        Outcome notAWorkbook = importer.importAnnexA(CITY, List.of(ImportFile.of("lists.csv", "a,b\n".getBytes())), Mode.REJECT_IF_ANY_ERROR, false,
                () -> { });
        assertThat(notAWorkbook.stored()).isFalse();
        assertThat(notAWorkbook.errors()).extracting(ValidationError::ruleCode).containsExactly("OV-AA-ONE-FILE");
        assertThat(snapshots()).as("nothing stored").isEqualTo(before);
        assertThat(current()).containsExactlyInAnyOrderElementsOf(currentBefore);

        // with "store the rows without errors" the good rows of the impossible date's workbook go in, the plan is left out
        Outcome accepted = importer.importAnnexA(CITY, List.of(ImportFile.of("date.xlsx", workbook(date))), Mode.ACCEPT_GOOD_ROWS, false, () -> { });
        assertThat(accepted.stored()).isTrue();
        assertThat(accepted.rejected()).isEqualTo(1);
        assertThat(TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM ssd_cp_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)").param(accepted.snapshotId())
                .query(Integer.class).single())).isZero();
        assertThat(TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)").param(accepted.snapshotId())
                .query(Integer.class).single())).isEqualTo(2);
    }

    @Test
    @WithUserDetails("southwark.manager")
    void anotherLasManagerCannotImportIntoCityOfLondon() throws IOException {
        int before = snapshots();
        byte[] good = workbook(AnnexAJourneyReaderTest.good());
        assertThatThrownBy(() -> importer.importAnnexA(CITY, List.of(ImportFile.of("annex-a.xlsx", good)), Mode.REJECT_IF_ANY_ERROR, false, () -> { }))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(snapshots()).isEqualTo(before);
    }

    private Http.Response api(String user, String name, byte[] xlsx) {
        String boundary = "oversight-" + UUID.randomUUID();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/local-authorities/" + CITY + "/annex-a"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.multipartBody(boundary, Map.of(), Map.of(name, xlsx), "file",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))), user);
    }

    @Test
    void theApiStoresTheLasWorkbookRefusesEveryoneElseAndAnswersErrorsWithTheirPlace() throws IOException {
        int before = snapshots();
        byte[] good = workbook(AnnexAJourneyReaderTest.good());
        for (String user : new String[] {"col.councillor", "southwark.manager", "analyst", "inspector"}) {
            assertThat(api(user, "annex-a.xlsx", good).status()).as(user).isEqualTo(403);
        }
        assertThat(snapshots()).isEqualTo(before);

        Map<String, List<List<Object>>> label = AnnexAJourneyReaderTest.good();
        List<Object> row = new ArrayList<>(label.get("List 2").get(1));
        row.set(1, "z) Martian");
        label.put("List 2", List.of(label.get("List 2").getFirst(), row));
        Http.Response refused = api("col.manager", "label.xlsx", workbook(label));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"stored\":false").contains("label.xlsx (List 2)").contains("OV-AA-LABEL").contains("z) Martian");
        assertThat(snapshots()).isEqualTo(before);

        Http.Response stored = api("col.staff", "annex-a.xlsx", good);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).contains("\"stored\":true");
        assertThat(snapshots()).isEqualTo(before + 1);

        Http.Response none = http.multipart("/api/v1/local-authorities/" + CITY + "/annex-a", "col.manager", Map.of("mode", "sometimes"), Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("file").contains("mode");
    }

    @Test
    void theUploadPageRunsItAsAJobAndShowsWhatWasStored() throws Exception {
        int before = snapshots();
        Session page = new Session(port);
        assertThat(page.signIn("col.manager", "test-password").status()).isEqualTo(302);
        assertThat(page.get("/local-authorities/" + CITY + "/child-data").body()).contains("value=\"ANNEX_A_JOURNEY\"");
        Http.Response upload = page.upload("/local-authorities/" + CITY + "/child-data", Map.of("kind", "ANNEX_A_JOURNEY", "mode", "reject"),
                Map.of("annex-a.xlsx", workbook(AnnexAJourneyReaderTest.good())));
        assertThat(upload.status()).as(upload.body()).isEqualTo(302);
        String location = upload.header("Location");
        String job = location.substring(location.lastIndexOf('/') + 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String stage = "";
        while (System.nanoTime() < deadline && !stage.equals("DONE") && !stage.equals("FAILED")) {
            Thread.sleep(100);
            stage = TenantScope.asSystem(() -> jdbc.sql("SELECT stage FROM child_import_job WHERE id = ?::uuid").param(job).query(String.class).single());
        }
        assertThat(stage).isEqualTo("DONE");
        String result = page.get("/local-authorities/" + CITY + "/child-data/jobs/" + job).body();
        assertThat(result).contains("Annex A lists 1 to 7 stored").contains("id=\"import-stored\"");
        assertThat(snapshots()).isEqualTo(before + 1);

        Session other = new Session(port);
        assertThat(other.signIn("southwark.manager", "test-password").status()).isEqualTo(302);
        assertThat(other.get("/local-authorities/" + CITY + "/child-data/jobs/" + job).status()).isIn(403, 404);
    }
}
