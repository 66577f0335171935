package org.oversight.compliance.protection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help-and-protection pages over City of London's demo whole-journey data in real PostgreSQL: the funnel's counts
 * against hand counts in SQL, the drill-down front door → team → worker → child, step-downs, the CSV, the national
 * picture, and who may see each.
 */
class ProtectionPagesIT extends HttpTest {

    private static final String FRONT_DOOR = "/local-authorities/80450/help-and-protection";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DemoJourneys demo;
    @Autowired
    org.oversight.improvement.PlanService plans;
    @Autowired
    HelpAndProtection protection;

    private UUID snapshot;
    private LocalDate from;
    private LocalDate to;

    private UUID loaded;

    @org.junit.jupiter.api.AfterEach
    void removeTheDemoJourneyIfThisTestLoadedIt() {
        org.oversight.support.DemoJourneyFixture.remove(jdbc, loaded);
    }

    @BeforeEach
    void data() {
        loaded = org.oversight.support.DemoJourneyFixture.loadIfMissing(demo, jdbc);
        snapshot = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT s.id FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE la.urn = 80450 AND s.kind IN ('SSD', 'CIN_CENSUS') AND s.superseded_at IS NULL
                 ORDER BY s.collection_year DESC, s.imported_at DESC LIMIT 1""").query(UUID.class).single());
        LocalDate asOf = TenantScope.asSystem(() -> jdbc.sql("SELECT as_at FROM import_snapshot WHERE id = ?").param(snapshot)
                .query(LocalDate.class).single());
        to = asOf;
        from = asOf.minusYears(1).plusDays(1);
    }

    private long count(String sql) {
        return TenantScope.asSystem(() -> jdbc.sql(sql).params(snapshot, from, to).query(Long.class).single());
    }

    private static String cell(String body, String rowId) {
        Matcher m = Pattern.compile("id=\"" + rowId + "\">\\s*<th[^>]*>[^<]*</th>\\s*<td[^>]*>(\\d+)</td>").matcher(body);
        assertThat(m.find()).as("row " + rowId).isTrue();
        return m.group(1);
    }

    @Test
    void theFunnelCountsWhatTheStoreHoldsForThePeriod() {
        var page = http.get(FRONT_DOOR, "col.manager");
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(cell(body, "step-CONTACTS")).isEqualTo(String.valueOf(count(
                "SELECT count(*) FROM ssd_contacts WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cont_contact_date BETWEEN ? AND ?")));
        assertThat(cell(body, "step-REFERRALS")).isEqualTo(String.valueOf(count(
                "SELECT count(*) FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cine_referral_date BETWEEN ? AND ?")));
        assertThat(cell(body, "step-ASSESSMENTS")).isEqualTo(String.valueOf(count(
                "SELECT count(*) FROM ssd_cin_assessments WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cina_assessment_start_date BETWEEN ? AND ?")));
        assertThat(cell(body, "step-SECTION_47")).isEqualTo(String.valueOf(count(
                "SELECT count(*) FROM ssd_s47_enquiry WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND s47e_s47_start_date BETWEEN ? AND ?")));
        assertThat(cell(body, "step-CP_PLANS")).isEqualTo(String.valueOf(count(
                "SELECT count(*) FROM ssd_cp_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cppl_cp_plan_start_date BETWEEN ? AND ?")));
        long referrals = count("SELECT count(*) FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cine_referral_date BETWEEN ? AND ?");
        assertThat(referrals).as("the demo LA has referrals in its last year").isGreaterThan(20);
        assertThat(body).contains("id=\"funnel-chart\"").contains("id=\"measure-ASSESSMENTS_IN_TIME\"").contains("id=\"team-table\"");

        var stepDowns = http.get(FRONT_DOOR + "/step-downs", "col.manager");
        assertThat(stepDowns.status()).isEqualTo(200);
        long closedToEarlyHelp = count("""
                SELECT count(*) FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cine_close_reason = 'RC9' AND cine_close_date BETWEEN ? AND ?""");
        assertThat(closedToEarlyHelp).as("the demo data steps cases down").isGreaterThan(0);
        assertThat(cell(stepDowns.body(), "measure-STEP_DOWN_NO_EARLY_HELP").length()).isPositive();
        Matcher total = Pattern.compile("id=\"measure-STEP_DOWN_EARLY_HELP_STARTED\">\\s*<th[^>]*>[^<]*</th>\\s*<td[^>]*>\\d+</td>\\s*<td[^>]*>(\\d+)</td>")
                .matcher(stepDowns.body());
        assertThat(total.find()).isTrue();
        assertThat(Long.parseLong(total.group(1))).as("every case closed with RC9 in the period is a step-down").isEqualTo(closedToEarlyHelp);
    }

    @Test
    void aManagerDrillsDownFromTheFrontDoorToATeamAWorkerAndAChild() {
        String body = http.get(FRONT_DOOR, "col.manager").body();
        String team = firstLink(body, FRONT_DOOR + "/teams/");
        var teamPage = http.get(team, "col.manager");
        assertThat(teamPage.status()).isEqualTo(200);
        assertThat(teamPage.body()).contains("id=\"worker-table\"").contains("id=\"funnel-table\"");
        String worker = firstLink(teamPage.body(), "/workers/");
        var workerPage = http.get(worker, "col.manager");
        assertThat(workerPage.status()).isEqualTo(200);
        String child = firstLink(workerPage.body(), FRONT_DOOR + "/children/");
        var asked = http.get(child, "col.manager");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("name=\"purpose\"");
        var record = http.get(child + (child.contains("?") ? "&" : "?") + "purpose=DIRECT_WORK", "col.manager");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.body()).contains("id=\"clock-table\"").contains("id=\"journey-table\"");
        String ref = child.substring(child.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        assertThat(TenantScope.asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM child_access a JOIN local_authority la ON la.id = a.la_id
                 WHERE la.urn = 80450 AND a.child_ref = ? AND a.what = 'help and protection journey'""").param(ref).query(Long.class).single()))
                .as("the child's record was logged").isPositive();
    }

    @Test
    void onlyTheLasOwnStaffSeeItAndAnalystsSeeEnglandWithoutChildren() {
        assertThat(http.get(FRONT_DOOR).status()).isEqualTo(302);
        assertThat(http.get(FRONT_DOOR, "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get(FRONT_DOOR, "col.councillor").status()).isEqualTo(403);
        assertThat(http.get(FRONT_DOOR, "analyst").status()).isEqualTo(403);
        assertThat(http.get(FRONT_DOOR, "inspector").status()).isEqualTo(403);
        assertThat(http.get(FRONT_DOOR + "/step-downs", "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get(FRONT_DOOR + ".csv", "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get(FRONT_DOOR + ".csv", "inspector").status()).isEqualTo(403);
        var csv = http.get(FRONT_DOOR + ".csv", "col.manager");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().replace("\uFEFF", "")).startsWith("measure,child,record,date,counts_as,team,worker").contains("RE_REFERRALS,");
        assertThat(csv.body()).matches("(?s).*,\\d{2}/\\d{2}/\\d{4},.*");

        var national = http.get("/help-and-protection/national", "analyst");
        assertThat(national.status()).isEqualTo(200);
        assertThat(national.body()).contains("City of London").contains("id=\"england\"").contains("London");
        String aChild = TenantScope.asSystem(() -> jdbc.sql("SELECT pers_person_id FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) LIMIT 1").param(snapshot)
                .query(String.class).single());
        assertThat(national.body()).as("aggregates only").doesNotContain(aChild);
        assertThat(http.get("/help-and-protection/national", "col.manager").status()).isEqualTo(403);

        var api = http.get("/api/v1" + FRONT_DOOR, "col.manager");
        assertThat(api.status()).isEqualTo(200);
        var json = api.json();
        assertThat(json.get("funnel").get(1).get("step").asText()).isEqualTo("REFERRALS");
        assertThat(json.get("funnel").get(1).get("count").asLong()).isEqualTo(count(
                "SELECT count(*) FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cine_referral_date BETWEEN ? AND ?"));
        assertThat(json.get("teams").size()).isPositive();
        assertThat(api.body()).as("figures only").doesNotContain(aChild);
        assertThat(http.get("/api/v1" + FRONT_DOOR, "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get("/api/v1" + FRONT_DOOR + "?from=2026-02-01&to=2025-01-01", "col.manager").status()).isEqualTo(400);
        var nationalApi = http.get("/api/v1/help-and-protection/national", "analyst");
        assertThat(nationalApi.status()).isEqualTo(200);
        assertThat(nationalApi.json().get("england").get("localAuthorities").asInt()).isPositive();
        assertThat(http.get("/api/v1/help-and-protection/national", "col.manager").status()).isEqualTo(403);
    }

    @Test
    void aPeriodThatCannotBeIsRefusedInWords() {
        var backwards = http.get(FRONT_DOOR + "?from=2026-03-01&to=2025-03-01", "col.manager");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("The end of the period must be on or after its start");
        var half = http.get(FRONT_DOOR + "?from=2026-03-01", "col.manager");
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.body()).contains("Enter both dates, or neither");
        assertThat(http.get(FRONT_DOOR + "?from=2010-01-01&to=2026-01-01", "col.manager").status()).isEqualTo(400);
        assertThat(http.get(FRONT_DOOR + "?from=yesterday&to=2026-01-01", "col.manager").status()).isEqualTo(400);
        var shorter = http.get(FRONT_DOOR + "?from=" + to.minusMonths(3) + "&to=" + to, "col.manager");
        assertThat(shorter.status()).isEqualTo(200);
        assertThat(cell(shorter.body(), "step-REFERRALS")).isEqualTo(String.valueOf(TenantScope.asSystem(() -> jdbc.sql(
                "SELECT count(*) FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cine_referral_date BETWEEN ? AND ?")
                .params(snapshot, to.minusMonths(3), to).query(Long.class).single())));
    }

    @Test
    @org.springframework.security.test.context.support.WithUserDetails("col.manager")
    void aPlanActionFollowsTheStepDownMeasureOfTheFrontDoor() {
        var plan = org.oversight.support.TestPlans.create(jdbc, "Step-down to early help");
        try {
            UUID owner = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = 'col.manager'").query(UUID.class).single());
            UUID action = plans.addAction(plan.item(), "Early help starts within 10 working days of every step-down", owner, LocalDate.of(2099, 3, 31),
                    org.oversight.improvement.domain.ActionStatus.ON_TRACK, new org.oversight.improvement.domain.Measure(
                            "Stepped down with early help started within 10 working days (%)", new java.math.BigDecimal("50"), new java.math.BigDecimal("95"),
                            null, null));
            plans.bindMeasure(action, org.oversight.compliance.ComplianceMeasures.Key.STEP_DOWN_EARLY_HELP_STARTED);
            var bound = plans.plan(plan.id()).allActions().stream().filter(a -> a.id().equals(action)).findFirst().orElseThrow();
            var figure = protection.figuresForMeasure(TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450")
                    .query(UUID.class).single())).orElseThrow().summary().figure(FrontDoor.Measure.STEP_DOWN_EARLY_HELP_STARTED, FrontDoor.Result.all());
            long closedToEarlyHelp = count("""
                    SELECT count(*) FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cine_close_reason = 'RC9' AND cine_close_date BETWEEN ? AND ?""");
            assertThat(figure.total()).as("every case closed to early help in the 12 months is counted").isEqualTo(closedToEarlyHelp);
            assertThat(bound.boundMeasure()).isEqualTo("STEP_DOWN_EARLY_HELP_STARTED");
            assertThat(bound.measure().current()).isEqualByComparingTo(java.math.BigDecimal.valueOf(figure.hits() * 100.0 / figure.total())
                    .setScale(1, java.math.RoundingMode.HALF_UP));
            assertThat(bound.measure().measuredOn()).isEqualTo(to);
        } finally {
            org.oversight.support.TestPlans.delete(jdbc, plan);
        }
    }

    private static String firstLink(String body, String prefix) {
        Matcher m = Pattern.compile("href=\"(" + Pattern.quote(prefix) + "[^\"]*|[^\"]*" + Pattern.quote(prefix) + "[^\"]*)\"").matcher(body);
        List<String> links = new ArrayList<>();
        while (m.find()) {
            links.add(m.group(1).replace("&amp;", "&"));
        }
        assertThat(links).as("links to " + prefix).isNotEmpty();
        return links.getFirst();
    }
}
