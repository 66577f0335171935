package org.oversight.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.oversight.childdata.ChildDataImporter.Mode;
import org.oversight.childdata.ImportFile;
import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.childdata.ssd.JourneyImporter;
import org.oversight.childdata.ssd.SyntheticJourney;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Day one in a real browser: City of London's manager records a standard inspection, sees that the pack waits for the
 * notification date, records it, opens the day-one page and downloads the pack, read back with POI; axe-core on both
 * states of the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DayOneBrowserIT extends BrowserTest {

    @Autowired
    JourneyImporter importer;

    @Test
    @WithUserDetails("col.manager")
    void aManagerRecordsTheNotificationOpensDayOneAndDownloadsThePack() throws Exception {
        Path dir = Files.createTempDirectory("oversight-day-one-browser");
        SyntheticJourney.write(SyntheticJourney.of(SyntheticCinCensus.for2025to26("201", 150, 23).census(), 23), dir);
        List<ImportFile> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().map(ImportFile::of).toList();
        }
        assertThat(importer.importSsd(80450, 2025, files, Mode.REJECT_IF_ANY_ERROR, false, () -> { }).stored()).isTrue();

        signIn("col.manager");
        open("/local-authorities/80450");
        clickAndWait(By.id("add-activity"));
        driver.findElement(By.cssSelector("input[name=type][value=STANDARD_INSPECTION]")).click();
        type("range1Start", "23", "2", "2026");
        type("range1End", "6", "3", "2026");
        clickAndWait(By.id("save-activity"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Standard inspection");

        clickAndWait(By.id("day-one-link"));
        assertThat(driver.findElement(By.id("day-one-waiting")).getText()).contains("becomes available once the inspection's notification date is recorded");
        assertThat(driver.findElements(By.id("day-one-download"))).isEmpty();
        assertAccessible("day-one-waiting");

        clickAndWait(By.linkText("Record the notification date"));
        type("notificationDate", "16", "2", "2026");
        clickAndWait(By.id("save-activity"));
        clickAndWait(By.id("day-one-link"));
        assertThat(driver.findElement(By.id("day-one-as-of")).getText()).isEqualTo("16 February 2026");
        assertThat(driver.findElement(By.id("day-one-journey-source")).getText()).contains("Standard Safeguarding Dataset extract 2025-26");
        String contacts = driver.findElement(By.id("figure-contacts")).getText();
        assertThat(contacts).matches("\\d+");
        assertThat(driver.findElement(By.id("figure-assessments-45")).getText()).matches("\\d+% of \\d+ completed");
        assertThat(driver.findElement(By.id("day-one-figures")).getText()).contains("Not held");
        assertAccessible("day-one");

        String href = driver.findElement(By.id("day-one-download")).getAttribute("href");
        String cookies = String.join("; ", driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).toList());
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download.body()))) {
            assertThat(wb.getNumberOfSheets()).as("read me, 11 lists, validation").isEqualTo(13);
            assertThat(wb.getSheet("List 1").getLastRowNum()).as("list 1 has a row per contact the page counts").isEqualTo(Integer.parseInt(contacts));
            assertThat(wb.getSheet("List 3").getRow(0).getCell(7).getStringCellValue()).isEqualTo("Referral NFA?");
            assertThat(wb.getSheet("Read me").getRow(1).getCell(1).getStringCellValue()).isEqualTo("Standard inspection notified 16 February 2026");
        }
    }

    private void type(String property, String day, String month, String year) {
        for (String[] part : new String[][] {{"-day", day}, {"-month", month}, {"-year", year}}) {
            var input = driver.findElement(By.id(property + part[0]));
            input.clear();
            input.sendKeys(part[1]);
        }
    }
}
