package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.shared.calendar.BankHolidays;
import org.oversight.shared.calendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.inspection.domain.Activities.anActivity;

class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines(new WorkingDayCalendar(BankHolidays.fromClasspath()), DeadlineRules.defaults());

    private static Deadline of(List<Deadline> list, Deadline.Kind kind) {
        return list.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " in " + list));
    }

    @Test
    void aJtaiLetterPublished30January2018HasThePartnershipPlanDue11May2018() {
        var jtai = anActivity(ActivityType.JTAI).onSite(LocalDate.of(2017, 12, 4), LocalDate.of(2017, 12, 8))
                .published(LocalDate.of(2018, 1, 30)).build();
        Deadline plan = of(deadlines.of(jtai), Deadline.Kind.ACTION_PLAN);
        assertThat(plan.due()).isEqualTo(LocalDate.of(2018, 5, 11));
        assertThat(plan.estimated()).isFalse();
        assertThat(plan.workingDays()).isEqualTo(70);
    }

    @Test
    void aFocusedVisitWithPriorityActionsNeedsADraftPlanIn20AndAPlanIn70WorkingDays() {
        var visit = anActivity(ActivityType.FOCUSED_VISIT).onSite(LocalDate.of(2020, 10, 13), LocalDate.of(2020, 10, 13))
                .published(LocalDate.of(2020, 11, 20)).with(FindingKind.PRIORITY_ACTION, "Management oversight").build();
        List<Deadline> due = deadlines.of(visit);
        assertThat(of(due, Deadline.Kind.DRAFT_ACTION_PLAN).due()).isEqualTo(LocalDate.of(2020, 12, 18));
        // 70 working days from 20/11/2020 leave out 25 and 28 December 2020 and 1 January 2021.
        assertThat(of(due, Deadline.Kind.ACTION_PLAN).due()).isEqualTo(LocalDate.of(2021, 3, 3));
    }

    @Test
    void aFocusedVisitWithoutPriorityActionsHasNoPlanDeadline() {
        var visit = anActivity(ActivityType.FOCUSED_VISIT).notified(LocalDate.of(2018, 10, 17))
                .onSite(LocalDate.of(2018, 10, 24), LocalDate.of(2018, 10, 24)).published(LocalDate.of(2018, 11, 16))
                .with(FindingKind.AREA_FOR_IMPROVEMENT, "Risk assessments").build();
        assertThat(deadlines.of(visit)).extracting(Deadline::kind)
                .doesNotContain(Deadline.Kind.ACTION_PLAN, Deadline.Kind.DRAFT_ACTION_PLAN, Deadline.Kind.EXPECTED_PUBLICATION);
    }

    @Test
    void everyGradedInspectionNeedsAnActionPlanEvenWhenGood() {
        var stockton = anActivity(ActivityType.STANDARD_INSPECTION).onSite(LocalDate.of(2023, 3, 6), LocalDate.of(2023, 3, 17))
                .published(LocalDate.of(2023, 5, 9)).graded(JudgementArea.OVERALL, Grade.REQUIRES_IMPROVEMENT).build();
        List<Deadline> due = deadlines.of(stockton);
        assertThat(of(due, Deadline.Kind.ACTION_PLAN).due()).isEqualTo(LocalDate.of(2023, 8, 16));
        assertThat(of(due, Deadline.Kind.LA_PUBLICATION).due()).isEqualTo(LocalDate.of(2023, 6, 21));
    }

    @Test
    void beforePublicationThePlanIsCountedFromTheExpectedPublicationAndMarkedEstimated() {
        var inspection = anActivity(ActivityType.SHORT_INSPECTION).onSite(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 6)).build();
        List<Deadline> due = deadlines.of(inspection);
        Deadline publication = of(due, Deadline.Kind.EXPECTED_PUBLICATION);
        // 30 working days after Friday 6 March 2020: Good Friday 10 April and Easter Monday 13 April are left out.
        assertThat(publication.due()).isEqualTo(LocalDate.of(2020, 4, 21));
        Deadline plan = of(due, Deadline.Kind.ACTION_PLAN);
        assertThat(plan.estimated()).isTrue();
        assertThat(plan.from()).isEqualTo(publication.due());
    }

    @Test
    void aNotifiedVisitWithoutDatesExpectsInspectorsAfterTheNoticePeriod() {
        var notified = anActivity(ActivityType.FOCUSED_VISIT).notified(LocalDate.of(2018, 10, 17)).build();
        assertThat(of(deadlines.of(notified), Deadline.Kind.EXPECTED_ON_SITE).due()).isEqualTo(LocalDate.of(2018, 10, 24));
        var jtai = anActivity(ActivityType.JTAI).notified(LocalDate.of(2024, 11, 4)).build();
        assertThat(of(deadlines.of(jtai), Deadline.Kind.EXPECTED_ON_SITE).due()).isEqualTo(LocalDate.of(2024, 11, 18));
    }

    @Test
    void meetingsAndSelfEvaluationsHaveNoDeadlines() {
        var meeting = anActivity(ActivityType.ANNUAL_ENGAGEMENT_MEETING).onSite(LocalDate.of(2024, 6, 3), LocalDate.of(2024, 6, 3)).build();
        assertThat(deadlines.of(meeting)).isEmpty();
    }

    @Test
    void statusFollowsTheDates() {
        var a = anActivity(ActivityType.FOCUSED_VISIT).notified(LocalDate.of(2018, 10, 17))
                .onSite(LocalDate.of(2018, 10, 24), LocalDate.of(2018, 10, 25)).published(LocalDate.of(2018, 11, 16)).build();
        assertThat(a.status(LocalDate.of(2018, 10, 1))).isEqualTo(ActivityStatus.PLANNED);
        assertThat(a.status(LocalDate.of(2018, 10, 17))).isEqualTo(ActivityStatus.NOTIFIED);
        assertThat(a.status(LocalDate.of(2018, 10, 25))).isEqualTo(ActivityStatus.ON_SITE);
        assertThat(a.status(LocalDate.of(2018, 10, 26))).isEqualTo(ActivityStatus.AWAITING_PUBLICATION);
        assertThat(a.status(LocalDate.of(2018, 11, 16))).isEqualTo(ActivityStatus.PUBLISHED);
        assertThat(a.publiclyVisible(LocalDate.of(2018, 11, 15))).isFalse();
    }
}
