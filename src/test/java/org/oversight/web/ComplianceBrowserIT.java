package org.oversight.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.oversight.compliance.ComplianceFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplianceBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerSeesWhoIsOutOfTimescaleAndWhy() {
        ComplianceFixtures.southwark(jdbc);
        signIn("southwark.manager");
        open("/local-authorities/80514/compliance");
        assertThat(driver.findElement(By.id("figure-CLA-REVIEW")).getText()).contains("1 (50%)");
        assertAccessible("compliance-dashboard");
        clickAndWait(By.linkText("Not allocated"));
        clickAndWait(By.linkText("B2"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Why are you opening child B2");
        clickAndWait(By.id("open-record"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("Choose why");
        assertAccessible("purpose-error");
        driver.findElement(By.id("purpose")).click();
        clickAndWait(By.id("open-record"));
        assertThat(driver.findElement(By.id("purpose-given")).getText()).contains("Direct work");
        assertThat(driver.findElement(By.id("review-history")).getText()).contains("29 June 2023").contains("10 July 2023");
        assertAccessible("compliance-child");
    }

    @Test
    void anAdministratorChangesAConfigurableIntervalWithAReason() {
        signIn("admin");
        open("/compliance/rules");
        assertThat(driver.findElements(By.id("change-CLA-REVIEW"))).as("set in law: no change link").isEmpty();
        clickAndWait(By.id("change-CLA-PEP"));
        assertAccessible("rule-change");
        driver.findElement(By.id("amount")).clear();
        driver.findElement(By.id("amount")).sendKeys("0");
        clickAndWait(By.id("save-interval"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("between 1 and 1000").contains("Say why");
        assertAccessible("rule-change-errors");
        driver.findElement(By.id("amount")).clear();
        driver.findElement(By.id("amount")).sendKeys("15");
        driver.findElement(By.id("reason")).sendKeys("Browser test: the virtual school's local standard");
        clickAndWait(By.id("save-interval"));
        assertThat(driver.findElement(By.id("interval-changed")).getText()).contains("The interval has been changed");
        assertThat(driver.findElement(By.id("rule-CLA-PEP")).getText()).contains("First: 15 working days");
        assertThat(driver.findElement(By.id("rule-history")).getText()).contains("virtual school");
        assertAccessible("rules-after-change");
    }

    @Test
    void aManagerSearchesTheAccessLogAndGrantsAnInspectorAccess() {
        ComplianceFixtures.southwark(jdbc);
        signIn("southwark.manager");
        open("/local-authorities/80514/children/B2?purpose=MANAGEMENT_OVERSIGHT");
        open("/local-authorities/80514");
        clickAndWait(By.id("la-access-log"));
        driver.findElement(By.id("child")).sendKeys("B2");
        clickAndWait(By.id("search-log"));
        assertThat(driver.findElement(By.id("access-log")).getText()).contains("southwark.manager").contains("compliance record");
        assertThat(driver.findElement(By.id("subject-access")).getText()).contains("B2");
        assertAccessible("access-log");
        driver.findElement(By.id("from")).sendKeys("31/02/2026");
        clickAndWait(By.id("search-log"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("real date");
        assertAccessible("access-log-error");
        open("/local-authorities/80514");
        clickAndWait(By.id("la-inspector-access"));
        clickAndWait(By.id("grant-access"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("Choose");
        assertAccessible("inspector-access");
    }
}
