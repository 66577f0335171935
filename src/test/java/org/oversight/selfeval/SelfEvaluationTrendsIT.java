package org.oversight.selfeval;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo LA's (City of London's) self-evaluation offers trends for its audit themes, young people's ratings and plan
 * actions on real PostgreSQL: by quarter, too few said so, from the plan's progress history (or "Trend not kept"), a
 * citation freezing them so that a later audit does not change the cited words, and another LA seeing none of it. Its own
 * audit form (a theme no other test uses), ratings and plan, removed afterwards; the year 2022 no other test uses.
 */
class SelfEvaluationTrendsIT extends HttpTest {

    private static final String BASE = "/api/v1/local-authorities/80450/self-evaluations";
    private static final String SECTION = BASE + "/2022/sections/care-leavers";
    private static final String THEME = "Trend test: pathway planning";
    private static final String FAMILY = "selfeval-trend-test";
    private static final String PLAN = "Trend test plan";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    JdbcClient jdbc;

    private final List<Runnable> cleanUp = new ArrayList<>();

    @AfterEach
    void removeFixtures() {
        TenantScope.asSystem(() -> {
            cleanUp.reversed().forEach(Runnable::run);
            return null;
        });
    }

    @Test
    void auditThemesRatingsAndPlanActionsAreOfferedWithTrendsAndACitationFreezesThem() throws Exception {
        UUID la = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single());
        UUID template = TenantScope.asSystem(this::template);
        // Three quarters: 5 audits with 5 of 10 answers good (50%), 2 audits (too few), 5 audits with 8 of 10 good (80%).
        TenantScope.asSystem(() -> {
            programme(la, template, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31), 5, 5);
            programme(la, template, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), 2, 4);
            return programme(la, template, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), 5, 8);
        });
        // Ratings of "Do we listen to you?": 6 in spring (3 of 4 or 5: 50%), 5 in autumn (4 of them 4 or 5: 80%); "Can you get hold
        // of your worker" 3 in autumn only (too few).
        TenantScope.asSystem(() -> {
            UUID account = account(la);
            ratings(la, account, "LISTENED", LocalDate.of(2026, 5, 10), 5, 5, 5, 2, 1, 3);
            ratings(la, account, "LISTENED", LocalDate.of(2026, 10, 20), 4, 5, 4, 4, 2);
            ratings(la, account, "CONTACT", LocalDate.of(2026, 11, 2), 5, 5, 5);
            return null;
        });
        LocalDate today = LocalDate.now(LONDON);
        List<LocalDate> ends = org.oversight.selfeval.PlanProgress.earlierQuarterEnds(today, 2);
        UUID[] plan = TenantScope.asSystem(() -> plan(la, ends));

        assertThat(http.post(BASE, "{\"year\": 2022}", "col.manager").status()).isEqualTo(201);

        // Audits: the newest quarter against the earlier one with enough audits; the thin quarter between is said so.
        JsonNode audit = evidence("audit:CARE_LEAVERS:" + THEME, "col.manager");
        assertThat(audit.get("valueText").asString()).isEqualTo("80%");
        assertThat(audit.get("asOf").asString()).isEqualTo("2026-09-30");
        assertThat(audit.get("detail").asString()).isEqualTo("8 of 10 answers good or better in 5 audits, the quarter to 30 September 2026");
        assertThat(audit.get("trendText").asString())
                .isEqualTo("up 30 points since 31 March 2026, better; the quarter to 30 June 2026 had too few audits to compare (fewer than 5)");
        assertThat(audit.get("trend")).hasSize(1);
        assertThat(audit.get("trend").get(0).get("value").decimalValue()).isEqualByComparingTo("50");

        // Young people's views: the share of ratings of 4 or 5, by quarter; too few ratings give no percentage.
        JsonNode listened = evidence("voice:LISTENED", "col.manager");
        assertThat(listened.get("valueText").asString()).isEqualTo("80%");
        assertThat(listened.get("trendText").asString()).isEqualTo("up 30 points since 30 June 2026, better");
        JsonNode contact = evidence("voice:CONTACT", "col.manager");
        assertThat(contact.get("valueText").asString()).startsWith("Too few ratings to give a percentage: 3 in the quarter to 31 December 2026");
        assertThat(contact.get("value").isNull()).isTrue();
        assertThat(contact.get("trendText").asString()).isEqualTo("No trend: too few ratings in the newest quarter (at least 5 needed)");

        // Plan actions: complete, on track and overdue against the ends of the two quarters before this one; the measure
        // against its recorded values.
        String p = "plan:" + plan[0] + ":";
        JsonNode complete = evidence(p + "COMPLETE", "col.manager");
        assertThat(complete.get("valueText").asString()).isEqualTo("2 of 3 actions");
        assertThat(complete.get("trendText").asString()).isEqualTo("up 1 action since " + EvidenceCatalogue.long_(ends.get(0)) + ", better");
        assertThat(complete.get("trend")).hasSize(2);
        assertThat(complete.get("trend").get(1).get("value").decimalValue()).isEqualByComparingTo("0");
        JsonNode overdue = evidence(p + "OVERDUE", "col.manager");
        assertThat(overdue.get("valueText").asString()).isEqualTo("1 of 3 actions");
        assertThat(overdue.get("rating").asString()).isEqualTo("RED");
        JsonNode measure = evidence("action:" + plan[1], "col.manager");
        assertThat(measure.get("valueText").asString()).isEqualTo("85");
        assertThat(measure.get("trendText").asString()).isEqualTo("up 15 points since " + EvidenceCatalogue.long_(ends.get(0).minusDays(20)) + ", better");
        assertThat(measure.get("detail").asString()).contains("(it was 20 from target on " + EvidenceCatalogue.long_(ends.get(0).minusDays(20)) + ")");
        // Staff draft without young people's views; the audits and plan are theirs too.
        Http.Response staff = http.get(SECTION + "/evidence", "col.staff");
        assertThat(staff.body()).doesNotContain("voice:LISTENED").contains("audit:CARE_LEAVERS:" + THEME);

        // Cited, the trend is frozen with the figure.
        Http.Response cited = http.post(SECTION + "/citations", "{\"evidenceKey\": \"audit:CARE_LEAVERS:" + THEME + "\"}", "col.manager");
        assertThat(cited.status()).as(cited.body()).isEqualTo(201);
        assertThat(cited.json().get("trendText").asString()).startsWith("up 30 points since 31 March 2026, better");
        assertThat(http.post(SECTION + "/citations", "{\"evidenceKey\": \"voice:LISTENED\"}", "col.manager").status()).isEqualTo(201);
        assertThat(http.post(SECTION + "/citations", "{\"evidenceKey\": \"" + p + "COMPLETE\"}", "col.manager").status()).isEqualTo(201);

        // A later audit in the newest quarter, both answers inadequate: the figure offered moves (8 of 12, 67%), the cited words do not.
        TenantScope.asSystem(() -> programme(la, template, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 30), 1, 0));
        JsonNode now = evidence("audit:CARE_LEAVERS:" + THEME, "col.manager");
        assertThat(now.get("valueText").asString()).isEqualTo("67%");
        assertThat(now.get("trendText").asString()).startsWith("up 17 points since 31 March 2026, better");
        JsonNode kept = null;
        for (JsonNode c : http.get(SECTION + "/citations", "col.manager").json()) {
            if (c.get("citation").get("evidenceKey").asString().startsWith("audit:")) {
                kept = c;
            }
        }
        assertThat(kept).isNotNull();
        assertThat(kept.get("citation").get("valueText").asString()).isEqualTo("80%");
        assertThat(kept.get("citation").get("trendText").asString()).startsWith("up 30 points since 31 March 2026, better");
        assertThat(kept.get("citation").get("trend").get(0).get("value").decimalValue()).isEqualByComparingTo("50");
        assertThat(kept.get("moved").asBoolean()).isTrue();

        // The page and the documents show the frozen trends; another LA's users see none of it.
        String page = http.get("/local-authorities/80450/self-evaluations/2022/sections/care-leavers", "col.manager").body();
        assertThat(page).contains("up 30 points since 31 March 2026, better").contains("31 March 2026: 50%");
        String html = http.get("/local-authorities/80450/self-evaluations/2022/self-evaluation.html", "col.manager").body();
        assertThat(html).contains("up 30 points since 31 March 2026, better").contains("up 30 points since 30 June 2026, better");
        // The DOCX charts each cited trend (the audit theme, the ratings, the plan's completed actions) with the frozen
        // figures, as it does the compliance figures; the PDF words them.
        java.util.Map<String, List<String>> charted = new java.util.LinkedHashMap<>();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(bytes("/local-authorities/80450/self-evaluations/2022/self-evaluation.docx")))) {
            for (var chart : doc.getCharts()) {
                var series = chart.getChartSeries().getFirst().getSeries(0);
                List<String> points = new ArrayList<>();
                for (int i = 0; i < series.getValuesData().getPointCount(); i++) {
                    points.add(series.getCategoryData().getPointAt(i) + ": "
                            + new BigDecimal(series.getValuesData().getPointAt(i).toString()).stripTrailingZeros().toPlainString());
                }
                charted.put(chart.getFormattedTitle().getParagraph(0).getText(), points);
            }
        }
        assertThat(charted.get("Case audits: " + THEME + ", answers graded good or better")).containsExactly("31 March 2026: 50", "30 September 2026: 80");
        assertThat(charted.get("Young people’s ratings of 4 or 5 out of 5: Do we listen to you?")).containsExactly("30 June 2026: 50",
                EvidenceCatalogue.long_(today.isBefore(LocalDate.of(2026, 12, 31)) ? today : LocalDate.of(2026, 12, 31)) + ": 80");
        assertThat(charted.get(PLAN + ": actions complete")).containsExactly(EvidenceCatalogue.long_(ends.get(1)) + ": 0",
                EvidenceCatalogue.long_(ends.get(0)) + ": 1", EvidenceCatalogue.long_(today) + ": 2");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(bytes("/local-authorities/80450/self-evaluations/2022/self-evaluation.pdf"))) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("up 30 points since 31 March 2026, better").contains("up 30 points since 30 June 2026, better")
                    .contains("up 1 action since " + EvidenceCatalogue.long_(ends.get(0)) + ", better");
        }
        for (String path : new String[] {SECTION + "/evidence", SECTION + "/citations", "/local-authorities/80450/self-evaluations/2022/sections/care-leavers"}) {
            Http.Response r = http.get(path, "southwark.manager");
            assertThat(r.status()).as(path).isIn(403, 404);
            assertThat(r.body()).doesNotContain("up 30 points");
        }
        assertThat(http.get("/api/v1/local-authorities/80514/self-evaluations/2023/sections/care-leavers/evidence", "southwark.manager").body())
                .doesNotContain(THEME).doesNotContain(PLAN);
    }

    @Test
    void anActionsStatusBeforeItsFirstUpdateIsNotHeldSoItsPlansCountsSayTrendNotKept() {
        UUID la = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single());
        List<LocalDate> ends = org.oversight.selfeval.PlanProgress.earlierQuarterEnds(LocalDate.now(LONDON), 2);
        UUID plan = TenantScope.asSystem(() -> {
            UUID p = newPlan(la, ends.get(1).minusMonths(3));
            UUID item = item(la, p);
            // Added before both quarter ends, first updated only after the newer one.
            UUID a = action(la, item, "NOT_STARTED", ends.get(1).minusMonths(2), ends.get(0).plusYears(1), null);
            update(la, a, "ON_TRACK", null, ends.get(0).plusDays(1));
            jdbc.sql("UPDATE plan_action SET status = 'ON_TRACK' WHERE id = ?").param(a).update();
            return p;
        });
        if (http.get(BASE + "/2022", "col.manager").status() != 200) {
            assertThat(http.post(BASE, "{\"year\": 2022}", "col.manager").status()).isEqualTo(201);
        }
        JsonNode onTrack = evidence("plan:" + plan + ":ON_TRACK", "col.manager");
        assertThat(onTrack.get("valueText").asString()).isEqualTo("1 of 1 actions");
        assertThat(onTrack.get("trend")).isEmpty();
        assertThat(onTrack.get("trendText").asString()).isEqualTo("Trend not kept: the status one action had on "
                + EvidenceCatalogue.long_(ends.get(0)) + ", before its first progress update, is not held");
    }

    private byte[] bytes(String path) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("col.manager:test-password".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET().build();
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    // ---- fixtures ------------------------------------------------------------------------------------------------

    private JsonNode evidence(String key, String user) {
        Http.Response r = http.get(SECTION + "/evidence", user);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        for (JsonNode e : r.json()) {
            if (e.get("key").asString().equals(key)) {
                return e;
            }
        }
        throw new AssertionError(key + " is not offered: " + r.body());
    }

    private UUID template() {
        String question = """
                {"id": "%s", "area": "CARE_LEAVERS", "theme": "%s", "text": "Question %s", "guidance": "", "source": "test"}""";
        UUID id = jdbc.sql("""
                INSERT INTO audit_template (family, version_no, name, cohort, description, questions, created_by)
                VALUES (?, 1, 'Trend test form', 'CARE_LEAVER', 'test', ?::jsonb, 'test') RETURNING id""")
                .params(FAMILY, "[" + question.formatted("T1", THEME, "1") + "," + question.formatted("T2", THEME, "2") + "]")
                .query(UUID.class).single();
        cleanUp.add(() -> jdbc.sql("DELETE FROM audit_template WHERE id = ?").param(id).update());
        return id;
    }

    /** A programme of {@code audits} submitted audits, two answers each, the first {@code good} answers good, the rest inadequate. */
    private UUID programme(UUID la, UUID template, LocalDate start, LocalDate end, int audits, int good) {
        UUID p = jdbc.sql("""
                INSERT INTO audit_programme (la_id, title, template_id, period_start, period_end, auditors, moderators, sampling_rule,
                                             sampling_method, sample_size, sample_seed, created_by)
                VALUES (?, ?, ?, ?, ?, ARRAY['col.manager'], ARRAY[]::text[], 'ALL_CARE_LEAVERS', 'RANDOM', ?, 1, 'test') RETURNING id""")
                .params(la, "Trend test " + start, template, start, end, audits).query(UUID.class).single();
        cleanUp.add(() -> jdbc.sql("DELETE FROM audit_programme WHERE id = ?").param(p).update());
        int answer = 0;
        for (int i = 0; i < audits; i++) {
            UUID a = jdbc.sql("""
                    INSERT INTO case_audit (programme_id, la_id, position, child_ref, cohort, team, template_id, auditor, status, auditor_grade, submitted_at)
                    VALUES (?, ?, ?, ?, 'CARE_LEAVER', 'Leaving care', ?, 'col.manager', 'SUBMITTED', 'GOOD', now()) RETURNING id""")
                    .params(p, la, i + 1, "TREND" + i, template).query(UUID.class).single();
            for (String q : List.of("T1", "T2")) {
                jdbc.sql("INSERT INTO audit_answer (audit_id, la_id, question_id, grade, evidence) VALUES (?, ?, ?, ?, 'test')")
                        .params(a, la, q, answer++ < good ? "GOOD" : "INADEQUATE").update();
            }
        }
        return p;
    }

    private UUID account(UUID la) {
        UUID invitation = jdbc.sql("""
                INSERT INTO yp_invitation (la_id, child_ref, cohort, first_name, code_hash, issued_by, issued_at, expires_at, used_at)
                VALUES (?, 'TRENDYP', 'CARE_LEAVER', 'Sam', ?, 'test', now(), now() + interval '1 day', now()) RETURNING id""")
                .params(la, "trend-test-" + UUID.randomUUID()).query(UUID.class).single();
        UUID account = jdbc.sql("""
                INSERT INTO yp_account (la_id, child_ref, cohort, first_name, sign_in_name, password_hash, invitation_id, created_at)
                VALUES (?, 'TRENDYP', 'CARE_LEAVER', 'Sam', ?, 'x', ?, now()) RETURNING id""")
                .params(la, "trend-test-" + UUID.randomUUID(), invitation).query(UUID.class).single();
        cleanUp.add(() -> {
            jdbc.sql("DELETE FROM yp_feedback WHERE account_id = ?").param(account).update();
            jdbc.sql("DELETE FROM yp_account WHERE id = ?").param(account).update();
            jdbc.sql("DELETE FROM yp_invitation WHERE id = ?").param(invitation).update();
        });
        return account;
    }

    private void ratings(UUID la, UUID account, String theme, LocalDate on, int... ratings) {
        for (int r : ratings) {
            jdbc.sql("INSERT INTO yp_feedback (la_id, child_ref, account_id, theme, rating, created_at) VALUES (?, 'TRENDYP', ?, ?, ?, ?)")
                    .params(la, account, theme, r, Timestamp.from(on.atTime(12, 0).atZone(LONDON).toInstant())).update();
        }
    }

    /**
     * A plan begun before both earlier quarter ends, with three actions: one complete before the older end, one complete
     * between the ends (its measure 40 to 70 then 85, target 90), one overdue on track throughout.
     */
    private UUID[] plan(UUID la, List<LocalDate> ends) {
        LocalDate begun = ends.get(1).minusMonths(2);
        UUID p = newPlan(la, begun);
        UUID item = item(la, p);
        UUID first = action(la, item, "COMPLETE", begun, ends.get(1).plusYears(1), null);
        update(la, first, "ON_TRACK", null, begun.plusDays(5));
        update(la, first, "COMPLETE", null, ends.get(0).minusDays(3));
        UUID measured = action(la, item, "COMPLETE", begun, ends.get(0).plusYears(1), new BigDecimal("85"));
        update(la, measured, "ON_TRACK", null, begun.plusDays(1));
        update(la, measured, "ON_TRACK", new BigDecimal("70"), ends.get(0).minusDays(20));
        update(la, measured, "COMPLETE", new BigDecimal("85"), ends.get(0).plusDays(10));
        UUID late = action(la, item, "ON_TRACK", begun, begun.plusDays(1), null);
        update(la, late, "ON_TRACK", null, begun.plusDays(1));
        // Complete at the older end: none; at the newer end: one; today: two. Overdue throughout: the third.
        jdbc.sql("UPDATE plan_action SET measured_on = ? WHERE id = ?").params(ends.get(0).plusDays(10), measured).update();
        return new UUID[] {p, measured};
    }

    private UUID newPlan(UUID la, LocalDate start) {
        UUID p = jdbc.sql("INSERT INTO improvement_plan (la_id, kind, title, start_date, created_by) VALUES (?, 'SERVICE_IMPROVEMENT', ?, ?, 'test') RETURNING id")
                .params(la, PLAN, start).query(UUID.class).single();
        cleanUp.add(() -> jdbc.sql("DELETE FROM improvement_plan WHERE id = ?").param(p).update());
        return p;
    }

    private UUID item(UUID la, UUID plan) {
        return jdbc.sql("INSERT INTO plan_item (plan_id, la_id, ordinal, title, created_by) VALUES (?, ?, 1, 'Pathway plans', 'test') RETURNING id")
                .params(plan, la).query(UUID.class).single();
    }

    private UUID action(UUID la, UUID item, String status, LocalDate added, LocalDate due, BigDecimal current) {
        UUID owner = jdbc.sql("SELECT id FROM app_user WHERE username = 'col.manager'").query(UUID.class).single();
        return jdbc.sql("""
                INSERT INTO plan_action (item_id, la_id, description, owner_id, due_date, status, measure_name, baseline, target, current_value,
                                         measured_on, created_at, created_by)
                VALUES (?, ?, 'Trend test action', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test') RETURNING id""")
                .params(item, la, owner, due, status, current == null ? null : "Pathway plans co-produced (%)", current == null ? null : new BigDecimal("40"),
                        current == null ? null : new BigDecimal("90"), current, current == null ? null : added,
                        Timestamp.from(added.atTime(9, 0).atZone(LONDON).toInstant())).query(UUID.class).single();
    }

    private void update(UUID la, UUID action, String status, BigDecimal value, LocalDate on) {
        jdbc.sql("INSERT INTO action_update (action_id, la_id, note, status, value, written_by, written_at) VALUES (?, ?, 'test', ?, ?, 'test', ?)")
                .params(action, la, status, value, Timestamp.from(on.atTime(12, 0).atZone(LONDON).toInstant())).update();
    }
}
