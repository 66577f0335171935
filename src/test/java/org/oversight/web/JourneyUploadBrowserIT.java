package org.oversight.web;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.CinCensusWriter;
import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.childdata.ssd.SyntheticJourney;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A manager uploads an SSD extract with errors, reads them by file, row and rule, uploads it corrected; then a CIN census. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JourneyUploadBrowserIT extends BrowserTest {

    @Test
    void anSsdExtractWithErrorsThenCorrectedThenACinCensus() throws Exception {
        CinCensus census = SyntheticCinCensus.for2025to26("201", 40, 21).census();
        Path good = Files.createTempDirectory("oversight-ssd-ui");
        SyntheticJourney.write(SyntheticJourney.of(census, 21), good);
        Path broken = Files.createTempDirectory("oversight-ssd-ui-broken");
        try (Stream<Path> list = Files.list(good)) {
            for (Path p : list.toList()) {
                Files.copy(p, broken.resolve(p.getFileName()));
            }
        }
        List<String> contacts = new ArrayList<>(Files.readAllLines(broken.resolve("ssd_contacts.csv")));
        String[] cells = contacts.get(1).split(",", -1);
        cells[2] = "31/02/2025";
        contacts.set(1, String.join(",", cells));
        Files.write(broken.resolve("ssd_contacts.csv"), contacts);

        signIn("col.manager");
        open("/local-authorities/80450/child-data");
        assertAccessible("journey-upload");
        upload(broken, "SSD");
        assertThat(text()).contains("Nothing was stored");
        assertThat(driver.findElement(By.id("errors")).getText()).contains("ssd_contacts.csv 2 cont_contact_date 31/02/2025 OV-SSD-DATE");
        assertAccessible("journey-upload-errors");

        open("/local-authorities/80450/child-data");
        upload(good, "SSD");
        assertThat(driver.findElement(By.id("import-stored")).getText()).contains("0 rows left out");
        assertAccessible("journey-upload-stored");

        Path xml = Files.createTempFile("census", ".xml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CinCensusWriter.write(census, out);
        Files.write(xml, out.toByteArray());
        open("/local-authorities/80450/child-data");
        driver.findElement(By.cssSelector("input[name=kind][value=CIN_CENSUS]")).click();
        driver.findElement(By.id("files")).sendKeys(xml.toAbsolutePath().toString());
        clickAndWait(By.id("import-903"));
        finished();
        assertThat(driver.findElement(By.id("import-stored")).getText()).contains("0 rows left out");
    }

    private void upload(Path dir, String kind) throws Exception {
        driver.findElement(By.cssSelector("input[name=kind][value=" + kind + "]")).click();
        try (Stream<Path> list = Files.list(dir)) {
            driver.findElement(By.id("files")).sendKeys(String.join("\n", list.sorted().map(p -> p.toAbsolutePath().toString()).toList()));
        }
        driver.findElement(By.id("year")).clear();
        driver.findElement(By.id("year")).sendKeys("2025");
        clickAndWait(By.id("import-903"));
        assertThat(driver.getCurrentUrl()).contains("/child-data/jobs/");
        finished();
    }

    private void finished() {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(60)).until(d ->
                !d.findElements(By.id("import-stored")).isEmpty() || !d.findElements(By.id("import-not-stored")).isEmpty());
    }
}
