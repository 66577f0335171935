package org.oversight.reports.extract;

import java.time.LocalDate;
import java.util.Objects;

/** An inclusive range of on-site days. A one-day visit has {@code start.equals(end)}. */
public record DateRange(LocalDate start, LocalDate end) {
    public DateRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    /** "05/12/2022 to 09/12/2022", as messages show it. */
    @Override
    public String toString() {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        return start.equals(end) ? f.format(start) : f.format(start) + " to " + f.format(end);
    }
}
