package org.oversight.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.oversight.childdata.demo.DemoJourneys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser over City of London's demo whole-journey data: a quality lead samples children on child protection
 * plans for the help-and-protection form, the auditor follows the step-down question's figures to the step-down page,
 * a worker opens the portal page of a child on a plan, and the committee report offers its help-and-protection section;
 * axe-core on each page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HelpAndProtectionAuditBrowserIT extends BrowserTest {

    @Autowired
    DemoJourneys demo;
    /** The demo journey this test loaded (removed after it), or null when the LA had whole-journey data already. */
    private java.util.UUID loaded;

    @org.junit.jupiter.api.AfterEach
    void removeDemoJourney() {
        org.oversight.support.DemoJourneyFixture.remove(jdbc, loaded);
    }
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void aQualityLeadSamplesChildrenOnPlansAndTheAuditorFollowsTheFiguresToTheStepDowns() {
        loaded = org.oversight.support.DemoJourneyFixture.loadIfMissing(demo, jdbc);
        signIn("col.manager");
        open("/local-authorities/80450/audits/new");
        driver.findElement(By.id("title")).sendKeys("Children on plans: decisions and step-down");
        driver.findElement(By.cssSelector("input[name='templateId'][aria-describedby='templateId-help-and-protection-hint']")).click();
        driver.findElement(By.id("auditors-col.staff")).click();
        driver.findElement(By.id("moderators-col.manager")).click();
        new Select(driver.findElement(By.id("rule"))).selectByValue("CHILDREN_ON_CP_PLANS");
        driver.findElement(By.id("sampleSize")).clear();
        driver.findElement(By.id("sampleSize")).sendKeys("2");
        clickAndWait(By.id("create-programme"));
        assertThat(driver.findElement(By.id("sample-rule")).getText()).contains("2 of").contains("Children on a child protection plan");
        String programmeUrl = driver.getCurrentUrl();

        signIn("col.staff");
        driver.get(programmeUrl);
        clickAndWait(By.id("case-1"));
        assertThat(driver.findElement(By.id("hp-figures")).getText()).contains("Step-downs with early help started within the standard")
                .contains("Assessments completed within 45 working days");
        assertAccessible("audit-case-help-and-protection");
        clickAndWait(By.id("figures-link-HP1"));
        assertThat(driver.getCurrentUrl()).endsWith("/local-authorities/80450/help-and-protection/step-downs");

        signIn("col.manager");
        open("/local-authorities/80450/young-people");
        assertThat(driver.findElement(By.id("young-people")).getText()).contains("Child protection plan");
        assertAccessible("young-people-with-plans");
        clickAndWait(By.xpath("//table[@id='young-people']//tr[td[2][normalize-space()='Child protection plan']]/td[1]/a"));
        assertThat(text()).contains("Feeling safe");
        assertAccessible("young-person-on-cp-plan");

        org.oversight.support.TestPlans.Plan plan = org.oversight.support.TestPlans.create(jdbc, "Help and protection browser test plan");
        try {
            open("/plans/" + plan.id() + "/committee-report");
            assertThat(driver.findElement(By.id("helpAndProtection")).isSelected()).isTrue();
            driver.findElement(By.cssSelector("#hp-preview summary")).click();
            assertThat(driver.findElement(By.id("hp-measures")).getText()).contains("Re-referrals within 12 months");
            assertAccessible("committee-report-help-and-protection");
        } finally {
            org.oversight.support.TestPlans.delete(jdbc, plan);
        }
    }
}
