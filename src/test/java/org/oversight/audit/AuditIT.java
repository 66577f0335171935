package org.oversight.audit;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.audit.domain.AuditGrade;
import org.oversight.audit.domain.AuditTemplate;
import org.oversight.audit.domain.Question;
import org.oversight.compliance.ChildSummaries;
import org.oversight.improvement.PlanService;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Case audits against real PostgreSQL: sampling, grading, closing, moderation, roll-up and findings to plan items. */
@SpringBootTest
class AuditIT extends IntegrationTest {

    @Autowired
    AuditService audits;
    @Autowired
    AuditTemplates templates;
    @Autowired
    ChildSummaries children;
    @Autowired
    PlanService plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    UUID la;

    @BeforeEach
    void data() {
        la = AuditFixtures.cityOfLondon(jdbc);
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

    private void as(String username, Runnable action) {
        as(username, () -> {
            action.run();
            return null;
        });
    }

    private AuditTemplate form(String family) {
        return templates.latest().stream().filter(t -> t.family().equals(family)).findFirst().orElseThrow();
    }

    private UUID programme(String title, String rule, String method, int size, long seed) {
        return as("col.manager", () -> audits.createProgramme(la, new AuditService.NewProgramme(title, form("care-leavers").id(),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of("col.staff"), List.of("col.manager"), rule, method, size, seed)));
    }

    private static AuditService.Answers allGraded(AuditTemplate t, AuditGrade grade) {
        Map<String, String> grades = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        for (Question q : t.questions()) {
            grades.put(q.id(), grade.name());
            evidence.put(q.id(), "Record of 03/11/2026 shows " + q.theme().toLowerCase());
        }
        return new AuditService.Answers(grades, evidence, grade.name(), "The plan is the young person's own; risks are named.");
    }

    @Test
    void theShippedFormsTraceEachQuestionToASeedFinding() {
        assertThat(templates.latest()).extracting(AuditTemplate::family).contains("care-leavers", "children-in-care", "help-and-protection");
        for (AuditTemplate t : templates.all().stream().filter(t -> t.createdBy().equals("oversight")).toList()) {
            assertThat(t.questions()).isNotEmpty().allSatisfy(q -> {
                assertThat(q.area()).isNotNull();
                assertThat(q.theme()).isNotBlank();
                assertThat(q.source()).containsPattern("Seed 00[124]");
            });
        }
        assertThat(form("care-leavers").questions()).extracting(Question::theme).contains("Pathway plans", "Risk and safety",
                "Management oversight and supervision");
    }

    @Test
    void theSampleIsReproducibleFromItsSeedAndFollowsTheRule() {
        List<ChildSummaries.ChildSummary> data = children.current(la);
        List<String> careLeavers = data.stream().filter(c -> c.cohort() == ChildSummaries.Cohort.CARE_LEAVER).map(ChildSummaries.ChildSummary::childRef).toList();
        UUID first = programme("Care leavers A", "ALL_CARE_LEAVERS", "RANDOM", 5, 2026);
        UUID second = programme("Care leavers B", "ALL_CARE_LEAVERS", "RANDOM", 5, 2026);
        var a = as("col.manager", () -> audits.programme(la, first));
        var b = as("col.manager", () -> audits.programme(la, second));
        assertThat(a.audits()).hasSize(5);
        assertThat(a.audits()).extracting(AuditViews.CaseRow::childRef).isSubsetOf(careLeavers)
                .containsExactlyElementsOf(b.audits().stream().map(AuditViews.CaseRow::childRef).toList());
        assertThat(a.seed()).isEqualTo(2026);
        assertThat(a.population()).isEqualTo(careLeavers.size());
        assertThat(a.template().versionNo()).isEqualTo(form("care-leavers").versionNo());
        assertThat(jdbc.sql("SELECT sampling_rule || '/' || sampling_method FROM audit_programme WHERE id = ?").param(first).query(String.class).single())
                .isEqualTo("ALL_CARE_LEAVERS/RANDOM");

        List<String> overdue = data.stream().filter(c -> c.overdue("CLA-REVIEW")).map(ChildSummaries.ChildSummary::childRef).toList();
        AuditService.NewProgramme overdueReviews = new AuditService.NewProgramme("Reviews overdue", form("children-in-care").id(),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of("col.staff", "col.manager"), List.of("col.manager"),
                "CHILDREN_IN_CARE_REVIEW_OVERDUE", "STRATIFIED_BY_TEAM", 500, null);
        if (overdue.isEmpty()) { // another test's import may be the current data, with no review overdue
            assertThatThrownBy(() -> as("col.manager", () -> audits.createProgramme(la, overdueReviews)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(f -> assertThat(f.message()).contains("No child in City of London's current data matches")));
            return;
        }
        UUID reviews = as("col.manager", () -> audits.createProgramme(la, overdueReviews));
        var r = as("col.manager", () -> audits.programme(la, reviews));
        assertThat(r.audits()).extracting(AuditViews.CaseRow::childRef).containsExactlyInAnyOrderElementsOf(overdue);
        assertThat(r.audits()).allSatisfy(c -> assertThat(c.team()).isNotBlank());
        if (overdue.size() > 1) {
            assertThat(r.audits()).extracting(AuditViews.CaseRow::auditor).as("shared between the auditors in turn").contains("col.staff", "col.manager");
        }
        assertThat(r.seed()).as("a seed is chosen and recorded when none is given").isNotZero();
    }

    @Test
    void badProgrammesAreRefusedFieldByField() {
        assertThatThrownBy(() -> as("col.manager", () -> audits.createProgramme(la, new AuditService.NewProgramme(" ", null,
                LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 1), List.of("southwark.manager"), List.of("col.staff"), "EVERYONE", null, 0, 1L))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .contains("title", "templateId", "periodEnd", "auditors", "moderators", "rule", "method", "sampleSize"));
        assertThatThrownBy(() -> as("col.staff", () -> audits.createProgramme(la, new AuditService.NewProgramme("x", form("care-leavers").id(),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of("col.staff"), List.of("col.manager"), "ALL_CARE_LEAVERS", "RANDOM", 1, 1L))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void gradesNeedEvidenceAndAClosedAuditIsRefusedWholeAndLogged() {
        UUID p = programme("Care leavers grading", "ALL_CARE_LEAVERS", "RANDOM", 2, 11);
        var programme = as("col.manager", () -> audits.programme(la, p));
        UUID auditId = programme.audits().getFirst().id();
        AuditTemplate t = programme.template();

        AuditService.Answers missing = new AuditService.Answers(Map.of("CL1", "GOOD", "CL2", "excellent"), Map.of("CL1", " "), null, null);
        assertThatThrownBy(() -> as("col.staff", () -> audits.saveAnswers(la, p, auditId, missing, true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field).contains("evidence-CL1", "grade-CL2", "grade-CL3", "overallGrade", "summary");
                    assertThat(e.problems()).filteredOn(f -> f.field().equals("evidence-CL1")).singleElement()
                            .satisfies(f -> assertThat(f.message()).contains("Question CL1 (Risk and safety)").contains("evidence"));
                });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_answer WHERE audit_id = ?").param(auditId).query(Integer.class).single()).isZero();
        assertThatThrownBy(() -> as("col.manager", () -> audits.saveAnswers(la, p, auditId, allGraded(t, AuditGrade.GOOD), true)))
                .as("only the assigned auditor completes an audit").isInstanceOf(AccessDeniedException.class);

        as("col.staff", () -> audits.saveAnswers(la, p, auditId, allGraded(t, AuditGrade.GOOD), true));
        var submitted = as("col.staff", () -> audits.audit(la, p, auditId));
        assertThat(submitted.status()).isEqualTo(AuditViews.Status.SUBMITTED);
        assertThat(submitted.answers()).hasSize(t.questions().size());

        assertThatThrownBy(() -> as("col.staff", () -> audits.saveAnswers(la, p, auditId, allGraded(t, AuditGrade.INADEQUATE), false)))
                .isInstanceOf(AuditService.AuditClosedException.class)
                .hasMessageContaining("is closed: nothing was changed");
        var after = as("col.staff", () -> audits.audit(la, p, auditId));
        assertThat(after.answers().values()).allSatisfy(a -> assertThat(a.grade()).isEqualTo(AuditGrade.GOOD));
        assertThat(after.auditorGrade()).isEqualTo(AuditGrade.GOOD);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE audit_id = ? AND description LIKE 'Refused a change to the closed audit%' AND actor = 'col.staff'")
                .param(auditId).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM child_access WHERE la_id = ? AND child_ref = ? AND what LIKE 'case audit:%'")
                .params(la, after.childRef()).query(Integer.class).single()).as("each view of the audit is logged").isGreaterThanOrEqualTo(2);
    }

    @Test
    void moderationRecordsThreeGradesAndTheDisagreementRateRollsUp() {
        UUID p = programme("Care leavers moderation", "ALL_CARE_LEAVERS", "RANDOM", 2, 12);
        var programme = as("col.manager", () -> audits.programme(la, p));
        AuditTemplate t = programme.template();
        UUID one = programme.audits().get(0).id();
        UUID two = programme.audits().get(1).id();
        assertThatThrownBy(() -> as("col.manager", () -> audits.moderate(la, p, one, "GOOD", "GOOD", "ok")))
                .as("not submitted yet").isInstanceOf(InvalidInputException.class);
        as("col.staff", () -> audits.saveAnswers(la, p, one, allGraded(t, AuditGrade.GOOD), true));
        as("col.staff", () -> audits.saveAnswers(la, p, two, allGraded(t, AuditGrade.REQUIRES_IMPROVEMENT), true));
        assertThatThrownBy(() -> as("col.manager", () -> audits.moderate(la, p, one, "GOOD", null, " ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("agreedGrade", "agreedReason"));
        as("col.manager", () -> audits.moderate(la, p, one, "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT",
                "Risk assessment names no measures to reduce the risk of going missing"));
        as("col.manager", () -> audits.moderate(la, p, two, "REQUIRES_IMPROVEMENT", "REQUIRES_IMPROVEMENT", "Agreed with the auditor"));
        var moderated = as("col.manager", () -> audits.programme(la, p));
        assertThat(moderated.disagreement().moderated()).isEqualTo(2);
        assertThat(moderated.disagreement().disagreed()).isEqualTo(1);
        assertThat(moderated.disagreement().percent()).isEqualTo(50);
        assertThat(moderated.audits().get(0).finalGrade()).isEqualTo(AuditGrade.REQUIRES_IMPROVEMENT);
        assertThat(moderated.questions().getFirst().grades().total()).isEqualTo(2);

        AuditViews.RollUp rollUp = as("col.councillor", () -> audits.rollUp(la));
        AuditViews.ThemeRow pathway = rollUp.byTheme().stream().filter(r -> r.theme().equals("Pathway plans")).findFirst().orElseThrow();
        assertThat(pathway.grades().total()).isGreaterThanOrEqualTo(4); // two questions in two audits
        assertThat(rollUp.byTeam()).isNotEmpty();
        assertThat(rollUp.trend()).filteredOn(tr -> tr.programmeId().equals(p)).singleElement().satisfies(tr -> {
            assertThat(tr.grades().count(AuditGrade.REQUIRES_IMPROVEMENT)).isEqualTo(2);
            assertThat(tr.grades().goodOrBetterPercent()).isZero();
            assertThat(tr.disagreement().percent()).isEqualTo(50);
        });
        assertThat(rollUp.themeChart().bars()).hasSize(rollUp.byTheme().size());
        assertThatThrownBy(() -> as("col.councillor", () -> audits.programme(la, p))).as("councillors see roll-ups only")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("southwark.manager", () -> audits.rollUp(la))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aFindingBecomesAPlanItemLinkedBothWays() {
        UUID p = programme("Care leavers findings", "ALL_CARE_LEAVERS", "RANDOM", 1, 13);
        var programme = as("col.manager", () -> audits.programme(la, p));
        as("col.staff", () -> audits.saveAnswers(la, p, programme.audits().getFirst().id(), allGraded(programme.template(), AuditGrade.INADEQUATE), true));
        UUID planId = AuditFixtures.plan(jdbc);
        PlanService.PlanChoice plan = as("col.manager", () -> audits.plans(la)).stream().filter(c -> c.id().equals(planId)).findFirst().orElseThrow();
        assertThatThrownBy(() -> as("col.manager", () -> audits.addFinding(la, p, "CL2", " ", null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .containsExactly("findingText-CL2", "planId-CL2"));
        AuditViews.Finding f = as("col.manager", () -> audits.addFinding(la, p, "CL2",
                "Pathway plans to show the young person's own contribution in their words", plan.id()));
        assertThat(f.planItemId()).isNotNull();
        var item = jdbc.sql("SELECT plan_id, source_label, source_url FROM plan_item WHERE id = ?").param(f.planItemId())
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        assertThat(item.get(0)).isEqualTo(plan.id().toString());
        assertThat(item.get(1)).contains("Care leavers findings").contains("CL2");
        assertThat(item.get(2)).isEqualTo("/local-authorities/80450/audits/" + p + "#finding-" + f.id());
        var shown = as("col.councillor", () -> plans.plan(plan.id())).items().stream().filter(i -> i.id().equals(f.planItemId())).findFirst().orElseThrow();
        assertThat(shown.sourceUrl()).isEqualTo(item.get(2));
        var reloaded = as("col.manager", () -> audits.programme(la, p));
        assertThat(reloaded.findings()).singleElement().satisfies(x -> assertThat(x.planItemId()).isEqualTo(f.planItemId()));
        assertThatThrownBy(() -> as("col.staff", () -> audits.addFinding(la, p, "CL2", "x", plan.id()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdministratorsEditIsANewVersionAndStartedAuditsKeepTheirs() {
        AuditTemplate v = form("help-and-protection");
        List<AuditTemplates.QuestionEdit> edits = new java.util.ArrayList<>(v.questions().stream().map(q -> new AuditTemplates.QuestionEdit(q.id(),
                q.area().name(), q.theme(), q.text(), q.guidance(), q.source())).toList());
        edits.add(new AuditTemplates.QuestionEdit("HP6", "HELP_AND_PROTECTION", "Front door", "Was the referral decided within one working day?", "", "LA's own"));
        assertThatThrownBy(() -> as("col.manager", () -> templates.saveEdited(v.id(), v.name(), null, edits, null))).isInstanceOf(AccessDeniedException.class);
        UUID next = as("admin", () -> templates.saveEdited(v.id(), v.name(), null, edits, null));
        AuditTemplate saved = templates.get(next);
        assertThat(saved.versionNo()).isEqualTo(v.versionNo() + 1);
        assertThat(saved.family()).isEqualTo(v.family());
        assertThat(saved.questions()).hasSize(v.questions().size() + 1);
        assertThat(templates.get(v.id()).questions()).as("the old version is unchanged").hasSize(v.questions().size());
        List<AuditTemplates.QuestionEdit> bad = List.of(new AuditTemplates.QuestionEdit("HP1", "NOWHERE", "", "", "", ""));
        assertThatThrownBy(() -> as("admin", () -> templates.saveEdited(v.id(), "", null, bad, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .contains("name", "q0-area", "q0-theme", "q0-text"));
    }
}
