package org.oversight.work;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.access.InspectorGrants;
import org.oversight.access.OversightUser;
import org.oversight.access.Refusal;
import org.oversight.access.Role;
import org.oversight.access.Viewer;
import org.oversight.compliance.ComplianceMeasures;
import org.oversight.improvement.WorkItems;
import org.oversight.inspection.SingleRecordService.DeadlineView;
import org.oversight.inspection.domain.ActivityStatus;
import org.oversight.inspection.domain.Deadline;
import org.oversight.inspection.domain.DeadlineState;
import org.oversight.support.ViewFixtures;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** "Your work" for each role, and the refusal page for each role, rendered from their real templates. */
class WorkViewsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    private static OversightUser user(String username, String name, Role role) {
        boolean la = role.laScoped();
        return new OversightUser(UUID.randomUUID(), username, name, "x", role, la ? ViewFixtures.CITY_ID : null, la ? 80450 : null,
                la ? "City of London" : null, true);
    }

    private static Map<String, Object> model(OversightUser user) {
        Map<String, Object> model = Views.model("/");
        model.put("user", user);
        model.put("today", TODAY);
        model.put("signedInAs", user.username());
        model.put("viewer", new Viewer(user.displayName(), user.role(), user.laUrn(), user.laName()));
        return model;
    }

    private static YourWork.LaWork work(boolean withItems) {
        var inspection = ViewFixtures.inspection();
        var deadline = new DeadlineView(new Deadline(Deadline.Kind.ACTION_PLAN, LocalDate.of(2027, 1, 20), 70, TODAY, "deadline.from.publication", false),
                31, new DeadlineState(DeadlineState.State.DUE, null, 1));
        WorkItems.Work plans = withItems
                ? new WorkItems.Work(List.of(new WorkItems.ActionAlert(UUID.randomUUID(), "Post-inspection plan", UUID.randomUUID(),
                        "Audit supervision records", "Rachel Green", LocalDate.of(2026, 11, 30), "RED", "Past its due date of 30 November 2026")),
                        List.of(new WorkItems.PlanRag(UUID.randomUUID(), "Post-inspection plan", 1, 2, 3, 4)),
                        List.of(new WorkItems.Meeting("Corporate Parenting Board", LocalDate.of(2027, 1, 14))),
                        List.of(new WorkItems.Report(UUID.randomUUID(), "Post-inspection plan", 2, "col.manager", Instant.parse("2026-12-01T14:05:00Z"))))
                : new WorkItems.Work(List.of(), List.of(), List.of(), List.of());
        var banner = new InspectionBanner(ActivityStatus.NOTIFIED, inspection, 0, 5, LocalDate.of(2026, 12, 14), true);
        return new YourWork.LaWork(ViewFixtures.city(), withItems ? Optional.of(banner) : Optional.empty(),
                withItems ? List.of(new YourWork.OpenDeadline(inspection, deadline)) : List.of(), List.of(), plans,
                withItems ? List.of(new YourWork.Headline(ComplianceMeasures.Key.REVIEWS_ON_TIME, new BigDecimal("82.5"), LocalDate.of(2026, 11, 30), 80))
                        : List.of(), withItems,
                withItems ? List.of(new YourWork.Headline(ComplianceMeasures.Key.STEP_DOWN_EARLY_HELP_STARTED, new BigDecimal("71.4"), LocalDate.of(2026, 12, 6), null))
                        : List.of(), List.of());
    }

    @Test
    void aManagersWorkLeadsWithTheNotifiedInspectionAndSaysWhatIsDue() {
        Map<String, Object> model = model(user("col.manager", "Rachel Green", Role.LA_MANAGER));
        model.put("work", work(true));
        Document page = Views.check("work/home", model, false);
        assertThat(page.getElementById("signed-in-as").text()).isEqualTo("Signed in as Rachel Green");
        assertThat(page.getElementById("inspection-banner").text()).contains("Standard inspection: Ofsted notified you today")
                .contains("Inspectors are expected on site from 14 December 2026, in 5 working days");
        assertThat(page.getElementById("work-deadlines").text()).contains("Action plan").contains("20 January 2027").contains("1 working day left");
        assertThat(page.getElementById("work-actions").text()).contains("Audit supervision records").contains("Red").contains("30 November 2026");
        assertThat(page.getElementById("work-meetings").text()).contains("Corporate Parenting Board: 14 January 2027");
        assertThat(page.getElementById("work-reports").text()).contains("version 2, 1 December 2026 at 2:05pm");
        assertThat(page.getElementById("work-compliance").text()).contains("82.5% within timescale, measured at 30 November 2026")
                .contains("Up from 80% at the import before");
        assertThat(page.getElementById("work-front-door").text()).contains("Step-downs with early help started within the standard")
                .contains("71.4% in the 12 months to 6 December 2026");
        assertThat(page.select("#link-help-and-protection")).hasSize(1);
        assertThat(page.select("#nav-import")).hasSize(1);
        assertThat(page.select("#nav-national-compliance")).isEmpty();
    }

    @Test
    void emptyPartsSayWhatIsMissingInsteadOfShowingEmptyTables() {
        Map<String, Object> model = model(user("col.staff", "Sam Social", Role.LA_STAFF));
        model.put("work", work(false));
        Document page = Views.check("work/home", model, false);
        assertThat(page.select("table")).isEmpty();
        assertThat(page.getElementById("no-deadlines").text()).isEqualTo(Views.message("work.deadlines.none"));
        assertThat(page.getElementById("no-actions")).isNotNull();
        assertThat(page.getElementById("no-compliance")).isNotNull();
        assertThat(page.getElementById("no-front-door").text()).contains("No whole-journey data");
    }

    @Test
    void aCouncillorSeesRatingsNotActionsAndNoLinkThatWouldRefuseThem() {
        Map<String, Object> model = model(user("col.councillor", "Chris Council", Role.COUNCILLOR));
        model.put("work", work(true));
        Document page = Views.check("work/home", model, false);
        assertThat(page.getElementById("work-actions")).isNull();
        assertThat(page.getElementById("work-plans").text()).contains("Post-inspection plan");
        assertThat(page.select("#nav-import")).isEmpty();
        assertThat(page.select("#work-links a[href*=compliance]")).as("the compliance dashboard is for managers and staff").isEmpty();
        assertThat(page.select("#work-links a[href*=young-peoples-views]")).hasSize(1);
    }

    @Test
    void anInspectorSeesWhenAccessStartsAndAnAnalystTheNationalPages() {
        Map<String, Object> inspector = model(user("inspector", "Ian Inspector", Role.INSPECTOR));
        inspector.put("grants", List.of(new InspectorGrants.MyGrant(80450, "City of London", LocalDate.of(2026, 12, 14), LocalDate.of(2026, 12, 18), "Rachel Green",
                        UUID.fromString("00000000-0000-4000-8000-000000000001")),
                new InspectorGrants.MyGrant(80514, "Southwark", LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 9), "Tom Stevenson",
                        UUID.fromString("00000000-0000-4000-8000-000000000002"))));
        Document page = Views.check("work/home", inspector, false);
        assertThat(page.getElementById("work-grants").text())
                .contains("Your access to City of London's child-level data starts on 14 December 2026 and ends on 18 December 2026.")
                .contains("You can read Southwark's child-level data until 9 December 2026.");
        assertThat(page.select("#work-grants a[href=/activities/00000000-0000-4000-8000-000000000002/day-one]")).as("the pack of the grant in force")
                .hasSize(1);
        assertThat(page.select("#work-grants a[href=/activities/00000000-0000-4000-8000-000000000001/day-one]")).as("not before access starts")
                .isEmpty();
        assertThat(page.select("#link-national-compliance")).isEmpty();

        Map<String, Object> analyst = model(user("analyst", "Nadia Analyst", Role.NATIONAL_ANALYST));
        Document national = Views.check("work/home", analyst, false);
        assertThat(national.getElementById("link-national-compliance").attr("href")).isEqualTo("/compliance/national");
        assertThat(national.select("#nav-national-compliance")).hasSize(1);
    }

    @Test
    void theRefusalPageKeepsTheSignedInHeaderAndSaysWhyForEachRole() {
        Map<Role, Refusal> refusals = Map.of(
                Role.INSPECTOR, new Refusal("refusal.inspector.starts", List.of("City of London", "7 December 2026", "11 December 2026")),
                Role.COUNCILLOR, new Refusal("refusal.councillor", List.of()),
                Role.LA_STAFF, new Refusal("refusal.staff", List.of()),
                Role.LA_MANAGER, new Refusal("refusal.otherLa", List.of("City of London")),
                Role.NATIONAL_ANALYST, new Refusal("refusal.national", List.of()));
        Map<Role, String> expected = Map.of(
                Role.INSPECTOR, "Your access to City of London's records starts on 7 December 2026 and ends on 11 December 2026. Come back then.",
                Role.COUNCILLOR, "Councillors read their authority's plans",
                Role.LA_STAFF, "Only your authority's managers can do this.",
                Role.LA_MANAGER, "These records belong to another local authority. You can see City of London's own records",
                Role.NATIONAL_ANALYST, "National accounts see figures across local authorities, never one authority's own plans");
        refusals.forEach((role, refusal) -> {
            Map<String, Object> model = model(user("someone", "Pat Person", role));
            model.put("titleKey", "error.403.title");
            model.put("bodyKey", "error.403.body");
            model.put("detail", null);
            model.put("refusal", refusal);
            Document page = Views.check("error/page", model, false);
            assertThat(page.getElementById("signed-in-as").text()).as(role.name()).isEqualTo("Signed in as Pat Person");
            assertThat(page.getElementById("refusal").text()).as(role.name()).startsWith(expected.get(role)).doesNotContain("''");
            assertThat(page.getElementById("go-to-work").attr("href")).isEqualTo("/");
            assertThat(page.select("#nav-work")).hasSize(1);
        });
    }
}
