package org.oversight.access;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.compliance.ComplianceFixtures;
import org.oversight.shared.db.TenantScope;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A manager grants a named inspector read-only access for an activity's on-site dates: in force only on those days,
 * limited to that LA (in the application and in the database), every use logged, and ended on request.
 */
class InspectorAccessIT extends HttpTest {

    @Autowired
    InspectorGrants grants;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    JdbcClient jdbc;

    UUID southwark;
    UUID activity;

    @BeforeEach
    void data() {
        southwark = ComplianceFixtures.southwark(jdbc);
        // An inspection on site from yesterday for three weeks (longer than any real one: a grant stops after 10 working days).
        activity = TenantScope.asSystem(() -> jdbc.sql("""
                INSERT INTO inspection_activity (la_id, type, created_by, updated_by) VALUES (?, 'STANDARD_INSPECTION', 'test', 'test') RETURNING id""")
                .param(southwark).query(UUID.class).single());
        TenantScope.asSystem(() -> jdbc.sql("INSERT INTO on_site_range (activity_id, ordinal, start_date, end_date) VALUES (?, 0, ?, ?)")
                .params(activity, java.sql.Date.valueOf(grants.today().minusDays(1)), java.sql.Date.valueOf(grants.today().plusDays(20))).update());
        TenantScope.asSystem(() -> jdbc.sql("UPDATE inspector_grant SET revoked_at = now(), revoked_by = 'test' WHERE revoked_at IS NULL").update());
    }

    @Test
    @WithUserDetails("southwark.manager")
    void aGrantInForceLetsTheInspectorReadThatLasChildrenOnlyAndEveryUseIsLogged() {
        assertThat(http.get("/local-authorities/80514/compliance", "inspector").status()).as("no grant yet").isEqualTo(403);
        UUID grant = grants.grant(southwark, activity, grants.today(), grants.today().plusDays(4), "inspector", currentUser);

        assertThat(http.get("/local-authorities/80514/compliance", "inspector").status()).isEqualTo(200);
        var child = http.get("/local-authorities/80514/children/B2?purpose=INSPECTION", "inspector");
        assertThat(child.status()).isEqualTo(200);
        assertThat(child.body()).contains("Your view of it has been logged");
        assertThat(TenantScope.asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM child_access WHERE la_id = ? AND viewed_by = 'inspector' AND what LIKE '%inspector under a grant%'""")
                .param(southwark).query(Integer.class).single())).isGreaterThanOrEqualTo(2);

        assertThat(http.get("/local-authorities/80450/compliance", "inspector").status()).as("another LA").isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/compliance.csv", "inspector").status()).as("read only: no exports").isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/child-data", "inspector").status()).as("read only: no imports").isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/inspector-access", "inspector").status()).isEqualTo(403);

        var page = http.get("/local-authorities/80514/inspector-access", "southwark.manager");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("In force").contains("Ian Inspector");
        assertThat(http.get("/local-authorities/80514/inspector-access", "col.manager").status()).isEqualTo(403);

        grants.revoke(southwark, grant, currentUser);
        assertThat(http.get("/local-authorities/80514/compliance", "inspector").status()).as("ended").isEqualTo(403);
    }

    @org.junit.jupiter.api.AfterEach
    void removeActivity() {
        TenantScope.asSystem(() -> jdbc.sql("DELETE FROM inspection_activity WHERE id = ?").param(activity).update());
    }

    @Test
    @WithUserDetails("southwark.manager")
    void aGrantIsKeptWithinTheActivitysOnSiteDaysAndToTenWorkingDaysWhateverTheDatesGiven() {
        UUID grant = grants.grant(southwark, activity, grants.today().minusDays(30), grants.today().plusDays(60), "inspector", currentUser);
        var window = TenantScope.asSystem(() -> jdbc.sql("SELECT starts_on, ends_on FROM inspector_grant WHERE id = ?").param(grant)
                .query((rs, i) -> new java.time.LocalDate[] {rs.getObject(1, java.time.LocalDate.class), rs.getObject(2, java.time.LocalDate.class)})
                .single());
        assertThat(window[0]).as("not before the first on-site day").isEqualTo(grants.today().minusDays(1));
        var calendar = new org.oversight.shared.calendar.WorkingDayCalendar(org.oversight.shared.calendar.BankHolidays.fromClasspath());
        java.time.LocalDate firstWorkingDay = window[0];
        while (!calendar.isWorkingDay(firstWorkingDay)) {
            firstWorkingDay = firstWorkingDay.plusDays(1);
        }
        assertThat(window[1]).as("ten working days, counting the first").isEqualTo(calendar.addWorkingDays(firstWorkingDay, 9));
        assertThat(calendar.workingDaysBetween(firstWorkingDay, window[1]) + 1).isEqualTo(InspectorGrants.MAX_WORKING_DAYS);
        assertThat(window[1]).isBefore(grants.today().plusDays(20));
        // Dates wholly outside the activity's on-site days give no grant at all.
        assertThatThrownBy(() -> grants.grant(southwark, activity, grants.today().plusDays(30), grants.today().plusDays(35), "inspector", currentUser))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside the activity's on-site days");
    }

    @Test
    @WithUserDetails("southwark.manager")
    void aGrantStartsAndEndsOnItsOwnAndIsOnlyForInspectors() {
        grants.grant(southwark, activity, grants.today().plusDays(3), grants.today().plusDays(7), "inspector", currentUser);
        assertThat(http.get("/local-authorities/80514/compliance", "inspector").status()).as("not yet on site").isEqualTo(403);
        assertThatThrownBy(() -> grants.grant(southwark, activity, grants.today().minusDays(10), grants.today().minusDays(6), "inspector", currentUser))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("over");
        assertThatThrownBy(() -> grants.grant(southwark, activity, grants.today(), grants.today(), "col.staff", currentUser))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("inspector");
    }

    @Test
    @WithUserDetails("col.manager")
    void anotherLasManagerCannotGrantAccessToThisLa() {
        assertThatThrownBy(() -> grants.grant(southwark, activity, grants.today(), grants.today(), "inspector", currentUser))
                .isInstanceOf(AccessDeniedException.class);
    }
}
