package org.oversight.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.oversight.childdata.cin.CinCensusReader;
import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.childdata.ssd.CinCensusExport;
import org.oversight.support.DemoJourneyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CIN census and Annex A export pages in a real browser: City of London's manager goes from the compliance page to
 * the census, makes the census in progress from the demo journey (0 errors), gives a year that is not one and is told
 * so, then exports all eleven Annex A lists as at a date and downloads both files; axe-core on each state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChildDataExportBrowserIT extends BrowserTest {

    @Autowired
    DemoJourneys demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private HttpResponse<byte[]> download(By link) throws Exception {
        String href = driver.findElement(link).getAttribute("href");
        String cookies = String.join("; ", driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private void type(String id, String value) {
        var input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void aManagerMakesTheCinCensusAndAnnexAFromTheStore() throws Exception {
        UUID loaded = DemoJourneyFixture.loadIfMissing(demo, jdbc);
        try {
            LocalDate today = LocalDate.now(clock);
            int year = CinCensusExport.latestYear(today);
            signIn("col.manager");
            open("/local-authorities/80450/compliance");
            clickAndWait(By.id("cin-census-link"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("CIN census return");
            type("year", Integer.toString(year));
            clickAndWait(By.id("cin-census-check"));
            assertThat(driver.findElement(By.id("cin-census-result")).getText()).startsWith("0 errors and");
            int children = Integer.parseInt(driver.findElement(By.id("cin-census-children")).getText());
            assertThat(children).isPositive();
            assertAccessible("cin-census");
            HttpResponse<byte[]> xml = download(By.id("cin-census-download"));
            assertThat(xml.statusCode()).isEqualTo(200);
            assertThat(new CinCensusReader().read("out.xml", new ByteArrayInputStream(xml.body())).census().children()).hasSize(children);

            type("year", "20x6");
            clickAndWait(By.id("cin-census-check"));
            assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("'20x6' is not one");
            assertAccessible("cin-census-error");

            open("/local-authorities/80450/compliance");
            clickAndWait(By.id("annex-a-link"));
            assertThat(driver.findElement(By.id("annex-a-as-of")).getText()).isEqualTo(org.oversight.shared.Dates.day(today));
            LocalDate asOf = today.minusMonths(1);
            type("asOf-day", Integer.toString(asOf.getDayOfMonth()));
            type("asOf-month", Integer.toString(asOf.getMonthValue()));
            type("asOf-year", Integer.toString(asOf.getYear()));
            clickAndWait(By.id("annex-a-show"));
            assertThat(driver.findElement(By.id("annex-a-as-of")).getText()).isEqualTo(org.oversight.shared.Dates.day(asOf));
            String contacts = driver.findElement(By.id("figure-contacts")).getText();
            assertAccessible("annex-a");
            HttpResponse<byte[]> xlsx = download(By.id("annex-a-download"));
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                assertThat(wb.getNumberOfSheets()).isEqualTo(13);
                assertThat(wb.getSheet("List 1").getLastRowNum()).as("list 1 has a row per contact the page counts").isEqualTo(Integer.parseInt(contacts));
            }

            type("asOf-day", "31");
            type("asOf-month", "2");
            clickAndWait(By.id("annex-a-show"));
            assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("does not exist");
            assertAccessible("annex-a-error");
        } finally {
            DemoJourneyFixture.remove(jdbc, loaded);
        }
    }

    @Autowired
    org.oversight.childdata.ChildDataImporter importer;

    @Test
    void aManagerMakesTheSsda903ReturnFromTheStore() throws Exception {
        // City of London's generated 2026-27 return, imported for this test whatever other tests left (it supersedes their
        // return, which is made current again afterwards): the page must check the synthetic return, which has no errors.
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("oversight-903-browser");
        UUID previous = org.oversight.shared.db.TenantScope.asSystem(() -> jdbc.sql("""
                SELECT s.id FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE la.urn = 80450 AND s.kind = 'SSDA903' AND s.collection_year = '2026-27' AND s.superseded_at IS NULL""")
                .query(UUID.class).optional().orElse(null));
        UUID added = org.oversight.shared.db.TenantScope.asSystem(() -> {
            org.oversight.childdata.ssda903.SyntheticData.generate("la", 2026, java.util.List.of("201"), dir);
            org.oversight.childdata.ChildDataImporter.Outcome outcome;
            try {
                outcome = importer.importFolder("201", 2026, dir.resolve("201"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(outcome.stored()).as(outcome.errors().toString()).isTrue();
            return outcome.snapshotId();
        });
        try {
            ssda903Page();
        } finally {
            org.oversight.shared.db.TenantScope.asSystem(() -> {
                jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(added).update();
                if (previous != null) {
                    jdbc.sql("UPDATE import_snapshot SET superseded_at = NULL WHERE id = ?").param(previous).update();
                }
            });
            org.oversight.childdata.SyntheticJourneys.delete(dir);
        }
    }

    private void ssda903Page() throws Exception {
        signIn("col.manager");
        open("/local-authorities/80450/compliance");
        clickAndWait(By.id("ssda903-link"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("SSDA903 return");
        assertThat(driver.findElements(By.id("ssda903-result"))).as(() -> driver.findElement(By.tagName("main")).getText()).hasSize(1);
        assertThat(driver.findElement(By.id("ssda903-result")).getText()).as("the demo return, checked").startsWith("0 errors and");
        assertThat(driver.findElement(By.id("ssda903-files")).getText()).contains("header.csv").contains("episodes.csv");
        assertAccessible("ssda903");
        HttpResponse<byte[]> zip = download(By.id("ssda903-download"));
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");

        type("year", "20x6");
        clickAndWait(By.id("ssda903-check"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("'20x6' is not one");
        assertAccessible("ssda903-error");
    }
}
