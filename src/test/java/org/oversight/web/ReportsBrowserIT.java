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
        assertThat(driver.findElement(By.id("activity-table")).getText()).contains("23/09/2024 to 27/09/2024");
        clickAndWait(By.linkText("Short inspection"));
        assertThat(driver.findElement(By.id("document-link")).getAttribute("href")).matches(".*/documents/[0-9a-f]{64}");
    }
}
