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

    /**
     * Any date or moment as GOV.UK pages write it: a date "6 April 2020", a moment "6 April 2020 at 2:05pm" (Europe/London).
     * For templates, which hold dates of several types (LocalDate, Instant, OffsetDateTime, Timestamp).
     */
    public static String day(Object value) {
        return switch (value) {
            case null -> "";
            case LocalDate date -> day(date);
            case java.time.Instant instant -> dayTime(instant);
            case java.time.OffsetDateTime odt -> dayTime(odt.toInstant());
            case ZonedDateTime zdt -> dayTime(zdt.toInstant());
            case java.time.LocalDateTime ldt -> dayTime(ldt.atZone(LONDON).toInstant());
            case java.sql.Date date -> day(date.toLocalDate());
            case java.util.Date date -> dayTime(date.toInstant());
            default -> throw new IllegalArgumentException("Not a date: " + value.getClass().getName());
        };
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
