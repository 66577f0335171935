package org.oversight.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportsBrowserIT extends BrowserTest {

    @Test
    void anAnalystUploadsSeveralDocumentsAndSeesAResultForEach() throws Exception {
        Path broken = Files.createTempFile("80450-broken-", ".pdf");
        byte[] real = Files.readAllBytes(Path.of("data/ofsted-reports/80462-doncaster-2025-03-18.pdf"));
        Files.write(broken, java.util.Arrays.copyOf(real, real.length / 2));
        signIn("analyst");
        open("/imports/reports");
        assertAccessible("import-upload");

        clickAndWait(By.id("start-import"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("Select one or more PDF files");

        String files = String.join("\n",
                Path.of("data/ofsted-reports/80462-doncaster-2025-03-18.pdf").toAbsolutePath().toString(),
                Path.of("data/ofsted-letters/bolton-focused-visit-2025-05-28.pdf").toAbsolutePath().toString(),
                broken.toAbsolutePath().toString());
        driver.findElement(By.id("files")).sendKeys(files);
        clickAndWait(By.id("start-import"));

        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("job-state")).getText().startsWith("Finished"));
        String results = driver.findElement(By.id("import-results")).getText();
        assertThat(results).contains("80462-doncaster-2025-03-18.pdf Unchanged Doncaster");
        assertThat(results).contains("bolton-focused-visit-2025-05-28.pdf Unchanged Bolton");
        assertThat(results).contains(broken.getFileName() + " Not imported").contains("truncated");
        assertThat(driver.findElement(By.id("job-state")).getText()).isEqualTo("Finished: 2 files read, 1 could not be imported");
        assertThat(driver.findElement(By.id("progress-bar")).getAttribute("value")).isEqualTo("3");
        assertAccessible("import-results");
    }

    @Test
    void theNationalPictureShowsTheChartAndTheSameDataAsATable() {
        open("/national");
        assertThat(driver.findElements(By.cssSelector("svg.app-chart rect")).size()).isGreaterThan(0);
        String table = driver.findElement(By.id("region-table")).getText();
        assertThat(table).contains("London").contains("North East");
        assertThat(driver.findElement(By.id("national-table")).getText()).contains("City of London").contains("Doncaster");
        assertAccessible("national");
        open("/national?region=GL&judgement=OUTSTANDING");
        assertThat(driver.findElement(By.id("national-table")).getText()).contains("City of London").doesNotContain("Doncaster");
    }

    @Test
    void theSingleRecordLinksToThePublishedPdf() {
        open("/local-authorities/80450");
        assertThat(driver.findElement(By.id("activity-table")).getText()).contains("23 September 2024 to 27 September 2024");
        clickAndWait(By.linkText("Short inspection"));
        assertThat(driver.findElement(By.id("document-link")).getAttribute("href")).matches(".*/documents/[0-9a-f]{64}");
    }

    @Test
    void theNationalPictureShowsEveryLaFromTheFirstStart() {
        open("/national");
        assertThat(driver.findElements(By.cssSelector("#national-table tbody tr"))).hasSize(153);
        // every region's row adds up, and only the LAs last inspected from 27 April 2026 have no overall grade
        int total = 0;
        int noOverall = 0;
        for (var row : driver.findElements(By.cssSelector("#region-table tbody tr"))) {
            var cells = row.findElements(By.tagName("td"));
            total += Integer.parseInt(cells.getLast().getText());
            noOverall += Integer.parseInt(cells.get(cells.size() - 2).getText());
        }
        assertThat(total).isEqualTo(153);
        assertThat(noOverall).isEqualTo(11);
        assertThat(driver.findElement(By.id("no-overall-note")).getText()).contains("27 April 2026");
    }

    @Test
    void barkingAndDagenhamsRecordShowsItsInspectionsAndItsNeighboursGrades() {
        open("/local-authorities/80486");
        String activities = driver.findElement(By.id("activity-table")).getText();
        assertThat(activities).contains("29 April 2014 to 22 May 2014").contains("18 February 2019 to 1 March 2019")
                .contains("10 July 2023 to 21 July 2023");
        assertThat(driver.findElements(By.cssSelector("#activity-table a[href^='https://files.ofsted.gov.uk/v1/file/']")))
                .as("each report links to Ofsted's copy").hasSizeGreaterThanOrEqualTo(3);
        var neighbours = driver.findElements(By.cssSelector("#neighbour-table tbody tr"));
        assertThat(neighbours).hasSize(11);
        for (var row : neighbours) {
            assertThat(row.getText()).as("a graded latest inspection").doesNotContain("No published grade");
        }
        assertAccessible("single-record-national-dataset");
    }

    @Test
    void aValueNotReadFromTheReportSaysSoWithTheLinkToTheReport() {
        // Devon's 2024/25 report names no lead inspector
        open("/local-authorities/80461");
        String href = driver.findElements(By.cssSelector("#activity-table tbody tr")).stream()
                .filter(r -> r.getText().contains("30 September 2024 to 11 October 2024")).findFirst().orElseThrow()
                .findElement(By.linkText("Standard inspection")).getAttribute("href");
        driver.get(href);
        assertThat(driver.findElement(By.id("lead-not-read")).getText()).isEqualTo("Not read from the report");
        assertThat(driver.findElement(By.id("ofsted-link")).getAttribute("href")).startsWith("https://files.ofsted.gov.uk/v1/file/");
        assertAccessible("activity-not-read");
    }
}
