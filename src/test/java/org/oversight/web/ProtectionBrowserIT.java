package org.oversight.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.oversight.childdata.demo.DemoJourneys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Help and protection in a real browser, with axe-core on every page: front door → team → worker → child, step-downs, England. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProtectionBrowserIT extends BrowserTest {

    @Autowired
    DemoJourneys demo;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private java.util.UUID loaded;

    @org.junit.jupiter.api.BeforeEach
    void demoJourney() {
        loaded = org.oversight.support.DemoJourneyFixture.loadIfMissing(demo, jdbc);
    }

    @org.junit.jupiter.api.AfterEach
    void removeTheDemoJourneyIfThisTestLoadedIt() {
        org.oversight.support.DemoJourneyFixture.remove(jdbc, loaded);
    }

    @Test
    void aManagerGoesFromTheFrontDoorToATeamAWorkerAndAChild() {
        signIn("col.manager");
        open("/");
        assertThat(driver.findElement(By.id("work-front-door")).getText()).contains("Assessments completed within 45 working days");
        clickAndWait(By.id("link-help-and-protection"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Help and protection");
        assertThat(driver.findElement(By.id("funnel-chart")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("step-REFERRALS")).getText()).startsWith("Referrals");
        assertAccessible("protection-front-door");
        clickAndWait(By.cssSelector("#team-table tbody tr th a"));
        assertThat(driver.findElement(By.id("worker-table")).getText()).contains("Social worker");
        assertAccessible("protection-team");
        clickAndWait(By.cssSelector("#worker-table tbody tr th a"));
        assertThat(driver.findElement(By.id("caseload")).getText()).startsWith("Open cases at the end of the period");
        assertAccessible("protection-worker");
        clickAndWait(By.cssSelector("#children-table tbody tr th a"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Why are you opening child");
        driver.findElement(By.id("purpose")).click();
        clickAndWait(By.id("open-record"));
        assertThat(driver.findElement(By.id("purpose")).getText()).contains("This read is in the access log");
        assertThat(driver.findElement(By.id("journey-table")).getText()).contains("Referral");
        assertAccessible("protection-child");
        open("/local-authorities/80450/help-and-protection");
        clickAndWait(By.id("step-downs-link"));
        assertThat(driver.findElement(By.id("measure-STEP_DOWN_EARLY_HELP_STARTED")).getText()).contains("within the standard");
        assertAccessible("protection-step-downs");
    }

    @Autowired
    org.oversight.childdata.demo.DemoChildData demoReturn;

    @Test
    void aManagerGoesFromALookedAfterChildsRecordToTheEarlierPartOfTheirJourneyAndBack() {
        var loadedReturn = org.oversight.support.DemoReturnFixture.load(demoReturn, jdbc);
        try {
            // a child of the demo return in care at the date measured (their compliance record has timescales of care)
            String child = org.oversight.shared.db.TenantScope.asSystem(() -> jdbc.sql("""
                    SELECT e.child_ref FROM episode e WHERE e.snapshot_id = ? AND e.dec IS NULL ORDER BY e.child_ref LIMIT 1""")
                    .param(loadedReturn.ssda903()).query(String.class).single());
            signIn("col.manager");
            open("/local-authorities/80450/children/" + child);
            driver.findElement(By.id("purpose")).click();
            clickAndWait(By.id("open-record"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Child " + child);
            assertAccessible("compliance-child-with-journey-link");
            clickAndWait(By.cssSelector("#journey-link a"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains(child).contains("help and protection");
            // the child's journey from both stores, oldest first: the referral, then the first period of care
            String chronology = driver.findElement(By.id("journey-table")).getText();
            assertThat(chronology).contains("Referral").contains("Started to be looked after").contains("SSDA903 return").contains("SSD extract");
            assertThat(chronology.indexOf("Referral")).isLessThan(chronology.indexOf("Started to be looked after"));
            assertThat(driver.findElement(By.id("journey-csv")).getAttribute("href")).contains("/children/" + child + "/journey.csv");
            assertAccessible("protection-child-with-chronology");
            clickAndWait(By.cssSelector("#care-record-link a"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Child " + child);
            assertThat(driver.findElement(By.id("rule-status")).getText()).contains("Reviews of children in care");
            assertThat(driver.findElement(By.id("journey-table")).getText()).as("the same journey on the looked-after record").isEqualTo(chronology);
            assertAccessible("compliance-child-with-chronology");
        } finally {
            org.oversight.support.DemoReturnFixture.remove(jdbc, loadedReturn);
        }
    }

    @Test
    void anAnalystSeesEnglandByRegion() {
        signIn("analyst");
        open("/");
        clickAndWait(By.id("nav-national-protection"));
        assertThat(driver.findElement(By.id("england")).getText()).startsWith("England");
        assertThat(driver.findElement(By.id("region-table")).getText()).contains("London");
        assertAccessible("protection-national");
    }
}
