package org.oversight.compliance.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.oversight.shared.Dates;
import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * Health assessments of a child in care (CPPCR 2010 reg 7): the initial assessment within {@code first} (20 working
 * days) of becoming looked after, so it is ready for the first review; then a review assessment every {@code underFive}
 * (6 months) before the child's 5th birthday and every {@code fiveAndOver} (12 months) from it. Only the latest
 * assessment is known (Annex A list 8), so the history is that one assessment.
 */
public final class HealthSchedule {

    private HealthSchedule() {
    }

    public static Compliance evaluate(TimescaleRule rule, LocalDate lookedAfterFrom, LocalDate dob, LocalDate lastAssessment, LocalDate asOf,
                                      WorkingDayCalendar calendar) {
        if (lastAssessment == null || lastAssessment.isBefore(lookedAfterFrom)) {
            LocalDate due = rule.interval("first").after(lookedAfterFrom, calendar);
            return new Compliance(rule.id(), List.of(), due, "initial health assessment: " + rule.interval("first").words()
                    + " after becoming looked after on " + Dates.format(lookedAfterFrom), asOf);
        }
        boolean underFive = dob != null && Period.between(dob, lastAssessment).getYears() < 5;
        String regime = underFive ? "underFive" : "fiveAndOver";
        // The regime is the child's age at the assessment: one due after a 5th birthday still follows the under-fives' interval.
        LocalDate due = rule.interval(regime).after(lastAssessment, calendar);
        return new Compliance(rule.id(), List.of(), due, "review health assessment: " + rule.interval(regime).words()
                + " after the assessment of " + Dates.format(lastAssessment) + (underFive ? " (under 5)" : " (5 or over)"), asOf);
    }
}
