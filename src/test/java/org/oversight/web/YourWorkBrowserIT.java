package org.oversight.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.oversight.shared.Dates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role from sign-in to its own home ("Your work") and its first task, in a real browser: axe-core clean, and no
 * element wider than the main column at 1280 px and at 375 px (a phone).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class YourWorkBrowserIT extends BrowserTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Autowired
    JdbcClient jdbc;

    private final List<UUID> activities = new java.util.ArrayList<>();
    private final List<UUID> grants = new java.util.ArrayList<>();

    @AfterEach
    void removeWhatTheTestAdded() {
        grants.forEach(id -> jdbc.sql("DELETE FROM inspector_grant WHERE id = ?").param(id).update());
        activities.forEach(id -> {
            jdbc.sql("DELETE FROM activity_history WHERE activity_id = ?").param(id).update();
            jdbc.sql("DELETE FROM inspection_activity WHERE id = ?").param(id).update();
        });
        driver.manage().window().setSize(new Dimension(1280, 1024));
    }

    private UUID la(int urn) {
        return jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(urn).query(UUID.class).single();
    }

    /** Ofsted notified Southwark of a standard inspection today (nothing on site yet). */
    private UUID southwarkNotifiedToday() {
        UUID id = jdbc.sql("""
                INSERT INTO inspection_activity (la_id, type, notification_date, source, created_by, updated_by)
                VALUES (?, 'STANDARD_INSPECTION', ?, 'MANUAL', 'southwark.manager', 'southwark.manager') RETURNING id""")
                .params(la(80514), TODAY).query(UUID.class).single();
        activities.add(id);
        return id;
    }

    @Test
    void aManagerSeesTheNotifiedInspectionAtOnceAndOpensItsDeadlines() {
        southwarkNotifiedToday();
        signIn("southwark.manager");
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your work");
        assertThat(driver.findElement(By.id("signed-in-as")).getText()).isEqualTo("Signed in as Tom Stevenson (Southwark, assistant director)");
        String banner = driver.findElement(By.id("inspection-banner")).getText();
        assertThat(banner).contains("Standard inspection: Ofsted notified you today")
                .contains("Inspectors are expected on site from").contains("in 5 working days");
        assertThat(driver.findElement(By.id("work-deadlines")).getText()).contains("Inspectors expected on site").contains("Due")
                .contains("5 working days left").doesNotContain("working days overdue");
        assertThat(driver.findElement(By.id("nav-import")).isDisplayed()).isTrue();
        assertFits("work-manager");
        assertPrintsCleanly();

        clickAndWait(By.id("banner-activity"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Standard inspection");
        assertThat(driver.findElement(By.cssSelector("#deadlines [data-kind='EXPECTED_ON_SITE'] [data-state]")).getAttribute("data-state"))
                .isEqualTo("DUE");
        assertFits("work-manager-activity");

        // The LA's page says what is under way rather than forecasting a window.
        open("/local-authorities/80514");
        assertThat(driver.findElement(By.id("current-activity")).getText()).contains("Standard inspection").contains("Notified")
                .contains(Dates.day(TODAY));
        assertThat(driver.findElements(By.id("next-window"))).isEmpty();
        assertFits("record-under-way");
    }

    @Test
    void staffSeeTheirWorkAndOpenTheirAuthoritysCompliance() {
        signIn("col.staff");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your work");
        assertThat(driver.findElement(By.id("work-who")).getText()).startsWith("Sam Social");
        assertThat(text()).contains("Deadlines due and overdue").contains("Actions overdue or at risk").contains("Timescale compliance");
        // City of London's 2020 inspection is history from before Oversight held it: nothing on it is overdue.
        assertThat(text()).doesNotContain("1,653").doesNotContain("working days overdue");
        assertFits("work-staff");
        clickAndWait(By.linkText("Timescale compliance"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Timescale compliance");
    }

    @Test
    void aCouncillorFindsThePlansRatingsAndReportsAndNoLinkThatRefusesThem() {
        signIn("col.councillor");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your work");
        assertThat(driver.findElements(By.id("nav-import"))).as("councillors may not import: no link").isEmpty();
        assertThat(driver.findElements(By.id("nav-national-compliance"))).isEmpty();
        assertThat(text()).contains("Improvement plans").contains("Next meetings and committee reports").doesNotContain("Actions overdue or at risk");
        assertThat(driver.findElement(By.id("work-plans")).getText()).contains("Red").contains("Amber").contains("Green");
        assertFits("work-councillor");
        clickAndWait(By.cssSelector("#work-plans tbody a"));
        assertThat(driver.getCurrentUrl()).contains("/plans/");
        assertThat(driver.findElements(By.cssSelector("h1"))).hasSize(1);
        assertFits("work-councillor-plan");
    }

    @Test
    void anAnalystFindsTheNationalCompliancePageFromTheirHome() {
        signIn("analyst");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your work");
        assertThat(driver.findElement(By.id("nav-national-compliance")).isDisplayed()).isTrue();
        assertFits("work-analyst");
        clickAndWait(By.id("link-national-compliance"));
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/compliance/national"));
        assertThat(driver.findElements(By.tagName("h1"))).hasSize(1);
        assertFits("work-analyst-national-compliance");
    }

    @Test
    void anInspectorSeesWhenTheirAccessStartsAndARefusalSaysSoKeepingTheHeader() {
        UUID activity = southwarkNotifiedToday();
        UUID inspector = jdbc.sql("SELECT id FROM app_user WHERE username = 'inspector'").query(UUID.class).single();
        LocalDate starts = TODAY.plusDays(3);
        grants.add(jdbc.sql("""
                INSERT INTO inspector_grant (la_id, activity_id, inspector_id, starts_on, ends_on, granted_by, granted_at)
                VALUES (?, ?, ?, ?, ?, 'southwark.manager', now()) RETURNING id""")
                .params(la(80514), activity, inspector, starts, starts.plusDays(4)).query(UUID.class).single());
        signIn("inspector");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your work");
        assertThat(driver.findElement(By.id("work-grants")).getText())
                .contains("Your access to Southwark's child-level data starts on " + Dates.day(starts))
                .contains("Granted by Tom Stevenson");
        assertThat(driver.findElements(By.id("nav-import"))).isEmpty();
        assertFits("work-inspector");

        open("/local-authorities/80514/compliance");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("You do not have access to this page");
        assertThat(driver.findElement(By.id("signed-in-as")).getText()).isEqualTo("Signed in as Ian Inspector (Ofsted)");
        assertThat(driver.findElement(By.id("refusal")).getText()).isEqualTo("Your access to Southwark's records starts on "
                + Dates.day(starts) + " and ends on " + Dates.day(starts.plusDays(4)) + ". Come back then.");
        assertThat(driver.findElement(By.id("go-to-work")).getAttribute("href")).isEqualTo(url("/"));
        assertFits("refused-inspector");
    }

    /** Printed, the page is its content only: no navigation, buttons or banners, and tables whole (no scroll boxes). */
    private void assertPrintsCleanly() {
        var chrome = (org.openqa.selenium.chrome.ChromeDriver) driver;
        chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
        try {
            assertThat(driver.findElement(By.className("govuk-service-navigation")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.className("govuk-header")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.id("inspection-banner")).isDisplayed()).isFalse();
            assertThat(driver.findElement(By.tagName("h1")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.id("work-deadlines")).isDisplayed()).isTrue();
            Object overflow = ((JavascriptExecutor) driver).executeScript(
                    "return getComputedStyle(document.querySelector('.app-table-wrap')).overflowX;");
            assertThat(overflow).isEqualTo("visible");
            screenshot("work-manager-print");
        } finally {
            chrome.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", ""));
        }
    }
}
