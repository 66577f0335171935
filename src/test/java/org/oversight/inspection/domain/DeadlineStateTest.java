package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.inspection.domain.DeadlineState.State;
import org.oversight.shared.calendar.BankHolidays;
import org.oversight.shared.calendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.inspection.domain.Activities.anActivity;

/** Deadlines say Met, Due, Overdue or Not tracked, and only call overdue what Oversight could have seen met. */
class DeadlineStateTest {

    private final Deadlines deadlines = new Deadlines(new WorkingDayCalendar(BankHolidays.fromClasspath()), DeadlineRules.defaults());

    /** City of London's 2020 inspection, published 20 April 2020, held in Oversight only from December 2026. */
    private final InspectionActivity city2020 = anActivity(ActivityType.STANDARD_INSPECTION)
            .notified(LocalDate.of(2020, 2, 24)).onSite(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 13))
            .published(LocalDate.of(2020, 4, 20)).graded(JudgementArea.OVERALL, Grade.GOOD).build();

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate HELD_FROM = LocalDate.of(2026, 12, 6);

    private Deadline of(InspectionActivity a, Deadline.Kind kind) {
        return deadlines.of(a).stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void cityOfLondons2020DeadlinesAreNotTrackedNotSixYearsOverdue() {
        for (Deadline d : deadlines.of(city2020)) {
            DeadlineState state = deadlines.state(d, TODAY, null, HELD_FROM);
            assertThat(state.state()).as(d.kind().name()).isEqualTo(State.NOT_TRACKED);
            assertThat(state.workingDays()).isZero();
            assertThat(state.open()).isFalse();
        }
        // What the page used to say: 1,600-odd working days overdue.
        assertThat(-deadlines.workingDaysRemaining(TODAY, of(city2020, Deadline.Kind.ACTION_PLAN).due())).isGreaterThan(1600);
    }

    @Test
    void thePlanDeadlinesAreMetOnTheDateThePlanWasMade() {
        LocalDate planMade = LocalDate.of(2020, 6, 1);
        DeadlineState plan = deadlines.state(of(city2020, Deadline.Kind.ACTION_PLAN), TODAY, planMade, HELD_FROM);
        assertThat(plan.state()).isEqualTo(State.MET);
        assertThat(plan.metOn()).isEqualTo(planMade);
        // A plan says nothing about the LA's own publication of the report.
        DeadlineState laPublication = deadlines.state(of(city2020, Deadline.Kind.LA_PUBLICATION), TODAY, planMade, HELD_FROM);
        assertThat(laPublication.state()).isEqualTo(State.NOT_TRACKED);
    }

    @Test
    void aPlanDueAfterOversightHeldTheLaIsOverdueByTheWorkingDaysPastItsDate() {
        var visit = anActivity(ActivityType.FOCUSED_VISIT).onSite(LocalDate.of(2026, 7, 7), LocalDate.of(2026, 7, 8))
                .published(LocalDate.of(2026, 8, 11)).with(FindingKind.PRIORITY_ACTION, "Management oversight").build();
        Deadline draft = of(visit, Deadline.Kind.DRAFT_ACTION_PLAN);
        assertThat(draft.due()).isEqualTo(LocalDate.of(2026, 9, 9)); // 20 working days after 11 August (31 August a bank holiday)
        DeadlineState state = deadlines.state(draft, LocalDate.of(2026, 9, 11), null, LocalDate.of(2026, 1, 5));
        assertThat(state.state()).isEqualTo(State.OVERDUE);
        assertThat(state.workingDays()).isEqualTo(2);
        assertThat(state.open()).isTrue();
    }

    @Test
    void aDeadlineStillAheadIsDueWithTheWorkingDaysLeftAndDueTodayIsZero() {
        var visit = anActivity(ActivityType.FOCUSED_VISIT).onSite(LocalDate.of(2026, 7, 7), LocalDate.of(2026, 7, 8))
                .published(LocalDate.of(2026, 8, 11)).with(FindingKind.PRIORITY_ACTION, "Management oversight").build();
        Deadline draft = of(visit, Deadline.Kind.DRAFT_ACTION_PLAN);
        DeadlineState ahead = deadlines.state(draft, LocalDate.of(2026, 9, 1), null, LocalDate.of(2026, 1, 5));
        assertThat(ahead).isEqualTo(new DeadlineState(State.DUE, null, 6));
        assertThat(deadlines.state(draft, draft.due(), null, LocalDate.of(2026, 1, 5))).isEqualTo(new DeadlineState(State.DUE, null, 0));
    }

    @Test
    void theLasOwnPublicationIsNeverCalledOverdueBecauseOversightDoesNotRecordIt() {
        var inspection = anActivity(ActivityType.STANDARD_INSPECTION).onSite(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 12))
                .published(LocalDate.of(2026, 7, 20)).graded(JudgementArea.OVERALL, Grade.GOOD).build();
        Deadline laPublication = of(inspection, Deadline.Kind.LA_PUBLICATION);
        LocalDate held = LocalDate.of(2026, 1, 5);
        assertThat(deadlines.state(laPublication, laPublication.due().minusDays(1), null, held).state()).isEqualTo(State.DUE);
        assertThat(deadlines.state(laPublication, laPublication.due().plusDays(30), null, held).state()).isEqualTo(State.NOT_TRACKED);
        // The action plan of the same inspection, with no plan made, is overdue once past.
        Deadline plan = of(inspection, Deadline.Kind.ACTION_PLAN);
        assertThat(deadlines.state(plan, plan.due().plusDays(7), null, held).state()).isEqualTo(State.OVERDUE);
    }

    @Test
    void anLaOversightHoldsNothingForHasOnlyItsFutureDeadlinesTracked() {
        var notified = anActivity(ActivityType.STANDARD_INSPECTION).notified(LocalDate.of(2026, 12, 7)).build();
        List<Deadline> list = deadlines.of(notified);
        Deadline onSite = list.getFirst();
        assertThat(onSite.kind()).isEqualTo(Deadline.Kind.EXPECTED_ON_SITE);
        assertThat(deadlines.state(onSite, TODAY, null, null)).isEqualTo(new DeadlineState(State.DUE, null, 5));
        assertThat(deadlines.state(of(city2020, Deadline.Kind.ACTION_PLAN), TODAY, null, null).state()).isEqualTo(State.NOT_TRACKED);
    }
}
