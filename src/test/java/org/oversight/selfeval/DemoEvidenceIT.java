package org.oversight.selfeval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.access.Role;
import org.oversight.access.UserAccounts;
import org.oversight.audit.demo.DemoAudits;
import org.oversight.childdata.demo.DemoChildData;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.voice.demo.DemoViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's case audits and young people's ratings on real PostgreSQL: made once through the services (a second run
 * adds nothing), spread over the last three complete quarters, and offered by the self-evaluation with their trend in
 * words, the figures checked against a count of the stored answers and ratings made here in SQL. Run for Camden (whose
 * demo child-level data DemoChildDataIT also loads) with accounts of its own, so City of London's audits and ratings,
 * which other tests count, are left alone; the audits and ratings are removed afterwards.
 */
class DemoEvidenceIT extends HttpTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DemoAudits.People PEOPLE = new DemoAudits.People("camden.demo.manager", "camden.demo.staff", "camden.demo.director");

    @Autowired
    DemoChildData childData;
    @Autowired
    DemoAudits demoAudits;
    @Autowired
    DemoViews demoViews;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    private UUID la;
    /** Whether this test loaded Camden's demo child data (then it removes it, so DemoChildDataIT finds Camden as it expects). */
    private boolean loadedChildData;

    @AfterEach
    void removeTheDemoEvidence() {
        if (la == null) {
            return;
        }
        TenantScope.asSystem(() -> {
            jdbc.sql("DELETE FROM audit_programme WHERE la_id = ?").param(la).update();
            jdbc.sql("DELETE FROM yp_feedback WHERE la_id = ?").param(la).update();
            jdbc.sql("DELETE FROM yp_contribution WHERE la_id = ?").param(la).update();
            jdbc.sql("DELETE FROM yp_account WHERE la_id = ?").param(la).update();
            jdbc.sql("DELETE FROM yp_invitation WHERE la_id = ?").param(la).update();
            if (loadedChildData) {
                jdbc.sql("DELETE FROM import_snapshot WHERE la_id = ?").param(la).update();
            }
        });
    }

    private <T> T sql(java.util.function.Supplier<T> work) {
        return TenantScope.asSystem(work);
    }

    @Test
    void theDemoAuditsAndRatingsAreMadeOnceAndTheSelfEvaluationOffersTheirTrends() {
        int camden = sql(() -> jdbc.sql("SELECT urn FROM local_authority WHERE la_code = '202'").query(Integer.class).single());
        la = sql(() -> jdbc.sql("SELECT id FROM local_authority WHERE la_code = '202'").query(UUID.class).single());
        String hash = encoder.encode(PASSWORD);
        accounts.upsert(PEOPLE.manager(), "Camden demo manager", hash, Role.LA_MANAGER, camden, false);
        accounts.upsert(PEOPLE.staff(), "Camden demo social worker", hash, Role.LA_STAFF, camden, false);
        accounts.upsert(PEOPLE.director(), "Camden demo director", hash, Role.LA_MANAGER, camden, false);
        loadedChildData = childData.loadIfMissing(camden, "202"); // DemoChildDataIT may have loaded it already
        assertThat(sql(() -> jdbc.sql("SELECT count(*) FROM audit_programme WHERE la_id = ?").param(la).query(Integer.class).single()))
                .as("no other test audits Camden").isZero();

        // Audits: each form with children to sample, one programme a quarter, six audits each, every one submitted by its auditor.
        int submitted = demoAudits.loadIfMissing(camden, PEOPLE);
        List<LocalDate> ends = quarterEnds(LocalDate.now(LONDON));
        List<String> programmes = sql(() -> jdbc.sql("""
                SELECT t.family || ' ' || p.period_start || ' ' || p.period_end || ' ' || count(a.id) || ' ' || count(a.id) FILTER (WHERE a.status <> 'OPEN')
                  FROM audit_programme p JOIN audit_template t ON t.id = p.template_id LEFT JOIN case_audit a ON a.programme_id = p.id
                 WHERE p.la_id = ? GROUP BY t.family, p.period_start, p.period_end ORDER BY t.family, p.period_end""").param(la).query(String.class).list());
        assertThat(programmes).contains("care-leavers " + ends.get(0).minusMonths(2).withDayOfMonth(1) + " " + ends.get(0) + " 6 6",
                "care-leavers " + ends.get(2).minusMonths(2).withDayOfMonth(1) + " " + ends.get(2) + " 6 6",
                "children-in-care " + ends.get(1).minusMonths(2).withDayOfMonth(1) + " " + ends.get(1) + " 6 6");
        assertThat(programmes.size() % 3).isZero();
        assertThat(submitted).isEqualTo(6 * programmes.size());
        assertThat(sql(() -> jdbc.sql("""
                SELECT count(*) FROM audit_event e JOIN audit_programme p ON p.id = e.programme_id
                 WHERE p.la_id = ? AND e.description LIKE 'Submitted the audit of child %' AND e.actor IN (?, ?)""")
                .params(la, PEOPLE.staff(), PEOPLE.manager()).query(Integer.class).single())).as("each submitted by its auditor, through the service")
                .isEqualTo(submitted);
        assertThat(sql(() -> jdbc.sql("""
                SELECT count(*) FROM case_audit a JOIN audit_programme p ON p.id = a.programme_id WHERE p.la_id = ? AND a.status = 'MODERATED'
                   AND a.moderator = ?""").params(la, PEOPLE.director()).query(Integer.class).single())).isEqualTo(2 * programmes.size());

        // Young people's views: nine sign up, seven rate the four themes each quarter.
        int ratings = demoViews.loadIfMissing(camden, PEOPLE.staff());
        assertThat(ratings).isEqualTo(3 * 7 * 4);
        assertThat(sql(() -> jdbc.sql("SELECT count(*) FROM yp_account WHERE la_id = ? AND revoked_at IS NULL").param(la).query(Integer.class).single()))
                .isEqualTo(9);
        for (LocalDate end : ends) {
            assertThat(sql(() -> jdbc.sql("""
                    SELECT count(*) FROM yp_feedback WHERE la_id = ? AND rating IS NOT NULL
                       AND (created_at AT TIME ZONE 'Europe/London')::date BETWEEN ? AND ?""")
                    .params(la, end.minusMonths(2).withDayOfMonth(1), end).query(Integer.class).single())).as("the quarter to " + end).isEqualTo(28);
        }

        // Once: a second run adds nothing.
        assertThat(demoAudits.loadIfMissing(camden, PEOPLE)).isZero();
        assertThat(demoViews.loadIfMissing(camden, PEOPLE.staff())).isZero();
        assertThat(sql(() -> jdbc.sql("SELECT count(*) FROM case_audit WHERE la_id = ?").param(la).query(Integer.class).single())).isEqualTo(submitted);
        assertThat(sql(() -> jdbc.sql("SELECT count(*) FROM yp_feedback WHERE la_id = ? AND rating IS NOT NULL").param(la).query(Integer.class).single()))
                .isEqualTo(ratings);

        // The self-evaluation offers them, with their trend, the newest quarter's figure as the stored answers give it.
        String base = "/api/v1/local-authorities/" + camden + "/self-evaluations";
        Http.Response started = http.post(base, "{\"year\": 2026}", PEOPLE.manager());
        assertThat(started.status()).as(started.body()).isIn(201, 409);
        JsonNode pathway = evidence(base + "/2026/sections/care-leavers/evidence", "audit:CARE_LEAVERS:Pathway plans");
        int newest = auditPercent("Pathway plans", ends.get(2));
        int before = auditPercent("Pathway plans", ends.get(1));
        assertThat(pathway.get("valueText").asString()).isEqualTo(newest + "%");
        assertThat(pathway.get("asOf").asString()).isEqualTo(ends.get(2).toString());
        assertThat(pathway.get("trendText").asString()).isEqualTo(words(newest, before, ends.get(1)));
        assertThat(pathway.get("trend")).hasSize(2);
        assertThat(pathway.get("benchmarks").toString()).contains("Statistical neighbours").contains("England")
                .contains("Not held: no local authority publishes its case audits");

        JsonNode plan = evidence(base + "/2026/sections/care-leavers/evidence", "voice:PLAN");
        int newestViews = ratingPercent("PLAN", ends.get(2));
        int beforeViews = ratingPercent("PLAN", ends.get(1));
        assertThat(plan.get("valueText").asString()).isEqualTo(newestViews + "%");
        assertThat(plan.get("trendText").asString()).isEqualTo(words(newestViews, beforeViews, ends.get(1)));
        assertThat(plan.get("benchmarks").toString()).contains("Not held: no local authority publishes its young people’s ratings");
        // The grades vary: not every audit theme moves the same way.
        java.util.Set<String> moves = new java.util.TreeSet<>();
        for (JsonNode e : http.get(base + "/2026/sections/care-leavers/evidence", PEOPLE.manager()).json()) {
            if (e.get("key").asString().startsWith("audit:")) {
                moves.add(e.get("trendText").asString().split(" ")[0]);
            }
        }
        assertThat(moves).hasSizeGreaterThan(1);
    }

    /** The ends of the three complete quarters before today's, oldest first. */
    private static List<LocalDate> quarterEnds(LocalDate today) {
        LocalDate start = PeriodShares.quarterStart(today);
        return List.of(start.minusMonths(6).minusDays(1), start.minusMonths(3).minusDays(1), start.minusDays(1));
    }

    private JsonNode evidence(String path, String key) {
        Http.Response r = http.get(path, PEOPLE.manager());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode e : r.json()) {
            if (e.get("key").asString().equals(key)) {
                return e;
            }
        }
        throw new AssertionError(key + " is not offered: " + r.body());
    }

    /** The share of the theme's answers graded good or outstanding in the quarter's programmes, counted here. */
    private int auditPercent(String theme, LocalDate end) {
        int[] counts = sql(() -> jdbc.sql("""
                SELECT count(*) FILTER (WHERE q.grade IN ('GOOD', 'OUTSTANDING')), count(*)
                  FROM audit_answer q JOIN case_audit a ON a.id = q.audit_id JOIN audit_programme p ON p.id = a.programme_id
                  JOIN audit_template t ON t.id = a.template_id,
                       jsonb_array_elements(t.questions) question
                 WHERE p.la_id = ? AND p.period_end = ? AND a.status <> 'OPEN' AND question->>'id' = q.question_id AND question->>'theme' = ?""")
                .params(la, end, theme).query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single());
        assertThat(counts[1]).isPositive();
        return percent(counts[0], counts[1]);
    }

    private int ratingPercent(String theme, LocalDate end) {
        int[] counts = sql(() -> jdbc.sql("""
                SELECT count(*) FILTER (WHERE rating >= 4), count(*) FROM yp_feedback
                 WHERE la_id = ? AND theme = ? AND (created_at AT TIME ZONE 'Europe/London')::date BETWEEN ? AND ?""")
                .params(la, theme, end.minusMonths(2).withDayOfMonth(1), end).query((rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}).single());
        assertThat(counts[1]).isPositive();
        return percent(counts[0], counts[1]);
    }

    private static int percent(int part, int whole) {
        return BigDecimal.valueOf(100L * part).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP).intValueExact();
    }

    /** The trend in words as a reader expects it: "up 17 points since 30 June 2026, better". */
    private static String words(int now, int before, LocalDate since) {
        String date = EvidenceCatalogue.long_(since);
        int change = Math.abs(now - before);
        String points = change == 1 ? "point" : "points";
        return now == before ? "no change since " + date
                : (now > before ? "up " : "down ") + change + " " + points + " since " + date + (now > before ? ", better" : ", worse");
    }
}
