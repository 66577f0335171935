package org.oversight.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** How Oversight shows dates and times to people: dd/mm/yyyy, times in Europe/London. */
public final class Dates {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.UK);
    /** GOV.UK style for reading on a page: "6 April 2020". */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Dates() {
    }

    public static String format(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A date as GOV.UK pages write it: "6 April 2020" (CSV files and date inputs keep dd/mm/yyyy). */
    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** A moment as GOV.UK pages write it, in Europe/London: "6 April 2020 at 2:05pm". */
    public static String dayTime(java.time.Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = ZonedDateTime.ofInstant(instant, LONDON);
        String time = DateTimeFormatter.ofPattern("h:mma", Locale.UK).format(at).toLowerCase(Locale.UK);
        return DAY.format(at) + " at " + time;
    }

    public static String format(TemporalAccessor instantLike) {
        if (instantLike == null) {
            return "";
        }
        if (instantLike instanceof java.time.Instant instant) {
            return DATE_TIME.format(ZonedDateTime.ofInstant(instant, LONDON));
        }
        if (instantLike instanceof java.time.OffsetDateTime odt) {
            return DATE_TIME.format(odt.atZoneSameInstant(LONDON));
        }
        if (instantLike instanceof LocalDate date) {
            return format(date);
        }
        return DATE_TIME.format(instantLike);
    }
}
