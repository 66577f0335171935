package org.oversight.compliance.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.shared.calendar.BankHolidays;
import org.oversight.shared.calendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples of the review and visit rules, across bank holidays and placement changes. */
class TimescaleScheduleTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(BankHolidays.fromClasspath());
    private final TimescaleRules rules = TimescaleRules.bundled();

    @Test
    void everyRuleHasAStatementACitationAndItsIntervals() {
        assertThat(rules.all()).extracting(TimescaleRule::id).contains("CLA-REVIEW", "CLA-VISIT", "CLA-HEALTH", "CLA-PEP",
                "CL-NEEDS-ASSESSMENT", "CL-PATHWAY-REVIEW", "CL-KEEPING-IN-TOUCH");
        assertThat(rules.get("CLA-REVIEW").interval("first")).isEqualTo(new Interval(20, Interval.Unit.WORKING_DAYS));
        assertThat(rules.get("CLA-VISIT").configurable()).isTrue();
        assertThat(rules.all()).allSatisfy(r -> assertThat(r.citation()).isNotBlank());
    }

    @Test
    void theFirstReviewIsDueTwentyWorkingDaysOnLeavingOutChristmasAndNewYear() {
        // Looked after from Monday 18/12/2023: 25 and 26 December and 1 January are not working days.
        Compliance c = ReviewSchedule.evaluate(rules.get("CLA-REVIEW"), LocalDate.of(2023, 12, 18),
                List.of(LocalDate.of(2024, 1, 18), LocalDate.of(2024, 4, 25), LocalDate.of(2024, 10, 1)), LocalDate.of(2025, 1, 1), calendar);
        assertThat(c.history()).extracting(Compliance.Due::due)
                .containsExactly(LocalDate.of(2024, 1, 18), LocalDate.of(2024, 4, 18), LocalDate.of(2024, 10, 25));
        assertThat(c.history().get(0).onTime()).isTrue();
        assertThat(c.history().get(1).daysLate()).as("second review a week late").isEqualTo(7);
        assertThat(c.history().get(2).onTime()).isTrue();
        assertThat(c.nextDue()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(c.lateEvents()).isEqualTo(1);
        assertThat(c.compliant()).isFalse();
        assertThat(c.overdueDays()).isZero();
    }

    @Test
    void aMissingReviewIsOverdueFromItsDueDate() {
        // Looked after from 25/03/2024; Good Friday and Easter Monday 2024 push the first review to 24/04/2024.
        Compliance c = ReviewSchedule.evaluate(rules.get("CLA-REVIEW"), LocalDate.of(2024, 3, 25), List.of(), LocalDate.of(2024, 5, 4), calendar);
        assertThat(c.nextDue()).isEqualTo(LocalDate.of(2024, 4, 24));
        assertThat(c.overdueDays()).isEqualTo(10);
        assertThat(c.nextDueReason()).contains("20 working days").contains("25/03/2024");
    }

    @Test
    void aNewPlacementRestartsTheVisitClock() {
        List<VisitSchedule.Placement> placements = List.of(new VisitSchedule.Placement(LocalDate.of(2024, 3, 1), false),
                new VisitSchedule.Placement(LocalDate.of(2024, 4, 1), false));
        Compliance c = VisitSchedule.evaluate(rules.get("CLA-VISIT"), placements,
                List.of(LocalDate.of(2024, 3, 7), LocalDate.of(2024, 4, 10)), LocalDate.of(2024, 4, 20), calendar);
        // First placement: visit due 08/03/2024 (done 07/03); second placement from 01/04: due 08/04, done 10/04 (2 days late).
        assertThat(c.history()).extracting(Compliance.Due::due).containsExactly(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 4, 8));
        assertThat(c.history().get(0).onTime()).isTrue();
        assertThat(c.history().get(1).daysLate()).isEqualTo(2);
        assertThat(c.nextDue()).as("6 weeks after the visit of 10/04/2024").isEqualTo(LocalDate.of(2024, 5, 22));
    }

    @Test
    void aLongTermPlacementMovesToThreeMonthlyVisitsAfterItsFirstYear() {
        List<VisitSchedule.Placement> placements = List.of(new VisitSchedule.Placement(LocalDate.of(2022, 1, 10), true));
        Compliance c = VisitSchedule.evaluate(rules.get("CLA-VISIT"), placements, List.of(LocalDate.of(2023, 2, 1)),
                LocalDate.of(2023, 3, 1), calendar);
        assertThat(c.nextDue()).isEqualTo(LocalDate.of(2023, 5, 1));
        assertThat(c.nextDueReason()).contains("3 months").contains("long-term");
        var shortTerm = VisitSchedule.evaluate(rules.get("CLA-VISIT"), List.of(new VisitSchedule.Placement(LocalDate.of(2022, 1, 10), false)),
                List.of(LocalDate.of(2023, 2, 1)), LocalDate.of(2023, 3, 1), calendar);
        assertThat(shortTerm.nextDue()).isEqualTo(LocalDate.of(2023, 3, 15));
    }

    @Test
    void aVisitMissedBeforeAPlacementEndedIsRecorded() {
        List<VisitSchedule.Placement> placements = List.of(new VisitSchedule.Placement(LocalDate.of(2024, 1, 1), false),
                new VisitSchedule.Placement(LocalDate.of(2024, 3, 1), false));
        Compliance c = VisitSchedule.evaluate(rules.get("CLA-VISIT"), placements, List.of(), LocalDate.of(2024, 3, 2), calendar);
        assertThat(c.history()).hasSize(1);
        assertThat(c.history().getFirst().done()).isNull();
        assertThat(c.history().getFirst().due()).isEqualTo(LocalDate.of(2024, 1, 8));
        assertThat(c.nextDue()).isEqualTo(LocalDate.of(2024, 3, 8));
    }
}
