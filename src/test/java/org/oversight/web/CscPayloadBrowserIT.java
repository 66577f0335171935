package org.oversight.web;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An LA manager finds the payloads page from the API tokens page, uploads a payload with problems (the error summary
 * names each child and JSON path), then a good one (its counts), and reads the day's history and a payload's record;
 * axe-core on each state. The form is a plain file upload: no JavaScript needed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CscPayloadBrowserIT extends BrowserTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aManagerUploadsAPayloadWithProblemsThenAGoodOne() {
        try {
            uploads();
        } finally {
            // A payload for an LA without whole-journey data makes it a snapshot: gone again, so later tests find City of
            // London's journey data as they left it.
            org.oversight.shared.db.TenantScope.asSystem(() -> jdbc.sql("""
                    DELETE FROM import_snapshot WHERE la_id = (SELECT id FROM local_authority WHERE urn = 80450) AND source = ?""")
                    .param(org.oversight.childdata.ssd.CscPayloadImporter.SOURCE).update());
        }
    }

    private void uploads() {
        signIn("col.manager");
        open("/local-authorities/80450/api-tokens");
        clickAndWait(By.id("payloads-link"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Children's social care payloads received");
        assertAccessible("payloads");

        driver.findElement(By.id("payload")).sendKeys(Path.of("data/csc-api/errors-201.json").toAbsolutePath().toString());
        clickAndWait(By.id("upload-payload"));
        String summary = driver.findElement(By.className("govuk-error-summary")).getText();
        assertThat(summary).contains("Child CSCAPI-003: date_of_birth").contains("(at Children[0].child_details.date_of_birth)")
                .contains("(at Children[0].social_care_episodes[0].closure_reason)");
        assertThat(driver.findElement(By.id("payload-error")).getText()).contains("errors-201.json was not stored: 4 problems");
        assertAccessible("payloads-refused");

        driver.findElement(By.id("payload")).sendKeys(Path.of("data/csc-api/full-201.json").toAbsolutePath().toString());
        clickAndWait(By.id("upload-payload"));
        assertThat(driver.findElement(By.id("payload-stored")).getText()).contains("Payload stored: 2 children in it");
        assertThat(driver.findElement(By.id("payload-children")).getText()).contains("created");
        assertThat(driver.findElement(By.id("payload-items")).getText()).contains("social_care_episodes");
        assertAccessible("payload-stored");

        clickAndWait(By.className("govuk-back-link"));
        String page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Refused: 4 problems").contains("Rachel Green").contains(", uploaded on this page");
        assertAccessible("payloads-history");
        clickAndWait(By.cssSelector("table[id^='payloads-'] a.govuk-link"));
        assertThat(driver.findElement(By.id("payload-outcome")).getText()).isEqualTo("Accepted and stored");
    }
}
