package org.oversight.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.oversight.improvement.ReportDraft;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.TestPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager writes a committee report in Chromium: picks a committee meeting from governance, adds officers consulted
 * (one row more without JavaScript), is told which row's date is wrong, previews the report and comes back to the editor
 * with the text kept, then generates it; axe-core finds nothing on the editor, its errors and the preview.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommitteeReportEditorBrowserIT extends BrowserTest {

    private static final String COMMITTEE = "Editor Browser Test Committee";

    @Autowired
    JdbcClient jdbc;

    private TestPlans.Plan plan;
    private UUID body;
    private LocalDate meetingDate;

    @BeforeEach
    void planWithAMeetingToCome() {
        plan = TestPlans.create(jdbc, "Committee report browser test plan");
        meetingDate = LocalDate.of(LocalDate.now(ZoneId.of("Europe/London")).getYear() + 1, 4, 6);
        body = TenantScope.asSystem(() -> {
            UUID la = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
            jdbc.sql("DELETE FROM governance_body WHERE la_id = ? AND name = ?").params(la, COMMITTEE).update();
            UUID id = jdbc.sql("INSERT INTO governance_body (la_id, name, kind) VALUES (?, ?, 'COMMITTEE') RETURNING id").params(la, COMMITTEE)
                    .query(UUID.class).single();
            jdbc.sql("INSERT INTO meeting (body_id, la_id, meeting_date) VALUES (?, ?, ?)").params(id, la, meetingDate).update();
            return id;
        });
    }

    @AfterEach
    void remove() {
        TestPlans.delete(jdbc, plan);
        TenantScope.asSystem(() -> jdbc.sql("DELETE FROM governance_body WHERE id = ?").param(body).update());
    }

    @Test
    void aManagerPicksAMeetingAddsOfficersPreviewsAndGenerates() {
        signIn("col.manager");
        open("/plans/" + plan.id() + "/committee-report");
        assertAccessible("committee-report-editor");
        String meetingDay = "6 April " + meetingDate.getYear();
        var meeting = driver.findElement(By.cssSelector("input[name=meetings][value='" + ReportDraft.meetingKey(body, meetingDate) + "']"));
        assertThat(driver.findElement(By.cssSelector("label[for='" + meeting.getAttribute("id") + "']")).getText())
                .isEqualTo(COMMITTEE + ", " + meetingDay);
        if (!meeting.isSelected()) {
            meeting.click();
        }
        type("subject", "Focused visit update for members");
        type("consultee-1-name", "Ann Lee");
        type("consultee-1-role", "Director of Law and Democracy");
        type("consultee-1-date-day", "2");
        type("consultee-1-date-month", "11");
        type("consultee-1-date-year", "2026");
        int rows = driver.findElements(By.cssSelector("fieldset.app-consultee")).size();
        clickAndWait(By.id("add-officer"));
        assertThat(driver.findElements(By.cssSelector("fieldset.app-consultee"))).hasSize(rows + 1);
        assertThat(driver.findElement(By.id("subject")).getAttribute("value")).isEqualTo("Focused visit update for members");
        assertThat(driver.findElement(By.id("consultee-1-name")).getAttribute("value")).isEqualTo("Ann Lee");

        type("consultee-2-role", "Cabinet Member");
        type("consultee-2-date-day", "30");
        type("consultee-2-date-month", "2");
        type("consultee-2-date-year", "2026");
        clickAndWait(By.id("preview-report"));
        assertThat(driver.findElement(By.className("govuk-error-summary")).getText())
                .contains("The date officer 2 was consulted must be a real date (30/2/2026 does not exist)");
        assertAccessible("committee-report-editor-errors");

        type("consultee-2-date-day", "27");
        clickAndWait(By.id("preview-report"));
        String preview = text();
        assertThat(preview).contains("Preview: this report is not saved").contains(COMMITTEE).contains(meetingDay)
                .contains("Ann Lee").contains("2 November 2026").contains("27 February 2026");
        assertAccessible("committee-report-preview");
        var notice = driver.findElement(By.cssSelector("nav.report-preview"));
        assertThat(notice.getCssValue("border-top-width")).as("the preview notice has its own style").isEqualTo("5px");

        clickAndWait(By.id("back-to-editor"));
        assertThat(driver.findElement(By.id("subject")).getAttribute("value")).isEqualTo("Focused visit update for members");
        assertThat(driver.findElement(By.id("consultee-2-role")).getAttribute("value")).isEqualTo("Cabinet Member");
        assertThat(driver.findElement(By.cssSelector("input[name=meetings][value='" + ReportDraft.meetingKey(body, meetingDate) + "']")).isSelected())
                .isTrue();
        // Enter in a text field generates the report (the form's default button), not "Add the meeting" or "Add another officer".
        var html = driver.findElement(By.tagName("html"));
        driver.findElement(By.id("consultee-2-role")).sendKeys(org.openqa.selenium.Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30)).until(d -> gone(html));
        assertThat(text()).contains("Committee report generated");
    }

    private static void type(String id, String text) {
        driver.findElement(By.id(id)).clear();
        driver.findElement(By.id(id)).sendKeys(text);
    }
}
