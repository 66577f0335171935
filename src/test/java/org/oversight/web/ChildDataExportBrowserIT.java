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
}
