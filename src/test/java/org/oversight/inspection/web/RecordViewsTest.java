package org.oversight.inspection.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.inspection.GradeCells;
import org.oversight.inspection.ReportSources;
import org.oversight.inspection.SingleRecordService;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Deadline;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.JudgementEra;
import org.oversight.inspection.domain.LatestJudgements;
import org.oversight.inspection.domain.NextInspection;
import org.oversight.inspection.persistence.ActivityRepository;
import org.oversight.register.Region;
import org.oversight.shared.web.FormErrors;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** The register, an LA's single record, an activity and its findings. */
class RecordViewsTest {

    private static final InspectionActivity INSPECTION = ViewFixtures.inspection();

    private static SingleRecordService.RegisterRow row() {
        return new SingleRecordService.RegisterRow(ViewFixtures.city(), new LatestJudgements(INSPECTION.id(), ActivityType.STANDARD_INSPECTION,
                LocalDate.of(2020, 3, 2), Map.of(JudgementArea.OVERALL, Grade.GOOD)));
    }

    /** The grade cells as the application makes them, from the pages' messages. */
    static final GradeCells GRADE_CELLS = gradeCells();

    private static GradeCells gradeCells() {
        var messages = new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return new GradeCells(messages);
    }

    private static SingleRecordService.ActivityView view() {
        return new SingleRecordService.ActivityView(INSPECTION, "activity.status.PUBLISHED", JudgementEra.ILACS_2018,
                List.of(new SingleRecordService.DeadlineView(new Deadline(Deadline.Kind.ACTION_PLAN, LocalDate.of(2020, 7, 28), 70,
                        LocalDate.of(2020, 4, 20), "deadline.from.publication", false), -5,
                        new org.oversight.inspection.domain.DeadlineState(org.oversight.inspection.domain.DeadlineState.State.MET,
                                LocalDate.of(2020, 6, 1), 0))));
    }

    /** The register list's model: one row, searched for "City", sorted by overall effectiveness. */
    private static Map<String, Object> registerList() {
        Map<String, Object> model = Views.model("/local-authorities");
        model.put("user", null);
        model.put("rows", List.of(row()));
        model.put("total", 1);
        model.put("pages", new org.oversight.shared.web.Pagination(1, 25, 1));
        model.put("pageSizes", List.of(25, 50));
        model.put("pageLink", "/local-authorities?q=City&sort=overall&order=asc&size=25&page=");
        model.put("order", "asc");
        model.put("q", "City");
        model.put("region", null);
        model.put("judgement", null);
        model.put("regions", List.of(new Region("E12000007", "London", 33)));
        model.put("grades", Grade.values());
        model.put("csvQuery", "?q=City");
        model.put("sort", "overall");
        model.put("descending", false);
        model.put("filtered", true);
        return model;
    }

    @Test
    void theRegisterListsEveryLaWithItsLatestJudgement() {
        Map<String, Object> model = registerList();
        Document page = Views.check("register/list", model, false);
        assertThat(page.getElementById("q").attr("type")).isEqualTo("search");
        assertThat(page.getElementById("q").attr("value")).isEqualTo("City");
        assertThat(page.select("#register-table tbody tr")).hasSize(1);
        assertThat(page.select("th[aria-sort=ascending]").text()).startsWith("Latest overall effectiveness");
        assertThat(page.getElementById("sort-overall").attr("href")).contains("sort=overall").contains("order=desc").contains("q=City");
        assertThat(page.getElementById("sort-name").attr("href")).contains("order=asc");

        model.put("rows", List.of(row(), row()));
        model.put("total", 60);
        model.put("pages", new org.oversight.shared.web.Pagination(2, 25, 60));
        Document paged = Views.check("register/list", model, false);
        assertThat(paged.getElementById("showing").text()).isEqualTo("Showing 26 to 50 of 60");
        assertThat(paged.select("#pagination .govuk-pagination__item--current a").text()).isEqualTo("2");
        assertThat(paged.getElementById("pagination-next").attr("href")).endsWith("size=25&page=3");
        assertThat(paged.getElementById("pagination-prev").attr("href")).endsWith("page=1");
        assertThat(paged.getElementById("size-50").attr("href")).contains("size=50").contains("sort=overall");

        model.put("rows", List.of());
        model.put("total", 0);
        model.put("pages", new org.oversight.shared.web.Pagination(1, 25, 0));
        Document none = Views.check("register/list", model, false);
        assertThat(none.getElementById("no-results")).isNotNull();
        assertThat(none.getElementById("register-table")).as("no empty table").isNull();
        assertThat(none.getElementById("csv-link")).as("no CSV of nothing").isNull();
    }

    @Test
    void theSingleRecordComparesTheLaWithItsNeighboursRegionAndEngland() {
        Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
        counts.put(Grade.GOOD, 20);
        var distribution = List.of(new SingleRecordService.Distribution("Overall", JudgementArea.OVERALL, counts, 2));
        var record = new SingleRecordService.SingleRecord(ViewFixtures.city(), List.of(view()), row(), List.of(), distribution, distribution,
                Optional.of(new NextInspection(LocalDate.of(2023, 3, 2), LocalDate.of(2023, 9, 2), ActivityType.STANDARD_INSPECTION, INSPECTION,
                        List.of("Three years after the last inspection"), true)));
        Map<String, Object> model = Views.model("/local-authorities/80450");
        model.put("record", record);
        model.put("la", record.la());
        model.put("areas", JudgementArea.values());
        model.put("grades", Grade.values());
        model.put("canEdit", true);
        model.put("canSeeInternal", true);
        model.put("canManage", true);
        model.put("activityTypes", ActivityType.values());
        model.put("comparison", List.of(new RegisterPages.ComparisonRow(row().la(), row().latest(), GRADE_CELLS.of(row()))));
        model.put("sources", Map.of());
        model.put("publishedHeld", true);
        model.put("current", null);
        model.put("ofstedSearch", "https://reports.ofsted.gov.uk/search?q=City+of+London");
        model.put("distributions", List.of(new RegisterPages.DistributionGroup("region", "London", distribution),
                new RegisterPages.DistributionGroup("england", "England", distribution)));
        model.put("sources", Map.of(INSPECTION.id(), new ReportSources.ReportSource("https://reports.ofsted.gov.uk/provider/44/80450", Set.of(), "report.pdf")));
        // the content as RegisterPages renders it once (RenderedParts), in the page
        model.put("body", Views.part("register/single-record-body", "single-record-content", model));
        Document page = Views.check("register/single-record", model, false);
        assertThat(page.select("a[href=https://reports.ofsted.gov.uk/provider/44/80450]")).hasSize(1);
        assertThat(page.select("#neighbour-table thead th")).hasSize(JudgementArea.values().length + 2);
        // The grade cells write the markup of the grade fragment, which the register list inserts for the same row.
        assertThat(page.select("#neighbour-table tbody td:nth-child(2) > span").outerHtml()).isEqualTo("<span class=\"app-grade app-grade--GOOD\">"
                + Views.message("grade.GOOD") + "</span>");
        assertThat(page.select("#neighbour-table tbody td:nth-child(3)").html()).as("no grade, no tag").isEmpty();
        assertThat(Views.render("register/list", registerList()).select("#register-table tbody .app-grade").outerHtml())
                .isEqualTo(page.select("#neighbour-table tbody .app-grade").outerHtml());
        assertThat(page.select(".govuk-tag--red").text()).isEqualTo(Views.message("record.next.overdue"));
        assertThat(page.getElementById("reports-not-loaded")).isNull();
        assertThat(page.getElementById("next-window").text()).contains("Usual window 2 March 2023 to 2 September 2023");

        // An LA whose reports are not loaded says so, with where to find them; an inspection under way replaces the forecast.
        model.put("publishedHeld", false);
        model.put("current", view());
        model.put("body", Views.part("register/single-record-body", "single-record-content", model));
        Document missing = Views.check("register/single-record", model, false);
        assertThat(missing.getElementById("reports-not-loaded").text()).contains("Ofsted's reports for this local authority are not loaded")
                .contains("Find City of London's reports on Ofsted's site");
        assertThat(missing.getElementById("next-window")).isNull();
        assertThat(missing.getElementById("current-activity").text()).contains("Standard inspection").contains("Ofsted notified the authority on 24 February 2020")
                .contains("On site from 2 March 2020 to 13 March 2020");
    }

    @Test
    void anActivityShowsItsDetailsDeadlinesJudgementsAndFindingsAndItsFindingFormNamesErrors() {
        Map<String, Object> model = Views.model("/activities/x");
        model.put("view", view());
        model.put("a", INSPECTION);
        model.put("canEdit", true);
        model.put("canSeeInternal", true);
        model.put("history", List.of(new ActivityRepository.HistoryEntry("CREATE", "Created", "col.manager", Instant.parse("2020-04-20T09:00:00Z"))));
        model.put("findingKinds", FindingKind.values());
        model.put("findingForm", new FindingForm());
        Document page = Views.check("activity/show", model, false);
        assertThat(page.getElementById("status").hasClass("govuk-tag")).isTrue();
        assertThat(page.getElementById("findings-PRIORITY_ACTION").text()).contains("Risk assessment");
        FormErrors errors = new FormErrors();
        errors.add("kind", "Select the kind of finding");
        errors.add("text", "Enter the finding");
        model.put("errors", errors);
        model.put("errorList", errors.ordered(FindingForm.FIELD_ORDER));
        Document bad = Views.check("activity/show", model, true);
        assertThat(bad.getElementById("kind").attr("type")).isEqualTo("radio");

        Map<String, Object> edit = Views.model("/activities/x/findings/y/edit");
        edit.put("a", INSPECTION);
        edit.put("findingForm", new FindingForm());
        edit.put("findingId", INSPECTION.findings().get(1).id());
        edit.put("findingKinds", FindingKind.values());
        Views.check("activity/finding-edit", edit, false);
    }
}
