package org.oversight.improvement.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.compliance.ComplianceMeasures;
import org.oversight.improvement.CommitteeReports;
import org.oversight.improvement.ReportDraft;
import org.oversight.improvement.domain.ActionStatus;
import org.oversight.improvement.domain.BodyKind;
import org.oversight.improvement.domain.Measure;
import org.oversight.improvement.domain.PlanKind;
import org.oversight.improvement.domain.PlanView;
import org.oversight.improvement.domain.Rag;
import org.oversight.improvement.domain.RagRule;
import org.oversight.improvement.persistence.PlanRepository;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.DateInput;
import org.oversight.shared.web.FormErrors;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans from findings, a plan and its actions, progress and evidence, governance and the committee report. */
class PlanViewsTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");
    private static final InspectionActivity INSPECTION = ViewFixtures.inspection();
    private static final PlanView.Action ACTION = new PlanView.Action(UUID.randomUUID(), "Risk assessment workshops", UUID.randomUUID(),
            "Sam Social", LocalDate.of(2099, 3, 31), ActionStatus.ON_TRACK, new Measure("Assessments on time", new BigDecimal("40"),
            new BigDecimal("90"), new BigDecimal("55"), LocalDate.of(2026, 10, 31)), new Rag(Rag.Rating.GREEN, "On track"),
            List.of(new PlanView.Update("First two workshops held", ActionStatus.ON_TRACK, new BigDecimal("55"), "col.staff", AT)),
            List.of(new PlanView.Evidence(UUID.randomUUID(), "Attendance", "attendance.pdf", "abc", null, "col.staff", AT)), 2,
            LocalDate.of(2026, 11, 1), null);
    private static final PlanView PLAN = new PlanView(UUID.randomUUID(), ViewFixtures.CITY_ID, 80450, "City of London", INSPECTION.id(),
            PlanKind.POST_INSPECTION_ACTION, "Post-inspection action plan", LocalDate.of(2020, 4, 20),
            List.of(new PlanView.Item(UUID.randomUUID(), 1, "Management oversight", INSPECTION.findings().get(1).id(), "AREA_FOR_IMPROVEMENT",
                    "Management oversight", List.of(ACTION), null, null)),
            List.of(new PlanView.Body(UUID.randomUUID(), "Service Improvement Board", BodyKind.BOARD, List.of(LocalDate.of(2026, 12, 1)))),
            List.of(new PlanView.History("Created the plan", "col.manager", AT)));

    private static Map<String, Object> model(String path) {
        Map<String, Object> model = Views.model(path);
        model.put("la", ViewFixtures.city());
        return model;
    }

    @Test
    void findingsBecomePlansAndAPlanShowsItsItemsActionsAndMeasures() {
        Map<String, Object> model = model("/activities/x/plans");
        model.put("a", INSPECTION);
        model.put("plans", List.of(PLAN));
        model.put("itemsOfFindings", List.of(new PlanRepository.ItemOfFinding(INSPECTION.findings().get(1).id(), PLAN.id(), PLAN.items().getFirst().id(),
                "Management oversight")));
        model.put("canManage", true);
        model.put("kinds", PlanKind.values());
        PlanPages.DateInputs dates = new PlanPages.DateInputs();
        dates.setStartDate(DateInput.of(LocalDate.of(2020, 4, 20)));
        model.put("dates", dates);
        model.put("title", Views.message("plans.default.priority"));
        Document plans = Views.check("plans/activity-plans", model, false);
        assertThat(plans.select("input[name=kind][checked]").attr("value")).isEqualTo(PlanKind.values()[1].name());
        FormErrors errors = FormErrors.one("startDate-day", "Start date must be a real date");
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("kind", "title", "startDate-day")));
        Views.check("plans/activity-plans", model, true);

        Map<String, Object> plan = model("/plans/x");
        plan.put("plan", PLAN);
        plan.put("canManage", true);
        plan.put("canEdit", true);
        plan.put("ragExplanation", RagRule.EXPLANATION);
        plan.put("measureKeys", ComplianceMeasures.Key.values());
        plan.put("activity", INSPECTION);
        plan.put("deadlines", List.of());
        plan.put("itemError", null);
        Document page = Views.check("plans/plan", plan, false);
        assertThat(page.select("select[name=key] option[selected]").attr("value")).as("typed in by hand").isEmpty();
        plan.put("itemError", "Enter what the item is to achieve");
        assertThat(Views.check("plans/plan", plan, true).getElementById("itemTitle").hasClass("govuk-input--error")).isTrue();
    }

    @Test
    void anActionAndItsProgressNameEachFieldInError() {
        Map<String, Object> model = model("/plans/x/items/y/actions/new");
        model.put("plan", PLAN);
        model.put("item", PLAN.items().getFirst());
        ActionForm form = new ActionForm();
        model.put("form", form);
        model.put("owners", List.of(new Choice(ACTION.ownerId().toString(), "Sam Social")));
        model.put("statuses", ActionStatus.values());
        Views.check("plans/action-form", model, false);
        FormErrors errors = new FormErrors();
        errors.add("description", "Enter what will be done");
        errors.add("ownerId", "Select who owns the action");
        errors.add("dueDate-day", "Enter the date the action is due");
        model.put("errors", errors);
        model.put("errorList", errors.ordered(ActionForm.FIELD_ORDER));
        assertThat(Views.check("plans/action-form", model, true).select("#ownerId option").first().text())
                .isEqualTo(Views.message("plans.action.chooseOwner"));

        Map<String, Object> progress = model("/plans/x/actions/y/progress");
        progress.put("plan", PLAN);
        progress.put("action", ACTION);
        progress.put("status", "ON_TRACK");
        progress.put("note", null);
        progress.put("value", "55");
        progress.put("statuses", ActionStatus.values());
        progress.put("maxEvidenceMb", 10L);
        Document page = Views.check("plans/progress", progress, false);
        assertThat(page.getElementById("value")).as("the measure's value, as the action has a measure").isNotNull();
        FormErrors bad = new FormErrors();
        bad.add("note", "Say what has happened");
        bad.add("file", "Choose a file, or give a link");
        progress.put("errors", bad);
        progress.put("errorList", bad.ordered(List.of("status", "note", "value", "evidenceDescription", "file", "url")));
        assertThat(Views.check("plans/progress", progress, true).getElementById("file").hasClass("govuk-file-upload--error")).isTrue();
    }

    @Test
    void governanceAndTheCommitteeReportKeepThePageRules() {
        Map<String, Object> model = model("/local-authorities/80450/plans");
        model.put("plans", List.of(new PlanRepository.PlanSummary(PLAN.id(), PLAN.title(), PLAN.kind(), PLAN.startDate(), INSPECTION.id(), 1, 1)));
        model.put("bodies", PLAN.overseenBy());
        model.put("bodyChoices", List.of(new Choice(PLAN.overseenBy().getFirst().id().toString(), "Service Improvement Board")));
        model.put("planChoices", List.of(new Choice(PLAN.id().toString(), PLAN.title())));
        model.put("canManage", true);
        model.put("kinds", BodyKind.values());
        model.put("meeting", new PlanPages.DateInputs());
        FormErrors errors = FormErrors.one("name", "Enter the name of the board or committee");
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("name", "bodyId", "startDate-day", "planId")));
        Document page = Views.check("plans/governance", model, true);
        assertThat(page.getElementById("oversight-body").attr("name")).isEqualTo("bodyId");

        Map<String, Object> report = model("/plans/x/committee-report");
        report.put("plan", PLAN);
        UUID cabinet = UUID.randomUUID();
        String meeting = ReportDraft.meetingKey(cabinet, java.time.LocalDate.of(2020, 4, 6));
        report.put("draft", new ReportDraft(List.of(meeting), List.of("Scrutiny | 01/05/2020"), "Ofsted Inspection 2020", "Public", "Director",
                "Rachel Green", "For Information", "Summary", "Note the report.", "Background", "Conclusion", "", "Lead", "1", "No",
                List.of(new ReportDraft.Consultee("Ann Lee", "Director of Law", "2020-03-02")), "Rachel Green", "Head of service", "020", "a@b.c", true));
        org.oversight.improvement.web.ReportPages.EditorForm editorForm = new org.oversight.improvement.web.ReportPages.EditorForm();
        editorForm.getRows().add(org.oversight.improvement.web.ReportPages.Row.of(new ReportDraft.Consultee("Ann Lee", "Director of Law", "2020-03-02")));
        editorForm.getRows().add(new org.oversight.improvement.web.ReportPages.Row());
        report.put("form", editorForm);
        report.put("maxRows", 30);
        report.put("meetingChoices", List.of(new org.oversight.shared.web.Choice(meeting, "Cabinet, 6 April 2020", null, meeting.replace('/', '-'))));
        report.put("otherChoices", List.of(new org.oversight.shared.web.Choice("Scrutiny | 01/05/2020", "Scrutiny | 01/05/2020")));
        report.put("bodyChoices", List.of(new org.oversight.shared.web.Choice(cabinet.toString(), "Cabinet")));
        report.put("versions", List.of(new CommitteeReports.Version(UUID.randomUUID(), 1, "col.manager", AT)));
        report.put("hpChoices", List.of(new org.oversight.shared.web.Choice("true", "Include a section with the authority's help and protection figures",
                "The front door", "yes")));
        report.put("classifications", List.of(new org.oversight.shared.web.Choice("Public", "Public", null),
                new org.oversight.shared.web.Choice("Non-public", "Non-public", null)));
        report.put("keyDecisions", List.of(new org.oversight.shared.web.Choice("Yes", "Yes", null), new org.oversight.shared.web.Choice("No", "No", null)));
        Document form = Views.check("plans/committee-report", report, false);
        assertThat(form.getElementById("summary").attr("rows")).isEqualTo("6");
        assertThat(form.select("input[name=classification][checked]").attr("value")).as("a fixed choice is a radio").isEqualTo("Public");
        assertThat(form.select("input[name=keyDecision][checked]").attr("value")).isEqualTo("No");
        assertThat(form.select("input[name=meetings][checked]").attr("value")).as("a governance meeting picked").isEqualTo(meeting);
        assertThat(form.select("input[name=otherCommittees][checked]").attr("value")).isEqualTo("Scrutiny | 01/05/2020");
        assertThat(form.getElementById("consultee-1-name").attr("value")).isEqualTo("Ann Lee");
        assertThat(form.getElementById("consultee-1-date-year").attr("name")).isEqualTo("rows[0].date.year");
        assertThat(form.getElementById("consultee-1-date-month").attr("value")).isEqualTo("3");
        assertThat(form.getElementById("consultee-2-role").attr("value")).isEmpty();
        assertThat(form.getElementById("add-officer").attr("formaction")).endsWith("/committee-report/edit#consultee-3");
        assertThat(form.getElementById("preview-report").attr("formaction")).endsWith("/committee-report/preview");
        assertThat(form.select("textarea[name=committees], textarea[name=consultations]")).as("no pipe-separated lines to type").isEmpty();

        // a refused draft: its errors in the summary and by their fields
        FormErrors refused = FormErrors.one("keyDecision", "Choose whether this is a key decision");
        refused.add("consultee-1-date-day", "The date officer 1 was consulted must be today or in the past");
        report.put("errors", refused);
        report.put("errorList", refused.ordered(org.oversight.improvement.web.ReportPages.FIELDS));
        Document bad = Views.check("plans/committee-report", report, true);
        assertThat(bad.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#keyDecision", "#consultee-1-date-day");
        assertThat(bad.getElementById("consultee-1-date-error").text()).contains("officer 1 was consulted must be today or in the past");
    }

    @Test
    void aTextBoxIsTallEnoughForItsText() {
        assertThat(ReportDraft.textRows(null, 2)).isEqualTo(2);
        assertThat(ReportDraft.textRows("One line", 2)).isEqualTo(2);
        assertThat(ReportDraft.textRows("x".repeat(900), 2)).as("900 characters: 10 rows of 90, and one to spare").isEqualTo(11);
        assertThat(ReportDraft.textRows("a\n\nb\n\nc", 2)).isEqualTo(6);
        assertThat(ReportDraft.textRows("x".repeat(100_000), 6)).as("at most 20").isEqualTo(20);
    }
}
