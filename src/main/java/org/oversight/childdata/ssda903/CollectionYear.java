package org.oversight.childdata.ssda903;

import java.time.LocalDate;

/** An SSDA903 collection year, 1 April to 31 March. {@code of(2026)} is 2026-27. */
public record CollectionYear(LocalDate start, LocalDate end) {

    public static CollectionYear of(int startYear) {
        return new CollectionYear(LocalDate.of(startYear, 4, 1), LocalDate.of(startYear + 1, 3, 31));
    }

    /** The 2026-27 collection, the year whose rules and codes this package implements. */
    public static CollectionYear current() {
        return of(2026);
    }

    @Override
    public String toString() {
        return start.getYear() + "-" + String.valueOf(end.getYear()).substring(2);
    }
}
