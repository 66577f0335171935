package org.oversight.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.audit.AuditTemplates;
import org.oversight.audit.AuditViews;
import org.oversight.audit.AuditViews.Status;
import org.oversight.audit.domain.AuditGrade;
import org.oversight.audit.domain.AuditTemplate;
import org.oversight.audit.domain.JudgementArea;
import org.oversight.audit.domain.Question;
import org.oversight.audit.domain.SamplingMethod;
import org.oversight.audit.domain.SamplingRule;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.FormErrors;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** Case-audit pages: programmes, a new programme, one audit and its moderation, the roll-up and the forms. */
class AuditViewsTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");
    private static final AuditTemplate FORM = new AuditTemplate(UUID.randomUUID(), "care-leavers", 1, "Care leavers", AuditTemplate.Cohort.CARE_LEAVER,
            "From seed 001", List.of(new Question("CL1", JudgementArea.CARE_LEAVERS, "Pathway plans", "Is the pathway plan up to date?", "Look at the plan",
                    "Seed 001"), new Question("CL2", JudgementArea.CARE_LEAVERS, "Keeping in touch", "Is the PA in touch?", "Look at the contacts",
                    "Seed 001")), null, "oversight", AT);
    private static final AuditViews.CaseRow ROW = new AuditViews.CaseRow(UUID.randomUUID(), 1, "C3", "CARE_LEAVER", "Leaving Care Team 1",
            "col.staff", Status.SUBMITTED, AuditGrade.GOOD, null, null);

    private static Map<String, Object> model(String path) {
        Map<String, Object> model = Views.model(path);
        model.put("la", ViewFixtures.city());
        return model;
    }

    private static AuditViews.Programme programme() {
        AuditViews.GradeCounts counts = AuditViews.GradeCounts.empty();
        counts.add(AuditGrade.GOOD);
        return new AuditViews.Programme(UUID.randomUUID(), ViewFixtures.CITY_ID, 80450, "City of London", "Care leavers, autumn 2026", FORM,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of("col.staff"), List.of("col.manager"), SamplingRule.ALL_CARE_LEAVERS,
                SamplingMethod.RANDOM, 1, 42, AT, "Child-level data measured on 31/10/2026", 3, List.of(ROW),
                FORM.questions().stream().map(q -> new AuditViews.QuestionTally(q, counts, List.of())).toList(), List.of(),
                new AuditViews.Disagreement(0, 0), List.of(new AuditViews.Event("Drew a sample", "col.manager", AT)));
    }

    @Test
    void theProgrammesAndANewProgrammeKeepThePageRules() {
        Map<String, Object> index = model("/local-authorities/80450/audits");
        index.put("programmes", List.of(new AuditViews.ProgrammeSummary(UUID.randomUUID(), "Care leavers", "Care leavers", 1, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30), 1, 1, 0, new AuditViews.Disagreement(0, 0))));
        index.put("canRun", true);
        index.put("canAudit", true);
        Views.check("audits/index", index, false);

        Map<String, Object> model = model("/local-authorities/80450/audits/new");
        model.put("form", new ProgrammeForm());
        model.put("templateChoices", List.of(new Choice(FORM.id().toString(), "Care leavers v1", "From seed 001", "care-leavers")));
        model.put("auditorChoices", List.of(new Choice("col.manager", "Manager (col.manager)"), new Choice("col.staff", "Staff (col.staff)")));
        model.put("moderatorChoices", List.of(new Choice("col.manager", "Manager (col.manager)")));
        model.put("hasChildData", true);
        model.put("rules", SamplingRule.values());
        model.put("methods", SamplingMethod.values());
        Document page = Views.check("audits/new", model, false);
        assertThat(page.select("input[name='templateId'][aria-describedby='templateId-care-leavers-hint']")).hasSize(1);
        assertThat(page.getElementById("auditors-col.staff")).isNotNull();
        assertThat(page.select("input[name=method][checked]").attr("value")).isEqualTo("RANDOM");

        FormErrors errors = new FormErrors();
        errors.add("title", "Enter a title for the audit programme, e.g. Care leavers, autumn 2026");
        errors.add("periodEnd-day", "The period must end on or after its start");
        errors.add("moderators", "Select at least one moderator");
        errors.add("rule", "Select which children to sample from");
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("title", "templateId", "periodStart-day", "periodEnd-day", "auditors", "moderators", "rule")));
        Document bad = Views.check("audits/new", model, true);
        assertThat(bad.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#title", "#periodEnd-day", "#moderators", "#rule");
    }

    @Test
    void aProgrammeShowsItsSampleTalliesAndTheFindingForm() {
        Map<String, Object> model = model("/local-authorities/80450/audits/x");
        model.put("p", programme());
        model.put("canRun", true);
        model.put("planChoices", List.of(new Object()));
        model.put("planOptions", List.of(new Choice(UUID.randomUUID().toString(), "Post-inspection action plan")));
        model.put("grades", AuditGrade.values());
        model.put("typed", null);
        Document page = Views.check("audits/programme", model, false);
        assertThat(page.getElementById("sample-rule")).isNotNull();
        assertThat(page.getElementById("findingText-CL2")).isNotNull();
        assertThat(page.getElementById("planId-CL2").tagName()).isEqualTo("select");
    }

    @Test
    void anAuditsQuestionsAndItsModerationNameEachFieldInError() {
        AuditViews.CaseAudit audit = new AuditViews.CaseAudit(ROW.id(), UUID.randomUUID(), "Care leavers, autumn 2026", ViewFixtures.CITY_ID, 80450,
                "City of London", 1, "C3", "CARE_LEAVER", "Leaving Care Team 1", FORM, "col.staff", Status.OPEN, Map.of(), null, null, null,
                null, null, null, null, null, List.of("col.manager"));
        Map<String, Object> model = model("/local-authorities/80450/audits/x/cases/y");
        model.put("a", audit);
        model.put("canEditAnswers", true);
        model.put("canModerate", false);
        model.put("grades", AuditGrade.values());
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("grade-CL1", "GOOD");
        model.put("typed", typed);
        Views.check("audits/case", model, false);
        FormErrors errors = new FormErrors();
        errors.add("grade-CL2", "Question CL2 (Keeping in touch): choose a grade");
        errors.add("evidence-CL1", "Question CL1 (Pathway plans): enter the evidence for the grade, what the record shows");
        errors.add("summary", "Enter a summary of the audit");
        model.put("errors", errors);
        List<String> order = new ArrayList<>(List.of("grade-CL1", "evidence-CL1", "grade-CL2", "evidence-CL2", "overallGrade", "summary"));
        model.put("errorList", errors.ordered(order));
        Document page = Views.check("audits/case", model, true);
        assertThat(page.select("input[name=grade-CL1][checked]").attr("value")).isEqualTo("GOOD");
        assertThat(page.getElementById("grade-CL2-REQUIRES_IMPROVEMENT")).isNotNull();
        assertThat(page.getElementById("grade-CL1").attr("aria-describedby")).isEmpty();

        AuditViews.CaseAudit submitted = new AuditViews.CaseAudit(ROW.id(), UUID.randomUUID(), "Care leavers, autumn 2026", ViewFixtures.CITY_ID, 80450,
                "City of London", 1, "C3", "CARE_LEAVER", "Leaving Care Team 1", FORM, "col.staff", Status.SUBMITTED,
                Map.of("CL1", new AuditViews.Answer("CL1", AuditGrade.GOOD, "Plan reviewed in May")), AuditGrade.GOOD, "Good work", AT, null, null,
                null, null, null, List.of("col.manager"));
        Map<String, Object> moderation = model("/local-authorities/80450/audits/x/cases/y");
        moderation.put("a", submitted);
        moderation.put("canEditAnswers", false);
        moderation.put("canModerate", true);
        moderation.put("grades", AuditGrade.values());
        moderation.put("typed", Map.of());
        FormErrors modErrors = FormErrors.one("agreedReason", "Enter the reason for the agreed grade");
        moderation.put("errors", modErrors);
        moderation.put("errorList", modErrors.ordered(List.of("moderatorGrade", "agreedGrade", "agreedReason")));
        Document mod = Views.check("audits/case", moderation, true);
        assertThat(mod.getElementById("moderatorGrade-REQUIRES_IMPROVEMENT")).isNotNull();
        assertThat(mod.select("#answers-table tbody tr")).hasSize(2);
    }

    @Test
    void checkYourAnswersListsEachAnswerWithALinkBackToItsQuestion() {
        AuditViews.CaseAudit audit = new AuditViews.CaseAudit(ROW.id(), UUID.randomUUID(), "Care leavers, autumn 2026", ViewFixtures.CITY_ID, 80450,
                "City of London", 1, "C3", "CARE_LEAVER", "Leaving Care Team 1", FORM, "col.staff", Status.OPEN,
                Map.of("CL1", new AuditViews.Answer("CL1", AuditGrade.GOOD, "Plan reviewed in May"),
                        "CL2", new AuditViews.Answer("CL2", AuditGrade.REQUIRES_IMPROVEMENT, "No contact for 10 weeks")),
                AuditGrade.GOOD, "Good support overall", null, null, null, null, null, null, List.of("col.manager"));
        Map<String, Object> model = model("/local-authorities/80450/audits/p/cases/c/check");
        model.put("a", audit);
        Document page = Views.check("audits/check", model, false);
        assertThat(page.title()).startsWith("Check your answers: audit of child C3");
        assertThat(page.getElementById("answer-CL1").text()).contains("CL1. Is the pathway plan up to date?").contains("Good").contains("Plan reviewed in May");
        assertThat(page.getElementById("answer-CL2").text()).contains("Requires improvement").contains("No contact for 10 weeks");
        String form = "/local-authorities/80450/audits/" + audit.programmeId() + "/cases/" + audit.id();
        assertThat(page.getElementById("answer-CL2-change").attr("href")).isEqualTo(form + "#grade-CL2");
        assertThat(page.getElementById("answer-CL2-change").text()).isEqualTo("Change the answer to question CL2");
        assertThat(page.getElementById("answer-overallGrade").text()).contains("Good");
        assertThat(page.getElementById("answer-summary-change").attr("href")).isEqualTo(form + "#summary");
        assertThat(page.select("form#submission").attr("method")).isEqualTo("post");
        assertThat(page.select("form#submission").attr("action")).isEqualTo(form + "/submission");
        assertThat(page.select(".govuk-summary-list__row")).hasSize(4);
    }

    @Test
    void theRollUpAndTheFormsKeepThePageRules() {
        AuditViews.GradeCounts counts = AuditViews.GradeCounts.empty();
        counts.add(AuditGrade.GOOD);
        counts.add(AuditGrade.INADEQUATE);
        Map<String, Object> roll = model("/local-authorities/80450/audits/roll-up");
        roll.put("r", new AuditViews.RollUp(List.of(new AuditViews.ThemeRow(JudgementArea.CARE_LEAVERS, "Pathway plans", counts)),
                List.of(new AuditViews.TeamRow("Leaving Care Team 1", counts)), counts,
                List.of(new AuditViews.TrendRow(UUID.randomUUID(), "Autumn", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), counts,
                        new AuditViews.Disagreement(1, 0)))));
        roll.put("grades", AuditGrade.values());
        Document page = Views.check("audits/roll-up", roll, false);
        assertThat(page.select("#by-theme thead th.govuk-table__header--numeric")).hasSize(AuditGrade.values().length + 1);

        Map<String, Object> forms = Views.model("/audit-templates");
        forms.put("templates", List.of(FORM));
        forms.put("canEdit", true);
        Views.check("audits/templates", forms, false);
        Map<String, Object> form = Views.model("/audit-templates/x");
        form.put("t", FORM);
        form.put("canEdit", true);
        Views.check("audits/template", form, false);

        Map<String, Object> edit = Views.model("/audit-templates/x/edit");
        edit.put("t", FORM);
        edit.put("name", "Care leavers");
        edit.put("description", "From seed 001");
        edit.put("rows", List.of(new AuditTemplates.QuestionEdit("CL1", "CARE_LEAVERS", "Pathway plans", "Is it up to date?", "", ""),
                new AuditTemplates.QuestionEdit("", "", "", "", "", "")));
        edit.put("areas", JudgementArea.values());
        FormErrors errors = FormErrors.one("q0-theme", "Question 1: enter the theme, e.g. Pathway plans");
        edit.put("errors", errors);
        edit.put("errorList", errors.ordered(List.of("name", "q0-id", "q0-area", "q0-theme", "q0-text")));
        Document editPage = Views.check("audits/template-edit", edit, true);
        assertThat(editPage.select("#q0-area option[selected]").attr("value")).isEqualTo("CARE_LEAVERS");
    }
}
