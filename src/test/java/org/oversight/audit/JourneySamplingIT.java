package org.oversight.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.audit.domain.AuditTemplate;
import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.compliance.JourneySummaries;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Case-audit samples drawn from City of London's demo whole-journey data in real PostgreSQL: each help-and-protection
 * population against a hand count in SQL over the SSD tables, the sampled children within it, the rule's wording on
 * the programme, and the help-and-protection form's questions showing the LA's step-down and decision figures with a
 * link to the step-down page; nobody from another LA, and no councillor, sees the audit.
 */
class JourneySamplingIT extends HttpTest {

    @Autowired
    AuditService audits;
    @Autowired
    AuditTemplates templates;
    @Autowired
    JourneySummaries journeys;
    @Autowired
    DemoJourneys demo;
    /** The demo journey this test loaded (removed after it), or null when the LA had whole-journey data already. */
    private java.util.UUID loaded;

    @org.junit.jupiter.api.AfterEach
    void removeDemoJourney() {
        org.oversight.support.DemoJourneyFixture.remove(jdbc, loaded);
    }
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    private UUID la;
    private UUID snapshot;
    private LocalDate asOf;

    @BeforeEach
    void data() {
        loaded = org.oversight.support.DemoJourneyFixture.loadIfMissing(demo, jdbc);
        la = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single());
        snapshot = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT s.id FROM import_snapshot s WHERE s.la_id = ? AND s.kind IN ('SSD', 'CIN_CENSUS') AND s.superseded_at IS NULL
                 ORDER BY s.collection_year DESC, s.imported_at DESC LIMIT 1""").param(la).query(UUID.class).single());
        asOf = TenantScope.asSystem(() -> jdbc.sql("SELECT as_at FROM import_snapshot WHERE id = ?").param(snapshot).query(LocalDate.class).single());
    }

    private Set<String> hand(String sql) {
        return new TreeSet<>(TenantScope.asSystem(() -> jdbc.sql(sql).param("s", snapshot).param("d", asOf).query(String.class).list()));
    }

    private <T> T as(String username, Supplier<T> action) {
        UserDetails user = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private AuditViews.Programme draw(String rule, int size) {
        AuditTemplate form = templates.latest().stream().filter(t -> t.family().equals("help-and-protection")).findFirst().orElseThrow();
        UUID id = as("col.manager", () -> audits.createProgramme(la, new AuditService.NewProgramme("H&P " + rule, form.id(),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of("col.staff"), List.of("col.manager"), rule, "RANDOM", size, 17L)));
        return as("col.manager", () -> audits.programme(la, id));
    }

    private static final String CP = """
            SELECT DISTINCT cppl_person_id FROM ssd_cp_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cppl_cp_plan_start_date <= :d
               AND (cppl_cp_plan_end_date IS NULL OR cppl_cp_plan_end_date > :d)""";
    private static final String CIN = """
            SELECT cine_person_id FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cine_referral_date <= :d
               AND (cine_close_date IS NULL OR cine_close_date > :d)
            UNION
            SELECT cinp_person_id FROM ssd_cin_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND cinp_cin_plan_start_date <= :d
               AND (cinp_cin_plan_end_date IS NULL OR cinp_cin_plan_end_date > :d)""";
    private static final String EARLY_HELP = """
            SELECT DISTINCT earl_person_id FROM ssd_early_help_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s) AND earl_episode_start_date <= :d
               AND (earl_episode_end_date IS NULL OR earl_episode_end_date > :d)""";
    private static final String STEPPED_DOWN = """
            SELECT DISTINCT cine_person_id FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = :s)
               AND (upper(cine_close_reason) = 'RC9' OR upper(cine_close_reason) LIKE '%EARLY HELP%')
               AND cine_close_date > CAST(:d AS date) - INTERVAL '1 year' AND cine_close_date <= :d""";

    @Test
    void eachPopulationIsTheHandCountAndTheSampleIsDrawnFromIt() {
        Set<String> cp = hand(CP);
        Set<String> cin = hand(CIN);
        Set<String> earlyHelp = hand(EARLY_HELP);
        Set<String> steppedDown = hand(STEPPED_DOWN);
        assertThat(cp).as("the demo LA has children on plans today").hasSizeGreaterThan(3);
        assertThat(cin).hasSizeGreaterThan(cp.size() / 2);
        assertThat(earlyHelp).isNotEmpty();
        assertThat(steppedDown).as("the demo data steps cases down to early help").isNotEmpty();

        List<JourneySummaries.JourneyChild> children = journeys.current(la);
        assertThat(children.stream().filter(c -> c.in(JourneySummaries.Group.CHILD_PROTECTION)).map(JourneySummaries.JourneyChild::childRef))
                .containsExactlyInAnyOrderElementsOf(cp);
        assertThat(children.stream().filter(c -> c.in(JourneySummaries.Group.CHILD_IN_NEED)).map(JourneySummaries.JourneyChild::childRef))
                .containsExactlyInAnyOrderElementsOf(cin);
        assertThat(children.stream().filter(c -> c.in(JourneySummaries.Group.EARLY_HELP)).map(JourneySummaries.JourneyChild::childRef))
                .containsExactlyInAnyOrderElementsOf(earlyHelp);
        assertThat(children.stream().filter(c -> c.in(JourneySummaries.Group.STEPPED_DOWN)).map(JourneySummaries.JourneyChild::childRef))
                .containsExactlyInAnyOrderElementsOf(steppedDown);

        var onPlans = draw("CHILDREN_ON_CP_PLANS", 3);
        assertThat(onPlans.population()).isEqualTo(cp.size());
        assertThat(onPlans.audits()).hasSize(3).allSatisfy(a -> {
            assertThat(cp).contains(a.childRef());
            assertThat(a.cohort()).isEqualTo("CHILD_PROTECTION");
        });
        assertThat(onPlans.sampledFrom()).containsIgnoringCase("help and protection data of");
        assertThat(draw("CHILDREN_IN_NEED", 2).population()).isEqualTo(cin.size());
        assertThat(draw("CHILDREN_IN_EARLY_HELP", 1).population()).isEqualTo(earlyHelp.size());
        var stepped = draw("STEPPED_DOWN_TO_EARLY_HELP", 50);
        assertThat(stepped.population()).isEqualTo(steppedDown.size());
        assertThat(stepped.audits()).extracting(AuditViews.CaseRow::childRef).containsExactlyInAnyOrderElementsOf(steppedDown);

        var page = http.get("/local-authorities/80450/audits/" + onPlans.id(), "col.manager");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Children on a child protection plan (on the help and protection data");
    }

    @Test
    void theFormsQuestionsOnStepDownAndDecisionsShowTheLasFiguresAndOnlyItsOwnStaffSeeThem() {
        var p = draw("CHILDREN_ON_CP_PLANS", 1);
        String path = "/local-authorities/80450/audits/" + p.id() + "/cases/" + p.audits().getFirst().id();
        var page = http.get(path, "col.staff");
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        JourneySummaries.Figures figures = journeys.figures(la).orElseThrow();
        for (String m : List.of("STEP_DOWN_EARLY_HELP_STARTED", "STEP_DOWN_NO_EARLY_HELP", "STEP_DOWN_STEPPED_UP")) {
            JourneySummaries.MeasureFigure f = figures.measure(m).orElseThrow();
            String shown = between(body, "id=\"figure-HP1-" + m + "\"", "</li>");
            assertThat(shown).as(m).contains(f.percent() == null ? "none in the period" : f.hits() + " of " + f.total() + " (" + f.percent() + "%)");
        }
        assertThat(figures.measure("STEP_DOWN_EARLY_HELP_STARTED").orElseThrow().total()).as("step-downs in the demo year").isPositive();
        assertThat(body).contains("id=\"figure-HP2-ASSESSMENTS_IN_TIME\"").contains("id=\"figure-HP2-REFERRALS_NFA\"");
        assertThat(between(body, "id=\"figures-link-HP1\"", ">")).contains("/local-authorities/80450/help-and-protection/step-downs");
        assertThat(between(body, "id=\"figures-link-HP2\"", ">")).contains("/local-authorities/80450/help-and-protection\"");
        assertThat(body).doesNotContain("id=\"figures-HP3\"").contains("href=\"#figures-HP1\"");
        // The step-down page the question links to opens for the same auditor.
        assertThat(http.get("/local-authorities/80450/help-and-protection/step-downs", "col.staff").status()).isEqualTo(200);

        assertThat(http.get(path, "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get(path, "col.councillor").status()).isEqualTo(403);
        assertThat(http.get(path, "analyst").status()).isEqualTo(403);
        // Nor through the service: another LA's manager gets neither the figures nor a programme drawn from this LA's children.
        assertThatThrownBy(() -> as("southwark.manager", () -> audits.figures(la, p.template()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("southwark.manager", () -> audits.createProgramme(la, new AuditService.NewProgramme("Theirs",
                p.template().id(), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of("col.staff"), List.of("col.manager"),
                "CHILDREN_ON_CP_PLANS", "RANDOM", 1, 1L)))).isInstanceOf(AccessDeniedException.class);
    }

    private static String between(String body, String start, String end) {
        int i = body.indexOf(start);
        assertThat(i).as(start).isNotNegative();
        int j = body.indexOf(end, i + start.length());
        return body.substring(i, j);
    }
}
