package org.oversight.compliance.domain;

import java.time.LocalDate;

import org.oversight.shared.calendar.WorkingDayCalendar;

/** A statutory interval: so many days, weeks, months or working days (England and Wales) after a date. */
public record Interval(int amount, Unit unit) {

    public enum Unit { DAYS, WEEKS, MONTHS, WORKING_DAYS }

    public Interval {
        if (amount <= 0) {
            throw new IllegalArgumentException("An interval must be positive: " + amount);
        }
    }

    /** The last day on which something counted from {@code from} is still in time. */
    public LocalDate after(LocalDate from, WorkingDayCalendar calendar) {
        return switch (unit) {
            case DAYS -> from.plusDays(amount);
            case WEEKS -> from.plusWeeks(amount);
            case MONTHS -> from.plusMonths(amount);
            case WORKING_DAYS -> calendar.addWorkingDays(from, amount);
        };
    }

    /** For people: "20 working days", "6 weeks", "3 months". */
    public String words() {
        String u = switch (unit) {
            case DAYS -> "day";
            case WEEKS -> "week";
            case MONTHS -> "month";
            case WORKING_DAYS -> "working day";
        };
        return amount + " " + u + (amount == 1 ? "" : "s");
    }
}
