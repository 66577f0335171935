package org.oversight.selfeval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan's actions at earlier dates, from their progress history: counts, measure values, and what is not held. */
class PlanProgressTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 10);

    private static PlanProgress.Update u(int month, int day, String status, String value) {
        return new PlanProgress.Update(LocalDate.of(2026, month, day), status, value == null ? null : new BigDecimal(value));
    }

    @Test
    void theEarlierQuarterEndsAreTheTwoBeforeTodaysQuarter() {
        assertThat(PlanProgress.earlierQuarterEnds(LocalDate.of(2026, 12, 7), 2))
                .containsExactly(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 6, 30));
        assertThat(PlanProgress.earlierQuarterEnds(LocalDate.of(2026, 1, 1), 2))
                .containsExactly(LocalDate.of(2025, 12, 31), LocalDate.of(2025, 9, 30));
    }

    @Test
    void countsAtADateTakeEachActionsLastUpdateOnOrBeforeIt() {
        PlanProgress.Action done = new PlanProgress.Action(START, LocalDate.of(2026, 9, 1), "COMPLETE", null,
                List.of(u(8, 20, "COMPLETE", null), u(4, 2, "ON_TRACK", null)));
        PlanProgress.Action late = new PlanProgress.Action(START, LocalDate.of(2026, 5, 31), "OFF_TRACK", null,
                List.of(u(3, 1, "ON_TRACK", null), u(7, 1, "OFF_TRACK", null)));
        PlanProgress.Action added = new PlanProgress.Action(LocalDate.of(2026, 8, 1), LocalDate.of(2027, 3, 31), "NOT_STARTED", null, List.of());
        List<PlanProgress.Action> actions = List.of(done, late, added);

        PlanProgress.Counts june = PlanProgress.countsAt(actions, LocalDate.of(2026, 6, 30));
        assertThat(june.actions()).isEqualTo(2); // the third was not added yet
        assertThat(june.complete()).isZero();
        assertThat(june.onTrack()).isEqualTo(2);
        assertThat(june.overdue()).isEqualTo(1); // due 31 May, on track but not complete
        assertThat(june.kept()).isTrue();

        PlanProgress.Counts sept = PlanProgress.countsAt(actions, LocalDate.of(2026, 9, 30));
        assertThat(sept.actions()).isEqualTo(3);
        assertThat(sept.complete()).isEqualTo(1);
        assertThat(sept.onTrack()).isZero();
        assertThat(sept.overdue()).isEqualTo(1); // the completed one is not overdue though past its date
        assertThat(sept.count(PlanProgress.Count.COMPLETE)).isEqualTo(1);
        assertThat(PlanProgress.Count.OVERDUE.higherIsBetter()).isFalse();
    }

    @Test
    void theStatusBeforeTheFirstUpdateIsNotHeldWhenTheActionHasBeenUpdatedSince() {
        PlanProgress.Action a = new PlanProgress.Action(START, LocalDate.of(2027, 1, 1), "COMPLETE", null, List.of(u(10, 1, "COMPLETE", null)));
        PlanProgress.Counts june = PlanProgress.countsAt(List.of(a), LocalDate.of(2026, 6, 30));
        assertThat(june.kept()).isFalse();
        assertThat(june.unknown()).isEqualTo(1);
        // Never updated: its status today is the one it was added with.
        PlanProgress.Action quiet = new PlanProgress.Action(START, LocalDate.of(2027, 1, 1), "ON_TRACK", null, List.of());
        assertThat(PlanProgress.countsAt(List.of(quiet), LocalDate.of(2026, 6, 30)).onTrack()).isEqualTo(1);
    }

    @Test
    void aMeasuresEarlierValuesAreItsRecordedUpdatesThenItsBaseline() {
        PlanProgress.Action a = new PlanProgress.Action(START, LocalDate.of(2027, 1, 1), "ON_TRACK", new BigDecimal("40"),
                List.of(u(3, 1, "ON_TRACK", "55"), u(5, 1, "ON_TRACK", null), u(6, 1, "ON_TRACK", "70"), u(9, 1, "ON_TRACK", "85")));
        assertThat(EvidenceCatalogue.measureTrend(a, LocalDate.of(2026, 9, 1))).containsExactly(
                new Trend.Point(LocalDate.of(2026, 6, 1), new BigDecimal("70")), new Trend.Point(LocalDate.of(2026, 3, 1), new BigDecimal("55")));
        assertThat(a.valueAt(LocalDate.of(2026, 2, 1))).isEqualByComparingTo("40");
        assertThat(a.valueAt(LocalDate.of(2026, 5, 20))).isEqualByComparingTo("55");
        assertThat(a.valueAt(LocalDate.of(2025, 12, 1))).isNull();
        PlanProgress.Action once = new PlanProgress.Action(START, LocalDate.of(2027, 1, 1), "ON_TRACK", new BigDecimal("40"),
                List.of(u(6, 1, "ON_TRACK", "72")));
        assertThat(EvidenceCatalogue.measureTrend(once, LocalDate.of(2026, 6, 1))).containsExactly(new Trend.Point(START, new BigDecimal("40")));
        assertThat(EvidenceCatalogue.measureTrend(once, null)).isEmpty();
    }
}
