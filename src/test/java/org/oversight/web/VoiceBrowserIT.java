package org.oversight.web;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.oversight.compliance.ComplianceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized window (375 x 812): the worker issues a code, the young person signs up with it, adds their words
 * to their pathway plan, rates the service and says they don't feel safe; the worker then sees their words marked as
 * theirs and the alert. axe-core finds no WCAG 2.2 AA violation on any portal page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VoiceBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void wide() {
        driver.manage().window().setSize(new Dimension(1280, 1024));
    }

    @Test
    void aCareLeaverAddsTheirWordsOnAPhoneAndTheirWorkerSeesThem() {
        UUID la = ComplianceFixtures.southwark(jdbc);
        jdbc.sql("DELETE FROM yp_sign_in_event WHERE ip IN ('127.0.0.1', '0:0:0:0:0:0:0:1', '::1')").update();
        // The worker issues a code.
        signIn("southwark.manager");
        open("/local-authorities/80514/young-people");
        assertAccessible("voice-worker-list");
        clickAndWait(By.linkText("C3"));
        driver.findElement(By.id("firstName")).clear();
        driver.findElement(By.id("firstName")).sendKeys("Jay");
        clickAndWait(By.id("issue-code"));
        String code = driver.findElement(By.id("issued-code")).getText();
        assertThat(code).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertAccessible("voice-worker-code");
        driver.manage().deleteAllCookies();

        // The young person, on a phone.
        driver.manage().window().setSize(new Dimension(375, 812));
        open("/my");
        assertThat(driver.getCurrentUrl()).endsWith("/my/sign-in");
        assertAccessible("voice-sign-in");
        clickAndWait(By.linkText("Start with the code your worker gave you"));
        assertAccessible("voice-start");
        driver.findElement(By.id("code")).sendKeys("WRONG-CODE-0000");
        driver.findElement(By.id("password")).sendKeys("blue kite river");
        driver.findElement(By.id("confirm")).sendKeys("blue kite river");
        clickAndWait(By.id("start"));
        assertThat(text()).contains("There is a problem").contains("We could not find that code");
        assertAccessible("voice-start-error");
        driver.findElement(By.id("code")).clear();
        driver.findElement(By.id("code")).sendKeys(code.toLowerCase());
        driver.findElement(By.id("password")).sendKeys("blue kite river");
        driver.findElement(By.id("confirm")).sendKeys("blue kite river");
        clickAndWait(By.id("start"));
        String name = driver.findElement(By.id("sign-in-name")).getText();
        assertThat(name).matches("[a-z]+-[0-9]{4}");
        assertAccessible("voice-welcome");
        clickAndWait(By.id("continue"));
        assertThat(text()).contains("Hello Jay").contains("Your pathway plan").contains("Where you live");
        assertAccessible("voice-home");
        assertThat(driver.findElement(By.id("not-safe")).getSize().getHeight()).as("large tap target").isGreaterThanOrEqualTo(44);
        int bodyWidth = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth")).intValue();
        assertThat(bodyWidth).as("no sideways scrolling on a phone").isLessThanOrEqualTo(375);

        clickAndWait(By.id("add-accommodation"));
        assertAccessible("voice-section");
        clickAndWait(By.id("save-words"));
        assertThat(text()).contains("Write your words in the box");
        assertAccessible("voice-section-error");
        driver.findElement(By.id("words")).sendKeys("I like my flat but the heating is broken since October.");
        clickAndWait(By.id("save-words"));
        assertThat(driver.findElement(By.id("saved")).getText()).contains("Your words have been added");
        assertThat(driver.findElement(By.id("section-accommodation")).getText()).contains("I like my flat but the heating is broken since October.");

        clickAndWait(By.id("give-feedback"));
        assertAccessible("voice-feedback");
        driver.findElement(By.cssSelector("label[for='LISTENED-4']")).click();
        driver.findElement(By.id("comment")).sendKeys("My PA is kind.");
        clickAndWait(By.id("send-feedback"));
        assertThat(text()).contains("Thank you for telling us how we are doing.");

        clickAndWait(By.id("not-safe"));
        assertThat(text()).contains("We have told your team").contains("call 999");
        assertAccessible("voice-safe");
        driver.findElement(By.id("message")).sendKeys("My ex keeps coming to the flat.");
        clickAndWait(By.id("send-alert"));
        assertThat(text()).contains("We have added your words to your alert");
        assertThat(driver.findElement(By.id("call-999")).getAttribute("href")).isEqualTo("tel:999");

        // Signing out and back in with the sign-in name.
        open("/my");
        clickAndWait(By.cssSelector("form[action$='/my/sign-out'] button"));
        assertThat(text()).contains("You have signed out.");
        driver.findElement(By.id("name")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys("blue kite river");
        clickAndWait(By.id("sign-in"));
        assertThat(text()).contains("Hello Jay").contains("I like my flat");

        // The worker sees their words, marked as theirs, and the alert at once.
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1280, 1024));
        signIn("southwark.manager");
        assertThat(driver.findElement(By.id("safety-alert-banner")).getText()).contains("safety alert");
        open("/local-authorities/80514/young-people/C3");
        assertThat(driver.findElement(By.id("section-accommodation")).getText()).contains("In their words")
                .contains("I like my flat but the heating is broken since October.");
        assertThat(text()).contains("My ex keeps coming to the flat.").contains("My PA is kind.");
        assertAccessible("voice-worker-person");
        open("/local-authorities/80514/safety-alerts");
        assertThat(driver.findElement(By.id("alerts")).getText()).contains("My ex keeps coming to the flat.");
        assertThat(driver.findElements(By.cssSelector("#alerts .govuk-summary-card"))).as("the button, then the words: one alert").hasSize(1);
        assertAccessible("voice-alerts");
        clickAndWait(By.cssSelector("#alerts button"));
        assertThat(text()).contains("Write what you did about this alert");
        assertAccessible("voice-alerts-error");
        driver.findElement(By.cssSelector("#alerts textarea")).sendKeys("Phoned Jay, who is safe; asked the police to call by.");
        clickAndWait(By.cssSelector("#alerts button"));
        assertThat(text()).contains("Alert acknowledged");
        open("/local-authorities/80514/young-peoples-views");
        assertThat(driver.findElement(By.id("ratings")).getText()).contains("Do we listen to you?");
        assertAccessible("voice-views");
        assertThat(jdbc.sql("SELECT count(*) FROM yp_contribution WHERE la_id = ? AND words LIKE 'I like my flat%'").param(la)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
