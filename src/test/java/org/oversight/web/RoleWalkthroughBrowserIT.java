package org.oversight.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.oversight.shared.db.TenantScope;
import org.oversight.compliance.ChildSummaries;
import org.oversight.compliance.ComplianceFixtures;
import org.oversight.voice.VoiceSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role walks from sign-in to its home and through its first tasks in one real browser session: on every page
 * axe-core finds nothing and, at 1280 px and at 375 px, nothing reaches past the main column and the page never scrolls
 * sideways (a wide table may scroll inside its own labelled, focusable box). The LA manager, councillor, national
 * analyst, an inspector with access in force, the administrator, and a young person on the portal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoleWalkthroughBrowserIT extends BrowserTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VoiceSignIn voiceSignIn;

    private final List<UUID> activities = new ArrayList<>();
    private final List<UUID> grants = new ArrayList<>();

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

    private void home(String user) {
        signIn(user);
        assertThat(driver.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your work");
        assertFits("walk-" + user + "-home");
    }

    /** Follows a link from the page (its href, so a link hidden in a stacked table on a phone is followed the same way). */
    private void follow(By link, String name) {
        String href = driver.findElement(link).getAttribute("href");
        driver.get(href);
        assertThat(driver.findElements(By.tagName("h1"))).as("one heading on %s", href).hasSize(1);
        assertFits(name);
    }

    @Test
    void anLaManager() {
        home("col.manager");
        List<WebElement> tasks = driver.findElements(By.cssSelector("#work-deadlines tbody a, #work-actions tbody a"));
        if (!tasks.isEmpty()) {
            follow(By.cssSelector("#work-deadlines tbody a, #work-actions tbody a"), "walk-manager-first-task");
            open("/");
        }
        follow(By.cssSelector("#work-plans tbody a"), "walk-manager-plan");
        follow(By.id("committee-report"), "walk-manager-committee-report");
        open("/");
        follow(By.linkText("Timescale compliance"), "walk-manager-compliance");
        open("/local-authorities/80450/audits");
        assertFits("walk-manager-audits");
    }

    @Test
    void aCouncillor() {
        home("col.councillor");
        follow(By.cssSelector("#work-plans tbody a"), "walk-councillor-plan");
        open("/local-authorities/80450/audits/roll-up");
        assertFits("walk-councillor-audit-roll-up");
    }

    @Test
    void aNationalAnalyst() {
        home("analyst");
        follow(By.id("link-national-compliance"), "walk-analyst-national-compliance");
        open("/");
        follow(By.id("link-national-protection"), "walk-analyst-national-protection");
        open("/");
        follow(By.linkText("National picture"), "walk-analyst-national-picture");
    }

    @Test
    void anInspectorWithAccessInForce() {
        UUID southwark = ComplianceFixtures.southwark(jdbc);
        UUID activity = jdbc.sql("""
                INSERT INTO inspection_activity (la_id, type, notification_date, source, created_by, updated_by)
                VALUES (?, 'STANDARD_INSPECTION', ?, 'MANUAL', 'southwark.manager', 'southwark.manager') RETURNING id""")
                .params(southwark, TODAY.minusDays(7)).query(UUID.class).single();
        activities.add(activity);
        UUID inspector = jdbc.sql("SELECT id FROM app_user WHERE username = 'inspector'").query(UUID.class).single();
        grants.add(jdbc.sql("""
                INSERT INTO inspector_grant (la_id, activity_id, inspector_id, starts_on, ends_on, granted_by, granted_at)
                VALUES (?, ?, ?, ?, ?, 'southwark.manager', now()) RETURNING id""")
                .params(southwark, activity, inspector, TODAY.minusDays(1), TODAY.plusDays(4)).query(UUID.class).single());
        home("inspector");
        assertThat(driver.findElement(By.id("work-grants")).getText()).contains("Southwark");
        follow(By.partialLinkText("Open Southwark's timescale compliance"), "walk-inspector-compliance");
        open("/");
        follow(By.partialLinkText("Open Southwark's help and protection"), "walk-inspector-protection");
        open("/");
        follow(By.partialLinkText("Southwark's day-one pack"), "walk-inspector-day-one");
    }

    @Test
    void theAdministrator() {
        home("admin");
        follow(By.linkText("Case audit forms"), "walk-admin-audit-forms");
        open("/");
        follow(By.linkText("Import reports"), "walk-admin-import-reports");
        open("/");
        follow(By.linkText("Local authorities"), "walk-admin-register");
    }

    @Test
    void aYoungPersonOnThePortal() {
        UUID southwark = ComplianceFixtures.southwark(jdbc);
        String code = TenantScope.asSystem(() -> voiceSignIn.issue(southwark, "C3", ChildSummaries.Cohort.CARE_LEAVER, "Jay", "southwark.manager"))
                .code();
        jdbc.sql("DELETE FROM yp_sign_in_event WHERE ip IN ('127.0.0.1', '0:0:0:0:0:0:0:1', '::1')").update();
        driver.manage().deleteAllCookies();
        open("/my");
        assertThat(driver.getCurrentUrl()).endsWith("/my/sign-in");
        assertFits("walk-young-person-sign-in");
        clickAndWait(By.linkText("Start with the code your worker gave you"));
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.id("password")).sendKeys("blue kite river");
        driver.findElement(By.id("confirm")).sendKeys("blue kite river");
        clickAndWait(By.id("start"));
        assertFits("walk-young-person-welcome");
        clickAndWait(By.id("continue"));
        assertThat(text()).contains("Hello Jay");
        assertFits("walk-young-person-home");
        follow(By.id("add-accommodation"), "walk-young-person-section");
        open("/my");
        follow(By.id("give-feedback"), "walk-young-person-feedback");
        open("/my");
        clickAndWait(By.cssSelector("form[action$='/my/sign-out'] button"));
    }
}
