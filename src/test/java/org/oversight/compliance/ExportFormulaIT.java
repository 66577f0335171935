package org.oversight.compliance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oversight.shared.db.TenantScope;
import org.oversight.shared.web.SpreadsheetSafe;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.support.TestPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that a spreadsheet would run as a formula, put where each export takes it from (a plan action, an Annex A team
 * and worker, a child reference in the access log, an LA's name in the register), comes out of every CSV and XLSX
 * Oversight writes as text: in CSV with a leading apostrophe, in XLSX as a quote-prefixed text cell.
 */
class ExportFormulaIT extends HttpTest {

    private static final String LINK = "=HYPERLINK(\"http://evil.example\",\"Open\")";
    private static final String AT = "@SUM(1+1)*cmd|' /C calc'!A0";

    @Autowired
    JdbcClient jdbc;

    private static List<CSVRecord> csv(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        try {
            return CSVFormat.DEFAULT.parse(new StringReader(r.body().substring(1))).getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** No field of the CSV would run as a formula, and the given values are there as text. */
    private static void safe(List<CSVRecord> rows, String... values) {
        assertThat(rows).allSatisfy(r -> r.forEach(v -> assertThat(SpreadsheetSafe.risky(v)).as(v).isFalse()));
        for (String v : values) {
            assertThat(rows).as(v).anySatisfy(r -> assertThat(r.toList()).contains("'" + v));
        }
    }

    @Test
    void aPlansActionsCsvWritesAFormulaActionAsText() {
        TestPlans.Plan plan = TestPlans.create(jdbc, "Export formula test plan");
        try {
            UUID owner = jdbc.sql("SELECT id FROM app_user WHERE username = 'col.manager'").query(UUID.class).single();
            Http.Response added = http.post("/api/v1/plans/" + plan.id() + "/items/" + plan.item() + "/actions", """
                    {"description": "%s", "ownerId": "%s", "dueDate": "2027-01-31", "status": "NOT_STARTED"}""".formatted(LINK.replace("\"", "\\\""), owner),
                    "col.manager");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            safe(csv(http.get("/plans/" + plan.id() + "/actions.csv", "col.manager")), LINK);
        } finally {
            TestPlans.delete(jdbc, plan);
        }
    }

    @Test
    void theComplianceCsvTheAnnexAWorkbookAndTheAccessLogWriteFormulasAsText() throws IOException {
        UUID la = ComplianceFixtures.southwark(jdbc);
        String year = TenantScope.asSystem(() -> jdbc.sql("SELECT collection_year FROM import_snapshot WHERE la_id = ? AND kind = 'SSDA903' AND superseded_at IS NULL")
                .param(la).query(String.class).single());
        UUID annex = TenantScope.asSystem(() -> jdbc.sql("""
                INSERT INTO import_snapshot (la_id, collection_year, kind, source, imported_by, imported_at, rows_accepted, rows_rejected)
                VALUES (?, ?, 'ANNEX_A', 'test', 'test', now(), 1, 0) RETURNING id""").params(la, year).query(UUID.class).single());
        try {
            TenantScope.asSystem(() -> jdbc.sql("INSERT INTO annex_a_child (snapshot_id, la_id, list, child_ref, team, worker) VALUES (?, ?, 8, 'B2', ?, ?)")
                    .params(annex, la, LINK, AT).update());
            TenantScope.asSystem(() -> jdbc.sql("INSERT INTO child_access (la_id, child_ref, viewed_by, viewed_at, what) VALUES (?, ?, ?, now(), ?)")
                    .params(la, "+1+1", "-2+cmd", LINK).update());

            safe(csv(http.get("/local-authorities/80514/compliance.csv", "southwark.manager")), LINK, AT);
            safe(csv(http.get("/local-authorities/80514/access-log.csv", "southwark.manager")), "+1+1", "-2+cmd", LINK);

            byte[] bytes = download("/local-authorities/80514/annex-a.xlsx");
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                int checked = 0;
                for (var sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            assertThat(cell.getCellType()).as("no formula cells").isNotEqualTo(CellType.FORMULA);
                            if (cell.getCellType() == CellType.STRING && SpreadsheetSafe.risky(cell.getStringCellValue())) {
                                assertThat(cell.getCellStyle().getQuotePrefixed()).as(cell.getStringCellValue()).isTrue();
                                checked++;
                            }
                        }
                    }
                }
                assertThat(checked).as("the team and the worker").isEqualTo(2);
            }
        } finally {
            TenantScope.asSystem(() -> jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(annex).update());
        }
    }

    private byte[] download(String path) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("southwark.manager:" + PASSWORD)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theNationalPictureAndTheRegisterWriteAFormulaNameAsText() {
        String name = TenantScope.asSystem(() -> jdbc.sql("SELECT name FROM local_authority WHERE urn = 80514").query(String.class).single());
        try {
            TenantScope.asSystem(() -> jdbc.sql("UPDATE local_authority SET name = ? WHERE urn = 80514").param(LINK).update());
            safe(csv(http.get("/national/latest-judgements.csv")), LINK);
            safe(csv(http.get("/local-authorities.csv")), LINK);
        } finally {
            TenantScope.asSystem(() -> jdbc.sql("UPDATE local_authority SET name = ? WHERE urn = 80514").param(name).update());
        }
    }
}
