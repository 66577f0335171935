package org.oversight.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An LA manager makes an API token for the case management system (a name missing first), copies it once, sees its use
 * by the system and revokes it; axe-core on each state of the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiTokenBrowserIT extends BrowserTest {

    @Test
    void aManagerMakesSeesTheUseOfAndRevokesAToken() throws Exception {
        signIn("col.manager");
        open("/local-authorities/80450/child-data");
        clickAndWait(By.id("api-tokens-link"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("API tokens for your case management system");
        assertAccessible("api-tokens");

        clickAndWait(By.id("make-token"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("Enter a name for the token");
        assertAccessible("api-tokens-error");

        driver.findElement(By.id("name")).sendKeys("Browser test nightly export");
        clickAndWait(By.id("make-token"));
        String token = driver.findElement(By.id("new-token")).getText();
        assertThat(token).startsWith("ovt_").hasSize(47);
        assertThat(driver.findElement(By.id("token-created")).getText()).contains("shown only this once");
        assertAccessible("api-tokens-made");

        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/local-authorities/80450/children")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"la_code\": 201, \"Children\": [{\"la_child_id\": \"BROWSER-1\", \"purge\": true}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

        open("/local-authorities/80450/api-tokens");
        assertThat(driver.findElement(By.id("tokens")).getText()).contains("Browser test nightly export").contains("1 uses").doesNotContain(token);
        assertThat(driver.findElement(By.id("events")).getText()).contains("Accepted (200)").contains("1 children");
        assertAccessible("api-tokens-used");

        clickAndWait(By.cssSelector("#tokens button.govuk-button--warning"));
        assertThat(driver.findElement(By.id("token-revoked")).getText()).contains("can no longer use it");
        assertThat(driver.findElement(By.id("tokens")).getText()).contains("Revoked on");
        assertAccessible("api-tokens-revoked");
    }
}
