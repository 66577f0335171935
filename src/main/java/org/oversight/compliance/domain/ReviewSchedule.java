package org.oversight.compliance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.oversight.shared.Dates;
import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * Looked-after children's reviews (CPPCR 2010 reg 33): the first within {@code first} (20 working days) of the date
 * the child became looked after, the second within {@code second} (3 months) of the first, then every {@code later}
 * (6 months). Each review's due date counts from the review before it, as held.
 */
public final class ReviewSchedule {

    private ReviewSchedule() {
    }

    public static Compliance evaluate(TimescaleRule rule, LocalDate lookedAfterFrom, List<LocalDate> reviews, LocalDate asOf,
                                      WorkingDayCalendar calendar) {
        List<LocalDate> held = reviews.stream().filter(r -> !r.isBefore(lookedAfterFrom)).sorted().toList();
        List<Compliance.Due> history = new ArrayList<>();
        LocalDate from = lookedAfterFrom;
        String reason = "first review: " + rule.interval("first").words() + " after becoming looked after on " + Dates.format(lookedAfterFrom);
        LocalDate due = rule.interval("first").after(from, calendar);
        for (int i = 0; i < held.size(); i++) {
            LocalDate review = held.get(i);
            history.add(new Compliance.Due(due, reason, review));
            String regime = i == 0 ? "second" : "later";
            reason = (i == 0 ? "second review: " : "next review: ") + rule.interval(regime).words() + " after the review of " + Dates.format(review);
            due = rule.interval(regime).after(review, calendar);
        }
        return new Compliance(rule.id(), List.copyOf(history), due, reason, asOf);
    }
}
