package org.oversight.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.oversight.audit.AuditFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A quality lead's full care-leaver audit: programme and sample, an audit, moderation, and a finding to a plan item. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditBrowserIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aQualityLeadRunsACareLeaverAuditModeratesItAndTurnsAFindingIntoAPlanAction() {
        AuditFixtures.cityOfLondon(jdbc);
        AuditFixtures.plan(jdbc);
        signIn("col.manager");
        open("/local-authorities/80450");
        clickAndWait(By.id("la-audits"));
        assertAccessible("audit-index");
        clickAndWait(By.id("new-programme"));
        assertAccessible("audit-new");

        clickAndWait(By.id("create-programme"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText()).contains("Enter a title").contains("Select the audit form")
                .contains("Select at least one auditor");
        assertAccessible("audit-new-errors");

        driver.findElement(By.id("title")).sendKeys("Care leavers: pathway plans, November 2026");
        driver.findElement(By.cssSelector("input[name='templateId'][aria-describedby='templateId-care-leavers-hint']")).click();
        driver.findElement(By.id("auditors-col.staff")).click();
        driver.findElement(By.id("moderators-col.manager")).click(); // not the first manager listed (col.director is)
        new Select(driver.findElement(By.id("rule"))).selectByValue("ALL_CARE_LEAVERS");
        driver.findElement(By.id("sampleSize")).clear();
        driver.findElement(By.id("sampleSize")).sendKeys("3");
        driver.findElement(By.id("seed")).sendKeys("2026");
        clickAndWait(By.id("create-programme"));
        assertThat(driver.findElement(By.id("sample-rule")).getText()).contains("3 of").contains("seed 2026");
        assertAccessible("audit-programme");
        String programmeUrl = driver.getCurrentUrl();
        String firstChild = driver.findElement(By.id("case-1")).getText();

        signIn("col.staff");
        driver.get(programmeUrl);
        clickAndWait(By.id("case-1"));
        assertThat(text()).contains("Audit of child " + firstChild).contains("has been logged");
        driver.findElement(By.id("grade-CL1")).click(); // outstanding, without evidence
        clickAndWait(By.id("continue-audit"));
        String errors = driver.findElement(By.className("govuk-error-summary")).getText();
        assertThat(errors).contains("Question CL1 (Risk and safety): enter the evidence").contains("Question CL2 (Pathway plans): choose a grade");
        assertAccessible("audit-case-errors");
        List<WebElement> evidence = driver.findElements(By.cssSelector("textarea[id^='evidence-']"));
        for (WebElement box : evidence) {
            String q = box.getAttribute("id").substring("evidence-".length());
            driver.findElement(By.id("grade-" + q + "-GOOD")).click();
            box.clear();
            box.sendKeys("Record of visit on 03/11/2026 shows this for " + q);
        }
        driver.findElement(By.id("grade-CL2-REQUIRES_IMPROVEMENT")).click();
        driver.findElement(By.id("overallGrade-GOOD")).click();
        driver.findElement(By.id("summary")).sendKeys("Good support; the plan does not show the young person's own words.");
        clickAndWait(By.id("continue-audit"));
        // Check your answers: each answer with a link back to its question; the audit is still open.
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Check your answers");
        assertThat(driver.findElement(By.id("answer-CL2")).getText()).contains("Requires improvement").contains("Record of visit on 03/11/2026");
        assertAccessible("audit-check-answers");
        clickAndWait(By.id("answer-CL2-change"));
        assertThat(driver.getCurrentUrl()).endsWith("#grade-CL2");
        assertThat(driver.findElement(By.id("grade-CL2-REQUIRES_IMPROVEMENT")).isSelected()).isTrue();
        clickAndWait(By.id("continue-audit"));
        clickAndWait(By.id("submit-audit"));
        assertThat(text()).contains("The audit is submitted and closed for changes");
        assertThat(driver.findElement(By.id("answers-table")).getText()).contains("Requires improvement");
        assertAccessible("audit-case-submitted");

        signIn("col.manager");
        driver.get(programmeUrl);
        clickAndWait(By.id("case-1"));
        driver.findElement(By.id("moderatorGrade-REQUIRES_IMPROVEMENT")).click();
        driver.findElement(By.id("agreedGrade-REQUIRES_IMPROVEMENT")).click();
        driver.findElement(By.id("agreedReason")).sendKeys("The pathway plan has no contribution from the young person; agreed with the auditor.");
        assertAccessible("audit-moderation");
        clickAndWait(By.id("moderate"));
        assertThat(driver.findElement(By.id("agreed")).getText()).contains("Requires improvement");
        driver.get(programmeUrl);
        assertThat(driver.findElement(By.id("disagreement")).getText()).contains("100%").contains("1 of 1");
        assertThat(driver.findElement(By.id("tally-CL2")).getText()).contains("Requires improvement: 1");

        driver.findElement(By.cssSelector("#question-CL2 summary")).click();
        WebElement finding = driver.findElement(By.id("findingText-CL2"));
        finding.clear();
        finding.sendKeys("Pathway plans to show each young person's own contribution, in their words");
        new Select(driver.findElement(By.id("planId-CL2"))).selectByVisibleText(AuditFixtures.PLAN);
        clickAndWait(By.id("add-finding-CL2"));
        assertThat(text()).contains("The finding is now an item of the plan");
        assertAccessible("audit-programme-finding");

        clickAndWait(By.linkText("See the plan item"));
        assertThat(driver.getCurrentUrl()).contains("/plans/");
        WebElement source = driver.findElement(By.cssSelector("[id^='source-']"));
        assertThat(source.getText()).contains("Case audit: Care leavers: pathway plans, November 2026, question CL2");
        assertAccessible("plan-with-audit-item");
        clickAndWait(By.cssSelector("[id^='source-'] a"));
        assertThat(driver.getCurrentUrl()).startsWith(programmeUrl);

        open("/local-authorities/80450/audits/roll-up");
        assertThat(driver.findElement(By.id("by-theme")).getText()).contains("Pathway plans");
        assertThat(text()).doesNotContain(firstChild);
        assertAccessible("audit-roll-up");
        open("/audit-templates");
        assertAccessible("audit-templates");
        clickAndWait(By.linkText("Care leavers: quality of practice"));
        assertThat(text()).contains("Seed 001");
        assertAccessible("audit-template");
    }
}
