package org.oversight.compliance.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.oversight.shared.calendar.BankHolidays;
import org.oversight.shared.calendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples of the rules measured from Annex A's latest dates: visits, health assessments, changed intervals. */
class AnnexARulesTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(BankHolidays.fromClasspath());
    private final TimescaleRules rules = TimescaleRules.bundled();

    @Test
    void aNewPlacementRestartsTheVisitClockEvenAfterARecentVisit() {
        // Visited 10/04/2024; moved to a new placement on 15/04/2024: the next visit is due a week after the move.
        var placement = new VisitSchedule.Placement(LocalDate.of(2024, 4, 15), false);
        Compliance c = VisitSchedule.fromLatestVisit(rules.get("CLA-VISIT"), placement, LocalDate.of(2024, 4, 10), LocalDate.of(2024, 4, 30), calendar);
        assertThat(c.nextDue()).isEqualTo(LocalDate.of(2024, 4, 22));
        assertThat(c.overdueDays()).isEqualTo(8);
        assertThat(c.nextDueReason()).contains("1 week").contains("15/04/2024").contains("no visit since it began");
    }

    @Test
    void visitsAreSixWeeklyInThePlacementsFirstYearAndThreeMonthlyAfterItWhenLongTerm() {
        var longTerm = new VisitSchedule.Placement(LocalDate.of(2022, 1, 10), true);
        Compliance after = VisitSchedule.fromLatestVisit(rules.get("CLA-VISIT"), longTerm, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1), calendar);
        assertThat(after.nextDue()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(after.compliant()).isTrue();
        Compliance inFirstYear = VisitSchedule.fromLatestVisit(rules.get("CLA-VISIT"), new VisitSchedule.Placement(LocalDate.of(2024, 1, 10), true),
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1), calendar);
        assertThat(inFirstYear.nextDue()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(inFirstYear.overdueDays()).isEqualTo(18);
        Compliance notLongTerm = VisitSchedule.fromLatestVisit(rules.get("CLA-VISIT"), new VisitSchedule.Placement(LocalDate.of(2022, 1, 10), false),
                LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 1), calendar);
        assertThat(notLongTerm.nextDue()).as("not intended to last until 18: still 6-weekly").isEqualTo(LocalDate.of(2024, 3, 14));
    }

    @Test
    void theInitialHealthAssessmentIsDueTwentyWorkingDaysAfterCareBeganSkippingEaster() {
        // Looked after from Thursday 28/03/2024: Good Friday 29/03 and Easter Monday 01/04 are not working days.
        Compliance c = HealthSchedule.evaluate(rules.get("CLA-HEALTH"), LocalDate.of(2024, 3, 28), LocalDate.of(2015, 6, 1), null,
                LocalDate.of(2024, 5, 1), calendar);
        assertThat(c.nextDue()).isEqualTo(LocalDate.of(2024, 4, 29));
        assertThat(c.overdueDays()).isEqualTo(2);
        assertThat(c.nextDueReason()).contains("initial health assessment");
    }

    @Test
    void reviewHealthAssessmentsAreSixMonthlyUnderFiveAndYearlyFromFive() {
        LocalDate from = LocalDate.of(2022, 1, 1);
        Compliance baby = HealthSchedule.evaluate(rules.get("CLA-HEALTH"), from, LocalDate.of(2021, 6, 1), LocalDate.of(2024, 1, 15),
                LocalDate.of(2024, 8, 1), calendar);
        assertThat(baby.nextDue()).isEqualTo(LocalDate.of(2024, 7, 15));
        assertThat(baby.overdueDays()).isEqualTo(17);
        Compliance older = HealthSchedule.evaluate(rules.get("CLA-HEALTH"), from, LocalDate.of(2012, 6, 1), LocalDate.of(2024, 1, 15),
                LocalDate.of(2024, 8, 1), calendar);
        assertThat(older.nextDue()).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(older.compliant()).isTrue();
    }

    @Test
    void anAdministratorsIntervalReplacesTheBundledOneOnlyForThatRegime() {
        TimescaleRules changed = rules.withInterval("CLA-VISIT", "firstYear", new Interval(4, Interval.Unit.WEEKS));
        assertThat(changed.get("CLA-VISIT").interval("firstYear")).isEqualTo(new Interval(4, Interval.Unit.WEEKS));
        assertThat(changed.get("CLA-VISIT").interval("first")).isEqualTo(rules.get("CLA-VISIT").interval("first"));
        assertThat(rules.get("CLA-VISIT").interval("firstYear")).as("the bundled rules are unchanged").isEqualTo(new Interval(6, Interval.Unit.WEEKS));
        var placement = new VisitSchedule.Placement(LocalDate.of(2024, 1, 10), false);
        assertThat(VisitSchedule.fromLatestVisit(changed.get("CLA-VISIT"), placement, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1), calendar)
                .nextDue()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void rulesSayWhatDataMeasuresThem() {
        assertThat(rules.get("CLA-VISIT").measured()).isTrue();
        assertThat(rules.get("CLA-VISIT").measuredFrom()).contains("Annex A list 8");
        assertThat(rules.get("CLA-PEP").measured()).isFalse();
    }
}
