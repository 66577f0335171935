package org.oversight.selfeval.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.oversight.shared.Dates;

/** Dates as the self-evaluation's pages show them, in GOV.UK style: "6 April 2020" (Europe/London). */
public final class PageDates {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private PageDates() {
    }

    public static String format(LocalDate date) {
        return date == null ? "" : date.format(LONG);
    }

    public static String format(Instant instant) {
        return instant == null ? "" : instant.atZone(Dates.LONDON).toLocalDate().format(LONG);
    }
}
