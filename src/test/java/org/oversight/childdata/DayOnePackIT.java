package org.oversight.childdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.access.CurrentUser;
import org.oversight.access.InspectorGrants;
import org.oversight.childdata.ChildDataImporter.Mode;
import org.oversight.childdata.ChildDataImporter.Outcome;
import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.childdata.ssd.JourneyImporter;
import org.oversight.childdata.ssd.SyntheticJourney;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.HttpTest;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day-one pack over real HTTP and PostgreSQL: a synthetic whole journey imported for City of London, a standard
 * inspection notified, the pack's lists 1 to 7 counted against hand counts in SQL over the stored tables, the download
 * logged; and who may open it (the LA's managers and a granted inspector; not its staff, an inspector without a grant or
 * another LA's manager).
 */
class DayOnePackIT extends HttpTest {

    private static final LocalDate NOTIFIED = LocalDate.of(2026, 2, 16);

    @Autowired
    JourneyImporter importer;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    InspectorGrants grants;
    @Autowired
    CurrentUser currentUser;

    @Autowired
    org.oversight.compliance.protection.HelpAndProtection helpAndProtection;

    UUID activity;

    private UUID city() {
        return jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
    }

    private UUID importJourney() throws IOException {
        Path dir = Files.createTempDirectory("oversight-day-one");
        SyntheticJourney.write(SyntheticJourney.of(SyntheticCinCensus.for2025to26("201", 400, 17).census(), 17), dir);
        List<ImportFile> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().map(ImportFile::of).toList();
        }
        Outcome outcome = importer.importSsd(80450, 2025, files, Mode.REJECT_IF_ANY_ERROR, false, () -> { });
        assertThat(outcome.stored()).as(outcome.errors().toString()).isTrue();
        return outcome.snapshotId();
    }

    private UUID inspection(LocalDate notified, String type) {
        return TenantScope.asSystem(() -> jdbc.sql("""
                INSERT INTO inspection_activity (la_id, type, notification_date, created_by, updated_by) VALUES (?, ?, ?, 'test', 'test') RETURNING id""")
                .params(city(), type, notified == null ? null : java.sql.Date.valueOf(notified)).query(UUID.class).single());
    }

    @AfterEach
    void removeActivity() {
        if (activity != null) {
            TenantScope.asSystem(() -> jdbc.sql("DELETE FROM inspector_grant WHERE activity_id = ?").param(activity).update());
            TenantScope.asSystem(() -> jdbc.sql("DELETE FROM inspection_activity WHERE id = ?").param(activity).update());
        }
    }

    private HttpResponse<byte[]> bytes(String path, String user) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private int count(String sql, UUID snapshot, LocalDate from, LocalDate to) {
        return TenantScope.asSystem(() -> jdbc.sql(sql).param("s", snapshot).param("from", from).param("to", to).query(Integer.class).single());
    }

    @Test
    @WithUserDetails("col.manager")
    void theListsMatchHandCountsInSqlAndTheDownloadIsLogged() throws Exception {
        UUID snapshot = importJourney();
        activity = inspection(NOTIFIED, "STANDARD_INSPECTION");
        LocalDate from = NOTIFIED.minusMonths(org.oversight.childdata.annexa.AnnexAJourney.WINDOW_MONTHS).plusDays(1);
        int[] expected = {
                count("SELECT count(*) FROM ssd_contacts WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cont_contact_date BETWEEN :from AND :to", snapshot, from, NOTIFIED),
                count("SELECT count(*) FROM ssd_early_help_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND earl_episode_start_date <= :to "
                        + "AND (earl_episode_end_date IS NULL OR earl_episode_end_date >= :from)", snapshot, from, NOTIFIED),
                count("SELECT count(*) FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cine_referral_date BETWEEN :from AND :to", snapshot, from, NOTIFIED),
                count("SELECT count(*) FROM ssd_cin_assessments WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cina_assessment_start_date <= :to "
                        + "AND (cina_assessment_auth_date IS NULL OR cina_assessment_auth_date >= :from)", snapshot, from, NOTIFIED),
                count("SELECT count(*) FROM ssd_s47_enquiry WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND s47e_s47_start_date BETWEEN :from AND :to", snapshot, from, NOTIFIED),
                count("SELECT count(*) FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cine_referral_date <= :to "
                        + "AND (cine_close_date IS NULL OR cine_close_date >= :from)", snapshot, from, NOTIFIED),
                count("SELECT count(*) FROM ssd_cp_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cppl_cp_plan_start_date <= :to "
                        + "AND (cppl_cp_plan_end_date IS NULL OR cppl_cp_plan_end_date >= :from)", snapshot, from, NOTIFIED)};
        int cpOpen = count("SELECT count(*) FROM ssd_cp_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cppl_cp_plan_start_date <= :to "
                + "AND (cppl_cp_plan_end_date IS NULL OR cppl_cp_plan_end_date > :to) AND :from IS NOT NULL", snapshot, from, NOTIFIED);
        System.out.println("Day-one pack, synthetic journey of 400 children as of " + NOTIFIED + ": lists 1-7 hand counts "
                + java.util.Arrays.toString(expected) + ", CP plans open " + cpOpen);
        for (int n = 0; n < 7; n++) {
            assertThat(expected[n]).as("list " + (n + 1) + " has rows in the synthetic journey").isPositive();
        }

        // A value typed as a formula stays text in the workbook.
        TenantScope.asSystem(() -> jdbc.sql("""
                UPDATE ssd_contacts SET cont_contact_source_code = '=HYPERLINK("http://example.invalid")', cont_contact_source_desc = NULL
                 WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cont_contact_id = (SELECT min(cont_contact_id) FROM ssd_contacts WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)
                   AND cont_contact_date BETWEEN ? AND ?)""").params(snapshot, snapshot, from, NOTIFIED).update());
        var response = bytes("/api/v1/local-authorities/80450/inspections/" + activity + "/day-one-pack", "col.manager");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("day-one-annex-a-201-2026-02-16.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Read me");
            for (int n = 1; n <= 11; n++) {
                assertThat(wb.getSheet("List " + n)).as("list " + n).isNotNull();
            }
            assertThat(wb.getSheet("Validation")).isNotNull();
            for (int n = 1; n <= 7; n++) {
                Sheet sheet = wb.getSheet("List " + n);
                assertThat(sheet.getLastRowNum()).as("rows of list " + n + " against the SQL count").isEqualTo(expected[n - 1]);
                assertThat(wb.getSheet("Validation").getRow(n).getCell(2).getNumericCellValue()).as("validation rows of list " + n)
                        .isEqualTo(expected[n - 1]);
            }
            Row header = wb.getSheet("List 5").getRow(0);
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Strategy discussion initiating Section 47 Enquiry Start Date");
            Row first = wb.getSheet("List 1").getRow(1);
            assertThat(first.getCell(5).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            LocalDate contact = first.getCell(5).getLocalDateTimeCellValue().toLocalDate();
            assertThat(contact).isBetween(from, NOTIFIED);
            int cpRows = 0;
            Sheet l7 = wb.getSheet("List 7");
            for (int r = 1; r <= l7.getLastRowNum(); r++) {
                if (l7.getRow(r).getCell(12) == null || l7.getRow(r).getCell(12).getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK) {
                    cpRows++;
                }
            }
            assertThat(cpRows).as("plans open on the date (no end date by then)").isEqualTo(cpOpen);
            int formulas = 0;
            int quoted = 0;
            Sheet l1 = wb.getSheet("List 1");
            for (int r = 1; r <= l1.getLastRowNum(); r++) {
                var source = l1.getRow(r).getCell(6);
                if (source.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                    formulas++;
                } else if (source.getStringCellValue().startsWith("=HYPERLINK") && source.getCellStyle().getQuotePrefixed()) {
                    quoted++;
                }
            }
            assertThat(formulas).as("no formula cells").isZero();
            assertThat(quoted).as("the formula-like source is quote-prefixed text").isEqualTo(1);
            assertThat(wb.getSheet("List 11").getRow(2).getCell(0).getStringCellValue()).contains("does not hold adopters");
            assertThat(wb.getSheet("Read me").getRow(2).getCell(1).getStringCellValue()).isEqualTo("16/02/2026");
        }
        assertThat(TenantScope.asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM child_access WHERE la_id = ? AND viewed_by = 'col.manager' AND purpose = 'INSPECTION' AND what LIKE 'day-one pack%'""")
                .param(city()).query(Integer.class).single())).as("the download is in the access log").isPositive();

        // Checked against an implementation this pack does not share: the front door (compliance module) over the same
        // snapshot and the same months counts the same contacts, referrals, re-referrals and section 47 enquiries.
        var frontDoor = helpAndProtection.frontDoor(city(), from, NOTIFIED).orElseThrow().result();
        var all = org.oversight.compliance.protection.FrontDoor.Result.all();
        assertThat(frontDoor.figure(org.oversight.compliance.protection.FrontDoor.Measure.CONTACTS, all).total()).isEqualTo(expected[0]);
        assertThat(frontDoor.figure(org.oversight.compliance.protection.FrontDoor.Measure.RE_REFERRALS, all).total()).isEqualTo(expected[2]);
        assertThat(frontDoor.figure(org.oversight.compliance.protection.FrontDoor.Measure.SECTION_47, all).total()).isEqualTo(expected[4]);
        long reReferrals = frontDoor.figure(org.oversight.compliance.protection.FrontDoor.Measure.RE_REFERRALS, all).hits();
        System.out.println("Front door over the same months: contacts " + expected[0] + ", referrals " + expected[2] + ", re-referrals "
                + reReferrals + ", s47 " + expected[4] + "; assessments in time (front door, settled by due date) "
                + frontDoor.figure(org.oversight.compliance.protection.FrontDoor.Measure.ASSESSMENTS_IN_TIME, all).percent() + "%");

        var page = http.get("/activities/" + activity + "/day-one", "col.manager");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).as("re-referrals as the front door counts them").contains("id=\"figure-re-referrals\">" + reReferrals + " (");
        assertThat(page.body()).contains("16 February 2026").contains("id=\"figure-contacts\">" + expected[0] + "<")
                .contains("id=\"figure-cp-open\">" + cpOpen + "<").contains("Not held");
        assertThat(http.get("/activities/" + activity, "col.manager").body()).as("linked from the activity").contains("/activities/" + activity + "/day-one");
    }

    @Test
    @WithUserDetails("southwark.manager")
    void listsEightToTenStandAsAtTheNotificationDateAgainstHandCountsInSql() throws Exception {
        UUID southwark = org.oversight.compliance.ComplianceFixtures.southwark(jdbc);
        var snapshot = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT id, coalesce(as_at, DATE '2026-03-31') FROM import_snapshot WHERE la_id = ? AND kind = 'SSDA903' AND superseded_at IS NULL
                 ORDER BY collection_year DESC LIMIT 1""").param(southwark)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class)}).single());
        LocalDate notified = ((LocalDate) snapshot[1]).minusMonths(2);
        activity = TenantScope.asSystem(() -> jdbc.sql("""
                INSERT INTO inspection_activity (la_id, type, notification_date, created_by, updated_by)
                VALUES (?, 'SHORT_INSPECTION', ?, 'test', 'test') RETURNING id""").params(southwark, java.sql.Date.valueOf(notified))
                .query(UUID.class).single());
        LocalDate from = notified.minusMonths(org.oversight.childdata.annexa.AnnexAJourney.WINDOW_MONTHS).plusDays(1);
        int list8 = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT count(DISTINCT child_ref) FROM episode WHERE snapshot_id = :s AND decom <= :to AND (dec IS NULL OR dec >= :six)""")
                .param("s", snapshot[0]).param("to", notified).param("six", notified.minusMonths(6)).query(Integer.class).single());
        int list10 = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT count(DISTINCT child_ref) FROM episode WHERE snapshot_id = :s AND decom <= :to
                   AND ((legal_status = 'E1' OR place IN ('A3', 'A4', 'A5', 'A6')) AND (dec IS NULL OR dec >= :from)
                        OR rec IN ('E11', 'E12') AND dec BETWEEN :from AND :to)""")
                .param("s", snapshot[0]).param("to", notified).param("from", from).query(Integer.class).single());
        int leavers = TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM care_leaver l JOIN child c USING (snapshot_id, child_ref) WHERE l.snapshot_id = ?")
                .param(snapshot[0]).query(Integer.class).single());
        System.out.println("Day-one pack, Southwark's SSDA903 fixture as of " + notified + ": list 8 " + list8 + ", list 9 " + leavers + ", list 10 " + list10);
        assertThat(list8).isPositive();

        var response = bytes("/activities/" + activity + "/day-one-pack.xlsx", "southwark.manager");
        assertThat(response.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(wb.getSheet("List 8").getLastRowNum()).as("children in care on the date or ceased in the 6 months before").isEqualTo(list8);
            assertThat(wb.getSheet("List 9").getLastRowNum()).isEqualTo(leavers);
            assertThat(wb.getSheet("List 10").getLastRowNum()).isEqualTo(list10);
            assertThat(wb.getSheet("Validation").getRow(8).getCell(2).getNumericCellValue()).isEqualTo(list8);
            Sheet l8 = wb.getSheet("List 8");
            for (int r = 1; r <= l8.getLastRowNum(); r++) {
                var started = l8.getRow(r).getCell(7);
                assertThat(started.getLocalDateTimeCellValue().toLocalDate()).as("nobody who came into care after the date").isBeforeOrEqualTo(notified);
            }
        }
        int inCare = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT count(DISTINCT child_ref) FROM episode WHERE snapshot_id = :s AND decom <= :to AND (dec IS NULL OR dec > :to)""")
                .param("s", snapshot[0]).param("to", notified).query(Integer.class).single());
        assertThat(http.get("/activities/" + activity + "/day-one", "southwark.manager").body())
                .contains("id=\"figure-in-care\">" + inCare + "<").contains("id=\"figure-care-leavers\">" + leavers + "<");
    }

    @Test
    @WithUserDetails("col.manager")
    void beforeTheNotificationDateThePageExplainsAndThereIsNoPack() {
        activity = inspection(null, "SHORT_INSPECTION");
        var page = http.get("/activities/" + activity + "/day-one", "col.manager");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("becomes available once the inspection").doesNotContain("day-one-download");
        assertThat(http.get("/activities/" + activity + "/day-one-pack.xlsx", "col.manager").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/local-authorities/80450/inspections/" + activity + "/day-one-pack", "col.manager").status()).isEqualTo(404);
    }

    @Test
    @WithUserDetails("col.manager")
    void onlyTheLasManagersAndAGrantedInspectorMayOpenIt() throws Exception {
        activity = inspection(NOTIFIED, "STANDARD_INSPECTION");
        String page = "/activities/" + activity + "/day-one";
        String download = "/activities/" + activity + "/day-one-pack.xlsx";
        String api = "/api/v1/local-authorities/80450/inspections/" + activity + "/day-one-pack";
        for (String user : List.of("col.staff", "col.councillor", "inspector", "southwark.manager", "analyst", "admin")) {
            for (String path : List.of(page, download, api)) {
                var r = http.get(path, user);
                assertThat(r.status()).as(user + " " + path).isEqualTo(403);
                assertThat(r.body() == null ? "" : r.body()).as(user + " " + path).doesNotContain("figure-contacts").doesNotContain("Child Unique ID");
            }
        }
        assertThat(http.get("/api/v1/local-authorities/80514/inspections/" + activity + "/day-one-pack", "southwark.manager").status())
                .as("another LA's URN with this LA's activity").isIn(403, 404);
        assertThat(http.get(page, null).status()).as("anonymous").isIn(302, 401);

        // An inspector on site with a grant in force for City of London.
        TenantScope.asSystem(() -> jdbc.sql("INSERT INTO on_site_range (activity_id, ordinal, start_date, end_date) VALUES (?, 0, ?, ?)")
                .params(activity, java.sql.Date.valueOf(grants.today().minusDays(1)), java.sql.Date.valueOf(grants.today().plusDays(6))).update());
        TenantScope.asSystem(() -> jdbc.sql("UPDATE inspector_grant SET revoked_at = now(), revoked_by = 'test' WHERE revoked_at IS NULL").update());
        grants.grant(city(), activity, grants.today(), grants.today().plusDays(4), "inspector", currentUser);
        assertThat(http.get(page, "inspector").status()).isEqualTo(200);
        var pack = bytes(api, "inspector");
        assertThat(pack.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(pack.body()))) {
            assertThat(wb.getSheet("Validation")).isNotNull();
        }
        assertThat(TenantScope.asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM child_access WHERE la_id = ? AND viewed_by = 'inspector' AND purpose = 'INSPECTION'
                   AND what LIKE '%inspector under a grant%'""").param(city()).query(Integer.class).single())).isPositive();
        assertThat(http.get(page, "col.staff").status()).as("staff still not").isEqualTo(403);
    }
}
