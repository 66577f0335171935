package org.oversight.childdata.cin;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date field as it appears in a CIN census file: the text (trimmed) and, when the text is a valid {@code xs:date}
 * ({@code yyyy-mm-dd}, optionally with a time zone that is ignored), the date it names. A value that is present but not a
 * valid date keeps its text, so that errors can quote it, and has no {@link #date()}: the DfE rules treat it as missing.
 */
public final class CinDate {

    private final String text;
    private final LocalDate date;

    private CinDate(String text, LocalDate date) {
        this.text = text;
        this.date = date;
    }

    /** A valid date, written as {@code yyyy-mm-dd}. */
    public static CinDate of(LocalDate date) {
        if (date == null) {
            throw new IllegalArgumentException("date is required");
        }
        return new CinDate(date.toString(), date);
    }

    /** The value of a date element as read; never null (an empty element gives an empty, invalid value). */
    public static CinDate parse(String text) {
        String t = text == null ? "" : text.strip();
        return new CinDate(t, parseIso(t));
    }

    /** The text as read (trimmed); {@code yyyy-mm-dd} for a date made with {@link #of}. */
    public String text() {
        return text;
    }

    /** The date, or null when the text is not a valid date. */
    public LocalDate date() {
        return date;
    }

    public boolean isValid() {
        return date != null;
    }

    /** The date of a possibly absent value: null when absent or invalid (pandas' NaT). */
    static LocalDate dateOf(CinDate value) {
        return value == null ? null : value.date;
    }

    private static LocalDate parseIso(String t) {
        int n = t.length();
        if (n < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return null;
        }
        if (n > 10 && !isTimeZone(t.substring(10))) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isTimeZone(String zone) {
        if (zone.equals("Z")) {
            return true;
        }
        return zone.length() == 6 && (zone.charAt(0) == '+' || zone.charAt(0) == '-') && zone.charAt(3) == ':'
                && digits(zone, 1, 3) >= 0 && digits(zone, 4, 6) >= 0;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CinDate other && other.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
