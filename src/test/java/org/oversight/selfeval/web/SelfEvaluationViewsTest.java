package org.oversight.selfeval.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.selfeval.Area;
import org.oversight.selfeval.Evidence;
import org.oversight.selfeval.Rating;
import org.oversight.selfeval.SelfEvaluationViews;
import org.oversight.selfeval.SelfEvaluationViews.Citation;
import org.oversight.selfeval.SelfEvaluationViews.CitationState;
import org.oversight.selfeval.SelfEvaluationViews.Section;
import org.oversight.selfeval.SelfEvaluationViews.SelfEvaluation;
import org.oversight.selfeval.SelfEvaluations;
import org.oversight.selfeval.TextDiff;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.DateInput;
import org.oversight.shared.web.FormErrors;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** The self-evaluation's pages keep the page rules: one h1, a title that repeats it, errors linked to their fields. */
class SelfEvaluationViewsTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");
    private static final Citation RED = new Citation(UUID.randomUUID(), "compliance:PATHWAY_REVIEWS_ON_TIME", "COMPLIANCE",
            "Care leavers whose pathway plan was reviewed on time", "62.0%", new BigDecimal("62.0"), LocalDate.of(2026, 3, 31), "SSDA903",
            Rating.RED, "col.manager", AT);
    private static final Evidence NOW = new Evidence("compliance:PATHWAY_REVIEWS_ON_TIME", Evidence.Kind.COMPLIANCE, EnumSet.of(Area.CARE_LEAVERS),
            RED.label(), "70.0%", new BigDecimal("70.0"), LocalDate.of(2026, 9, 30), "SSDA903", Rating.RED, "", null);
    private static final Evidence OFFERED = new Evidence("compliance:CARE_LEAVERS_IN_TOUCH", Evidence.Kind.COMPLIANCE, EnumSet.of(Area.CARE_LEAVERS),
            "Care leavers the local authority is in touch with", "96.0%", new BigDecimal("96.0"), LocalDate.of(2026, 9, 30), "SSDA903",
            Rating.GREEN, "", null, List.of(new org.oversight.selfeval.Trend.Point(LocalDate.of(2026, 3, 31), new BigDecimal("88.0")),
            new org.oversight.selfeval.Trend.Point(LocalDate.of(2025, 3, 31), new BigDecimal("85.0"))), "up 8 points since 31 March 2026, better",
            List.of(new Evidence.Benchmark("Statistical neighbours", "Not held"), new Evidence.Benchmark("England", "Not held")));

    private static Section section(Area area, String know, List<Citation> cited) {
        return new Section(UUID.randomUUID(), area, know, "", "", "col.manager", "Rachel Green", LocalDate.of(2027, 1, 31), 2, "col.manager", AT,
                cited, List.of(new SelfEvaluationViews.Comment(UUID.randomUUID(), "Add the in-touch figure", "col.staff", AT)));
    }

    private static SelfEvaluation draft() {
        return new SelfEvaluation(UUID.randomUUID(), ViewFixtures.CITY_ID, 80450, "City of London", 2026, "Self-evaluation 2026", 2025,
                SelfEvaluationViews.Status.DRAFT, null, null, null, "col.manager", AT, List.of(
                section(Area.LEADERS, "Leaders are strong.", List.of()), section(Area.HELP_AND_PROTECTION, "", List.of()),
                section(Area.IN_CARE, "Children are seen.", List.of()), section(Area.CARE_LEAVERS, "Pathway plans are good.", List.of(RED))),
                List.of(new SelfEvaluationViews.Event("Started from the self-evaluation of 2025", "col.manager", AT)));
    }

    private static Map<String, Object> model(String path) {
        Map<String, Object> model = Views.model(path);
        model.put("la", ViewFixtures.city());
        return model;
    }

    @Test
    void theListWithTheStartFormAndItsErrors() {
        Map<String, Object> model = model("/local-authorities/80450/self-evaluations");
        model.put("list", List.of(new SelfEvaluationViews.Summary(UUID.randomUUID(), 2025, "2025", SelfEvaluationViews.Status.SIGNED_OFF,
                "Helen Carter", AT, 4, 4)));
        model.put("canManage", true);
        model.put("year", "2026");
        model.put("fromYear", "2025");
        model.put("fromChoices", List.of());
        assertThat(Views.check("selfeval/index", model, false).getElementById("fromYear")).isNull();
        model.put("fromChoices", List.of(new Choice("2025", "The self-evaluation of 2025")));
        Document page = Views.check("selfeval/index", model, false);
        assertThat(page.getElementById("self-evaluations").text()).contains("2025").contains("Signed off").contains("4 of 4");
        FormErrors errors = new FormErrors();
        errors.add("year", "A self-evaluation for 2026 already exists: open it from the list");
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("year", "fromYear")));
        Document bad = Views.check("selfeval/index", model, true);
        assertThat(bad.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#year");
    }

    @Test
    void aSelfEvaluationShowsItsSectionsTheCheckAndTheShareForm() {
        SelfEvaluation se = draft();
        Map<String, Object> model = model("/local-authorities/80450/self-evaluations/2026");
        model.put("se", se);
        model.put("problems", SelfEvaluations.check(se));
        model.put("canManage", true);
        model.put("canWrite", true);
        model.put("isDirector", true);
        model.put("directorName", "Helen Carter");
        model.put("shares", List.of());
        model.put("inspectorChoices", List.of(new Choice("inspector", "Ian Inspector (Ofsted)")));
        model.put("meeting", null);
        model.put("shareForm", new SelfEvaluationPages.ShareForm(DateInput.of(LocalDate.of(2027, 1, 31))));
        Document page = Views.check("selfeval/show", model, false);
        assertThat(page.getElementById("check-problems").text()).contains("Leaders are strong.").contains("is red (62.0%)")
                .contains("Not written yet.");
        assertThat(page.getElementById("sign-off")).isNotNull();
        assertThat(page.getElementById("share-form")).isNull();
        assertThat(page.getElementById("sections").text()).contains("Rachel Green").contains("31 January 2027");
    }

    @Test
    void aSectionShowsItsAnswersTheEvidenceTheMovedFigureAndAConflict() {
        SelfEvaluation se = draft();
        Section s = se.section(Area.CARE_LEAVERS).orElseThrow();
        Map<String, Object> model = model("/local-authorities/80450/self-evaluations/2026/sections/care-leavers");
        model.put("se", se);
        model.put("section", s);
        model.put("area", Area.CARE_LEAVERS);
        model.put("know", "My text");
        model.put("how", "");
        model.put("plans", "");
        model.put("citations", List.of(new CitationState(RED, NOW)));
        model.put("themes", org.oversight.selfeval.Theme.of(Area.CARE_LEAVERS));
        Map<String, String> themeTexts = new java.util.LinkedHashMap<>();
        org.oversight.selfeval.Theme.of(Area.CARE_LEAVERS).forEach(t -> themeTexts.put(t.name(), ""));
        themeTexts.put("PATHWAY_PLANS", "Pathway plans are reviewed with the young person.");
        model.put("themeTexts", themeTexts);
        model.put("themeChoices", org.oversight.selfeval.Theme.of(Area.CARE_LEAVERS).stream()
                .map(t -> new Choice(t.name(), Views.message(t.messageKey()))).toList());
        model.put("offered", List.of(OFFERED, new Evidence("finding:" + UUID.randomUUID(), Evidence.Kind.FINDING, EnumSet.allOf(Area.class),
                "Ofsted finding: what needs to improve", "Risk assessments should more clearly articulate measures", null, LocalDate.of(2018, 11, 20),
                "Ofsted focused visit starting 24 October 2018", null, "", null)));
        model.put("versions", List.of(new SelfEvaluationViews.Version(2, "Pathway plans are good.", "", "", "col.manager", AT)));
        model.put("problems", SelfEvaluations.check(se).stream().filter(p -> p.area() == Area.CARE_LEAVERS).toList());
        model.put("canManage", true);
        model.put("people", List.of(new Choice("col.manager", "Rachel Green")));
        model.put("assignForm", new SelfEvaluationPages.AssignForm(DateInput.of(s.dueDate())));
        model.put("conflict", true);
        FormErrors errors = new FormErrors();
        errors.add("version", "Someone else saved this section after you opened it. Nothing was overwritten.");
        model.put("errors", errors);
        model.put("errorList", errors.ordered(List.of("version", "know")));
        Document page = Views.render("selfeval/section", model);
        assertThat(page.getElementById("citation-table").text()).contains("62.0%").contains("Moved").contains("now 70.0% (as at 30 September 2026)");
        assertThat(page.getElementById("offered").text()).contains("Care leavers the local authority is in touch with").contains("96.0%")
                .contains("Risk assessments should more clearly articulate measures");
        assertThat(page.select("#offered .govuk-tag")).hasSize(1);
        // The trend in words and the comparisons, beside the figure offered; a theme box per theme of the area, with its text.
        assertThat(page.getElementById("trend-0").text()).isEqualTo("Trend: up 8 points since 31 March 2026, better");
        assertThat(page.getElementById("earlier-0").text()).contains("31 March 2026: 88%").contains("31 March 2025: 85%");
        assertThat(page.getElementById("offered").text()).contains("Statistical neighbours: Not held").contains("England: Not held");
        assertThat(page.getElementById("theme-PATHWAY_PLANS").text()).isEqualTo("Pathway plans are reviewed with the young person.");
        assertThat(page.select("label[for=theme-PATHWAY_PLANS]").text()).isEqualTo("Pathway plans");
        assertThat(page.select("textarea[name^=theme-]")).hasSize(org.oversight.selfeval.Theme.of(Area.CARE_LEAVERS).size());
        assertThat(page.select("#theme-for-0 option")).extracting(org.jsoup.nodes.Element::text).contains("The area as a whole", "Pathway plans");
        assertThat(page.getElementById("citation-table").text()).contains("Not kept: cited before Oversight kept a figure’s trend");
        assertThat(page.getElementById("their-text").text()).contains("Pathway plans are good.");
        assertThat(page.getElementById("know").text()).isEqualTo("My text");
        assertThat(page.getElementById("section-problems").text()).contains("is red (62.0%)");
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.title()).startsWith("Error: ");
        model.remove("conflict");
        model.put("errors", FormErrors.none());
        model.put("errorList", List.of());
        Views.check("selfeval/section", model, false);
    }

    @Test
    void aVersionShowsItsDifferencesAndTheMeetingPageItsForm() {
        Map<String, Object> model = model("/local-authorities/80450/self-evaluations/2026/sections/leaders/versions/2");
        model.put("se", draft());
        model.put("area", Area.LEADERS);
        model.put("v", new SelfEvaluationViews.Version(2, "Leaders are strong.", "", "", "col.manager", AT));
        model.put("before", new SelfEvaluationViews.Version(1, "Leaders are good.", "", "", "col.manager", AT));
        model.put("diffs", List.of(new SelfEvaluationPages.Diff("selfeval.q.know", TextDiff.diff("Leaders are good.", "Leaders are strong."))));
        Document page = Views.check("selfeval/version", model, false);
        assertThat(page.select("ins").text()).isEqualTo("strong.");
        assertThat(page.select("del").text()).isEqualTo("good.");

        Map<String, Object> meeting = model("/local-authorities/80450/self-evaluations/2026/meeting");
        meeting.put("se", draft());
        meeting.put("meeting", new SelfEvaluationViews.Meeting(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 12, 8), "Helen Carter",
                "Placement sufficiency", "Notes", "A focused visit", 1, List.of(new SelfEvaluationViews.AgreedAction(UUID.randomUUID(), 1,
                "Review placement sufficiency", null, null))));
        meeting.put("canManage", true);
        meeting.put("planChoices", List.of(new Choice(UUID.randomUUID().toString(), "Post-inspection action plan 2020")));
        meeting.put("form", new SelfEvaluationPages.MeetingForm(DateInput.of(LocalDate.of(2026, 12, 8)), "Helen Carter", "Placement sufficiency",
                "Notes", "A focused visit", "", 1));
        Document m = Views.check("selfeval/meeting", meeting, false);
        assertThat(m.getElementById("agreed-actions").text()).contains("Review placement sufficiency");
        assertThat(m.getElementById("to-plan-1")).isNotNull();
        assertThat(m.getElementById("meeting-date").text()).isEqualTo("8 December 2026");
    }
}
