package org.oversight.voice;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Children on child protection and child-in-need plans in City of London's demo whole-journey data: those aged 11 or
 * over (from {@code ssd_person}'s date of birth on the data's date) are listed and invited as children in care are,
 * see a plan with "Feeling safe" first; younger children are not offered; another LA's staff and councillors get 403.
 */
class VoiceOnPlansIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoJourneys demo;
    /** The demo journey this test loaded (removed after it), or null when the LA had whole-journey data already. */
    private java.util.UUID loaded;

    @org.junit.jupiter.api.AfterEach
    void removeDemoJourney() {
        org.oversight.support.DemoJourneyFixture.remove(jdbc, loaded);
    }

    private UUID la;
    private String olderOnCpPlan;
    private String youngerOnPlan;
    private String olderInNeedOnly;

    @BeforeEach
    void data() {
        VoiceFixture.southwark(jdbc); // also forgets earlier sign-in failures from this machine
        loaded = org.oversight.support.DemoJourneyFixture.loadIfMissing(demo, jdbc);
        la = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single());
        UUID snapshot = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT id FROM import_snapshot WHERE la_id = ? AND kind IN ('SSD', 'CIN_CENSUS') AND superseded_at IS NULL
                 ORDER BY collection_year DESC, imported_at DESC LIMIT 1""").param(la).query(UUID.class).single());
        LocalDate asOf = TenantScope.asSystem(() -> jdbc.sql("SELECT as_at FROM import_snapshot WHERE id = ?").param(snapshot)
                .query(LocalDate.class).single());
        String onPlans = """
                WITH cp AS (SELECT DISTINCT cppl_person_id AS p FROM ssd_cp_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cppl_cp_plan_start_date <= :d
                              AND (cppl_cp_plan_end_date IS NULL OR cppl_cp_plan_end_date > :d)),
                     cin AS (SELECT cinp_person_id AS p FROM ssd_cin_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cinp_cin_plan_start_date <= :d
                              AND (cinp_cin_plan_end_date IS NULL OR cinp_cin_plan_end_date > :d)
                             UNION SELECT cine_person_id FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cine_referral_date <= :d
                              AND (cine_close_date IS NULL OR cine_close_date > :d))
                SELECT pers_person_id FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND %s
                   AND pers_person_id NOT IN (SELECT child_ref FROM child WHERE la_id = :la)
                 ORDER BY pers_person_id LIMIT 1""";
        olderOnCpPlan = first(onPlans.formatted("pers_person_id IN (SELECT p FROM cp) AND date_part('year', age(:d, pers_dob)) >= 11"), snapshot, asOf);
        youngerOnPlan = first(onPlans.formatted("pers_person_id IN (SELECT p FROM cp UNION SELECT p FROM cin) AND date_part('year', age(:d, pers_dob)) < 11"),
                snapshot, asOf);
        olderInNeedOnly = first(onPlans.formatted("pers_person_id IN (SELECT p FROM cin) AND pers_person_id NOT IN (SELECT p FROM cp)"
                + " AND date_part('year', age(:d, pers_dob)) >= 11"), snapshot, asOf);
    }

    private String first(String sql, UUID snapshot, LocalDate asOf) {
        List<String> found = TenantScope.asSystem(() -> jdbc.sql(sql).param("s", snapshot).param("d", asOf).param("la", la)
                .query(String.class).list());
        assertThat(found).as("the demo journey has such a child: " + sql).isNotEmpty();
        return found.getFirst();
    }

    private int count(String sql, Object... params) {
        return TenantScope.asSystem(() -> jdbc.sql(sql).params(List.of(params)).query(Integer.class).single());
    }

    @Test
    void aChildOnAPlanAgedElevenOrOverIsInvitedAsAChildInCareIs() {
        Browserless manager = new Browserless(port, "col.manager", PASSWORD);
        String list = manager.get("/local-authorities/80450/young-people").body();
        assertThat(list).contains(olderOnCpPlan).contains(olderInNeedOnly).contains("Child protection plan").contains("Child in need plan");
        assertThat(list).doesNotContain(">" + youngerOnPlan + "<");

        String path = "/local-authorities/80450/young-people/" + olderOnCpPlan;
        assertThat(manager.get(path).body()).contains("Child protection plan").contains("Feeling safe");
        Http.Response issued = manager.post(path + "/invitation", "firstName", "Robin");
        assertThat(issued.status()).isEqualTo(302);
        String page = manager.get(path).body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"issued-code\">([A-Z2-9-]{14})<").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        assertThat(count("SELECT count(*) FROM yp_invitation WHERE la_id = ? AND child_ref = ? AND cohort = 'CHILD_PROTECTION'", la, olderOnCpPlan))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM child_access WHERE la_id = ? AND child_ref = ? AND what LIKE 'young person''s voice: invitation code issued%'",
                la, olderOnCpPlan)).as("the invitation is logged as any other").isPositive();
        assertThat(manager.post(path + "/sections/safety", "summary", "You and your mum agreed a safety plan with school.").status())
                .isEqualTo(302);
        assertThat(manager.post(path + "/sections/money", "summary", "x").status()).as("not a section of a child's plan").isEqualTo(404);

        Browserless yp = new Browserless(port);
        yp.get("/my/start");
        assertThat(yp.post("/my/start", "code", m.group(1), "password", "long enough", "confirm", "long enough").status()).isEqualTo(302);
        String home = yp.get("/my").body();
        assertThat(home).contains("Hello Robin").contains("Your plan").contains("Feeling safe")
                .contains("You and your mum agreed a safety plan with school.").doesNotContain("Your care plan");
        Http.Response words = yp.post("/my/plan/safety", "words", "I feel safer now the door is fixed.");
        assertThat(words.status()).isEqualTo(302);
        assertThat(manager.get(path).body()).contains("I feel safer now the door is fixed.");
    }

    @Test
    void youngerChildrenAreNotOfferedAndOtherLasAndCouncillorsSeeNothing() {
        Browserless manager = new Browserless(port, "col.manager", PASSWORD);
        manager.get("/local-authorities/80450/young-people");
        assertThat(manager.get("/local-authorities/80450/young-people/" + youngerOnPlan).status()).isEqualTo(404);
        assertThat(manager.post("/local-authorities/80450/young-people/" + youngerOnPlan + "/invitation", "firstName", "Sam").status())
                .isEqualTo(404);
        assertThat(count("SELECT count(*) FROM yp_invitation WHERE la_id = ? AND child_ref = ?", la, youngerOnPlan)).isZero();

        String path = "/local-authorities/80450/young-people/" + olderInNeedOnly;
        for (String user : List.of("southwark.manager", "col.councillor", "analyst", "inspector")) {
            assertThat(http.get(path, user).status()).as(user).isEqualTo(403);
            assertThat(http.get("/local-authorities/80450/young-people", user).status()).as(user).isEqualTo(403);
        }
        Browserless other = new Browserless(port, "southwark.manager", PASSWORD);
        other.get("/local-authorities/80514/young-people");
        assertThat(other.post(path + "/invitation", "firstName", "Mallory").status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM yp_invitation WHERE la_id = ? AND child_ref = ?", la, olderInNeedOnly)).isZero();
        assertThat(http.get(path, "col.staff").status()).isEqualTo(200);
    }
}
