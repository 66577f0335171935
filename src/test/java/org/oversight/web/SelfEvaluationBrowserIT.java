package org.oversight.web;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.oversight.audit.AuditFixtures;
import org.oversight.audit.demo.DemoAudits;
import org.oversight.shared.db.TenantScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story of issue 21 in a real browser, axe-core on every page: City of London's head of quality and performance
 * starts this year's self-evaluation from last year's (the demo's), writes, cites its care-leaver figures and the
 * findings of the demo's case audits, the director signs it off, the manager shares it with the inspector, records the
 * engagement meeting and turns an agreed action into an item of the demo's plan, and the inspector reads it. City of
 * London's child-level data is whatever the other tests left, with at least six care leavers ({@link AuditFixtures});
 * the demo audits ({@link DemoAudits}) are added for the test and removed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SelfEvaluationBrowserIT extends BrowserTest {

    private static final String IN_TOUCH = "Care leavers the local authority is in touch with";
    private static final String PATHWAY_AUDITS = "Case audits: Pathway plans, answers graded good or better";

    @Autowired
    DemoAudits demoAudits;
    @Autowired
    JdbcClient jdbc;
    private List<UUID> programmes = List.of();

    @BeforeEach
    void demoAudits() {
        TenantScope.asSystem(() -> AuditFixtures.cityOfLondon(jdbc));
        programmes = demoAudits.load(80450, DemoAudits.CITY_OF_LONDON_PEOPLE);
        assertThat(programmes).as("the demo audits of City of London").isNotEmpty();
    }

    @AfterEach
    void removeTheDemoAudits() {
        TenantScope.asSystem(() -> jdbc.sql("DELETE FROM audit_programme WHERE id = ANY(?)").param(programmes.toArray(UUID[]::new)).update());
    }

    /** Cites the offered evidence with this label; returns its trend in words as offered. */
    private String cite(String label) {
        List<WebElement> offered = driver.findElements(By.cssSelector("#offered > li"));
        for (int i = 0; i < offered.size(); i++) {
            if (offered.get(i).findElement(By.tagName("strong")).getText().equals(label)) {
                String trend = driver.findElement(By.id("trend-" + i)).getText().substring("Trend: ".length());
                clickAndWait(By.id("cite-" + i));
                assertThat(text()).contains("Evidence cited");
                return trend;
            }
        }
        throw new AssertionError(label + " is not offered: " + driver.findElement(By.id("offered")).getText());
    }

    @Test
    void draftCiteSignOffShareAndTheEngagementMeeting() {
        signIn("col.manager");
        open("/local-authorities/80450");
        clickAndWait(By.id("la-self-evaluations"));
        assertThat(driver.findElement(By.id("self-evaluations")).getText()).contains("2025").contains("Signed off");
        assertAccessible("selfeval-index");
        driver.findElement(By.id("year")).clear();
        driver.findElement(By.id("year")).sendKeys("2026");
        new Select(driver.findElement(By.id("fromYear"))).selectByVisibleText("The self-evaluation of 2025");
        clickAndWait(By.id("start"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Self-evaluation 2026");
        assertThat(driver.findElement(By.id("sections")).getText()).contains("The experiences and progress of care leavers");
        assertThat(driver.findElement(By.id("sign-off-who")).getText()).contains("Helen Carter");
        assertAccessible("selfeval-show");

        clickAndWait(By.id("section-care-leavers"));
        assertThat(driver.findElement(By.id("know")).getAttribute("value")).contains("Care leavers benefit from a strong service");
        assertAccessible("selfeval-section");
        driver.findElement(By.id("know")).sendKeys("\nThis year every care leaver has a personal adviser they know by name.");
        clickAndWait(By.id("save"));
        assertThat(text()).contains("Section saved");
        assertThat(driver.findElement(By.id("versions")).getText()).contains("Version 1").contains("Rachel Green").doesNotContain("col.manager");

        // The care-leaver figure and the case audits' findings, each with its trend in words; neighbours' and England's
        // audit figures said not held, and why.
        assertThat(driver.findElement(By.id("offered")).getText()).contains("Not held: no local authority publishes its case audits");
        assertThat(driver.findElement(By.id("benchmark-hint")).getText()).contains("nobody publishes them");
        String inTouchTrend = cite(IN_TOUCH);
        String auditTrend = cite(PATHWAY_AUDITS);
        assertThat(auditTrend).matches("((up|down) \\d+ points? since \\d{1,2} \\w+ \\d{4}, (better|worse)|no change since \\d{1,2} \\w+ \\d{4}"
                + "|No trend: too few audits in the newest quarter.*)(;.*)?");
        String cited = driver.findElement(By.id("citation-table")).getText();
        assertThat(cited).contains(IN_TOUCH).contains(inTouchTrend).contains(PATHWAY_AUDITS).contains(auditTrend).contains("Unchanged");
        String firstEvidence = PATHWAY_AUDITS;
        assertAccessible("selfeval-section-cited");

        driver.findElement(By.id("comment")).sendKeys("Please add the keeping-in-touch figure before the director reads it.");
        clickAndWait(By.id("add-comment"));
        assertThat(driver.findElement(By.id("comment-list")).getText()).contains("keeping-in-touch figure");

        clickAndWait(By.partialLinkText("Version 1, by Rachel Green"));
        assertThat(driver.findElement(By.tagName("ins")).getText()).contains("personal adviser");
        assertAccessible("selfeval-version");

        // Only the director signs off.
        signIn("col.director");
        open("/local-authorities/80450/self-evaluations/2026");
        assertAccessible("selfeval-director");
        clickAndWait(By.id("sign-off"));
        assertThat(text()).contains("Self-evaluation signed off");
        assertThat(driver.findElement(By.id("status")).getText()).contains("Signed off").contains("Helen Carter");

        // The manager shares it with the inspector before the meeting.
        signIn("col.manager");
        open("/local-authorities/80450/self-evaluations/2026");
        new Select(driver.findElement(By.id("inspector"))).selectByVisibleText("Ian Inspector (Ofsted)");
        clickAndWait(By.id("share"));
        assertThat(text()).contains("Self-evaluation shared with the inspector");
        assertThat(driver.findElement(By.id("shares")).getText()).contains("Ian Inspector");
        assertAccessible("selfeval-shared");

        // The engagement meeting: its actions become plan items; it is an activity on the single record.
        clickAndWait(By.id("meeting-link"));
        assertAccessible("selfeval-meeting-form");
        driver.findElement(By.id("date-day")).sendKeys("8");
        driver.findElement(By.id("date-month")).sendKeys("12");
        driver.findElement(By.id("date-year")).sendKeys("2026");
        driver.findElement(By.id("attendees")).sendKeys("Helen Carter, director of children's services\nOfsted regional senior HMI");
        driver.findElement(By.id("kloes")).sendKeys("Placement sufficiency\nWorkforce capacity and planning");
        driver.findElement(By.id("notes")).sendKeys("Ofsted recognised the self-evaluation as clear and well evidenced.");
        driver.findElement(By.id("nextSteps")).sendKeys("A focused visit on care leavers is likely in the spring.");
        driver.findElement(By.id("actions")).sendKeys("Review placement sufficiency with the commissioning team");
        clickAndWait(By.id("save-meeting"));
        assertThat(text()).contains("Engagement meeting saved");
        assertThat(driver.findElement(By.id("agreed-actions")).getText()).contains("Review placement sufficiency");
        assertAccessible("selfeval-meeting");
        clickAndWait(By.id("to-plan-1"));
        assertThat(text()).contains("Agreed action added to the plan");
        assertThat(driver.findElement(By.id("agreed-actions")).getText()).contains("in the improvement plan");
        clickAndWait(By.partialLinkText("in the improvement plan"));
        assertThat(text()).contains("Review placement sufficiency with the commissioning team");
        assertAccessible("selfeval-meeting-plan");
        driver.navigate().back();
        clickAndWait(By.id("meeting-activity"));
        assertThat(text()).containsIgnoringCase("annual engagement meeting");
        assertThat(driver.findElement(By.id("self-evaluation-link")).getText()).contains("Self-evaluation 2026");

        // The inspector reads it, read-only.
        signIn("inspector");
        open("/local-authorities/80450/self-evaluations/2026/self-evaluation.html");
        assertThat(text()).contains("City of London").contains("The experiences and progress of care leavers")
                .contains("personal adviser they know by name").contains(firstEvidence);
        assertAccessible("selfeval-document");
    }
}
