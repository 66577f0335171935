package org.oversight.childdata;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.cin.CinCensusReader;
import org.oversight.childdata.cin.CinReadResult;
import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.childdata.ssd.CinCensusExport;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.DemoJourneyFixture;
import org.oversight.support.HttpTest;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CIN census and Annex A exports over real HTTP and PostgreSQL, page and API: City of London's demo journey out as
 * a census that passes Oversight's validator and as all eleven Annex A lists at a date; bad years and dates answered
 * with 400 in words, a year without children with 404; each export in the access log; other roles and LAs refused.
 */
class ChildDataExportIT extends HttpTest {

    @Autowired
    DemoJourneys demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    UUID loaded;
    int year;

    @BeforeEach
    void demoJourney() {
        loaded = DemoJourneyFixture.loadIfMissing(demo, jdbc);
        year = CinCensusExport.latestYear(LocalDate.now(clock));
    }

    @AfterEach
    void remove() {
        DemoJourneyFixture.remove(jdbc, loaded);
    }

    private HttpResponse<byte[]> bytes(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private int logged(String like) {
        return TenantScope.asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM child_access a JOIN local_authority la ON la.id = a.la_id
                 WHERE la.urn = 80450 AND a.viewed_by = 'col.manager' AND a.what LIKE ?""").param(like).query(Integer.class).single());
    }

    @Test
    void theCinCensusComesOutCheckedAndEveryExportIsLogged() throws Exception {
        int before = logged("CIN census % export");
        HttpResponse<byte[]> xml = bytes("/api/v1/local-authorities/80450/cin-census?year=" + year, "col.manager");
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(xml.headers().firstValue("Content-Disposition").orElseThrow()).contains("cin-census-201-" + year + ".xml");
        assertThat(xml.headers().firstValue("Oversight-Cin-Errors").orElseThrow()).isEqualTo("0");
        CinReadResult read = new CinCensusReader().read("out.xml", new ByteArrayInputStream(xml.body()));
        assertThat(read.failed()).isFalse();
        assertThat(read.census().header().lea()).isEqualTo("201");
        assertThat(read.census().header().referenceDate().text()).isEqualTo(year + "-03-31");
        assertThat(logged("CIN census % export")).as("the download is in the access log").isEqualTo(before + 1);

        var check = http.get("/api/v1/local-authorities/80450/cin-census/validation?year=" + year, "col.manager");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().get("errors").asLong()).isZero();
        assertThat(check.json().get("counts").get("children").asInt()).isEqualTo(read.census().children().size()).isPositive();
        assertThat(check.json().get("collectionYear").asText()).isEqualTo((year - 1) + "-" + year % 100);

        var page = http.get("/local-authorities/80450/cin-census?year=" + year, "col.manager");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"cin-census-children\"").contains("0 errors and")
                .contains("/local-authorities/80450/cin-census.xml?year=" + year);
        assertThat(bytes("/local-authorities/80450/cin-census.xml?year=" + year, "col.manager").statusCode()).isEqualTo(200);
        assertThat(logged("CIN census % check, read on screen")).isPositive();
    }

    @Test
    void aBadYearIs400InWordsAndAYearWithoutChildrenIs404() {
        var words = http.get("/api/v1/local-authorities/80450/cin-census?year=twenty", "col.manager");
        assertThat(words.status()).isEqualTo(400);
        assertThat(words.header("Content-Type")).startsWith("application/problem+json");
        assertThat(words.body()).contains("year").contains("'twenty' is not one");
        assertThat(http.get("/api/v1/local-authorities/80450/cin-census?year=" + (year + 1), "col.manager").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/local-authorities/80450/cin-census/validation?year=2012", "col.manager").status()).isEqualTo(400);
        var none = http.get("/api/v1/local-authorities/80450/cin-census?year=2014", "col.manager");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body()).contains("has no child in need between 1 April 2013 and 31 March 2014");
        var page = http.get("/local-authorities/80450/cin-census?year=abc", "col.manager");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("govuk-error-summary").contains("abc").contains("is not one");
        var emptyPage = http.get("/local-authorities/80450/cin-census?year=2014", "col.manager");
        assertThat(emptyPage.status()).isEqualTo(404);
        assertThat(emptyPage.body()).contains("id=\"cin-census-missing\"");
    }

    @Test
    void annexAAllElevenListsAtAnyDateForTheLasManagers() throws Exception {
        LocalDate asOf = LocalDate.now(clock).minusDays(30);
        int before = logged("Annex A lists 1 to 11 as at %");
        HttpResponse<byte[]> xlsx = bytes("/api/v1/local-authorities/80450/annex-a?asOf=" + asOf, "col.manager");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("annex-a-201-" + asOf + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getNumberOfSheets()).as("read me, 11 lists, validation").isEqualTo(13);
            assertThat(wb.getSheet("Read me").getRow(2).getCell(0).getStringCellValue()).isEqualTo("Lists as at");
            assertThat(wb.getSheet("Read me").getRow(2).getCell(1).getStringCellValue()).isEqualTo(org.oversight.shared.Dates.format(asOf));
            var validation = wb.getSheet("Validation");
            assertThat(validation.getRow(1).getCell(2).getNumericCellValue()).as("list 1 has contacts").isPositive();
            assertThat(validation.getRow(11).getCell(2).getStringCellValue()).as("list 11 cannot be filled").isEqualTo("not produced");
            assertThat(validation.getRow(11).getCell(3).getStringCellValue()).contains("does not hold adopters");
            assertThat(wb.getSheet("List 1").getLastRowNum()).isEqualTo((int) validation.getRow(1).getCell(2).getNumericCellValue());
        }
        assertThat(logged("Annex A lists 1 to 11 as at %")).as("the download is in the access log").isEqualTo(before + 1);
        assertThat(bytes("/api/v1/local-authorities/80450/annex-a", "col.manager").statusCode()).as("today by default").isEqualTo(200);

        var bad = http.get("/api/v1/local-authorities/80450/annex-a?asOf=16/02/2026", "col.manager");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("asOf").contains("'16/02/2026' is not a date");
        assertThat(http.get("/api/v1/local-authorities/80450/annex-a?asOf=" + LocalDate.now(clock).plusDays(2), "col.manager").status()).isEqualTo(400);

        var page = http.get("/local-authorities/80450/annex-a?asOf.day=" + asOf.getDayOfMonth() + "&asOf.month=" + asOf.getMonthValue() + "&asOf.year="
                + asOf.getYear(), "col.manager");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/local-authorities/80450/annex-a/lists.xlsx?asOf=" + asOf).contains("id=\"figure-contacts\"");
        var badPage = http.get("/local-authorities/80450/annex-a?asOf.day=31&asOf.month=2&asOf.year=2026", "col.manager");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.body()).contains("govuk-error-summary").contains("31/2/2026 does not exist");
        assertThat(bytes("/local-authorities/80450/annex-a/lists.xlsx?asOf=" + asOf, "col.manager").statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheLasOwnManagersMayExport() {
        String[] paths = {"/api/v1/local-authorities/80450/cin-census?year=" + year, "/api/v1/local-authorities/80450/cin-census/validation?year=" + year,
                "/api/v1/local-authorities/80450/annex-a", "/local-authorities/80450/cin-census", "/local-authorities/80450/cin-census.xml",
                "/local-authorities/80450/annex-a", "/local-authorities/80450/annex-a/lists.xlsx"};
        for (String path : paths) {
            for (String user : new String[] {"col.staff", "col.councillor", "southwark.manager", "inspector", "analyst"}) {
                var response = http.get(path, user);
                assertThat(response.status()).as(user + " " + path).isEqualTo(403);
                assertThat(response.body()).as(user + " " + path).doesNotContain("C201000");
            }
        }
    }
}
