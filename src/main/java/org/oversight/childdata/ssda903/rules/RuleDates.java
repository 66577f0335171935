package org.oversight.childdata.ssda903.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Reading values the way the DfE rules do (pandas' to_datetime with format "%d/%m/%Y", to_numeric). */
public final class RuleDates {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private RuleDates() {
    }

    /**
     * A day/month/year date with a 1- or 2-digit day and month and a 4-digit year (Python's strptime "%d/%m/%Y", which
     * the DfE rules use); null if blank or not a real date.
     */
    public static LocalDate parse(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n < 8 || n > 10) {
            return null;
        }
        int a = s.indexOf('/');
        int b = a < 0 ? -1 : s.indexOf('/', a + 1);
        if (a < 1 || a > 2 || b - a < 2 || b - a > 3 || n - b != 5) {
            return null;
        }
        int d = digits(s, 0, a);
        int m = digits(s, a + 1, b);
        int y = digits(s, b + 1, n);
        if (d < 1 || m < 1 || y < 1) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
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

    /** A number, or NaN if blank or not a number. */
    public static double number(String s) {
        if (s == null || s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public static String format(LocalDate d) {
        return d == null ? "" : OUT.format(d);
    }

    /** a &lt; b, false if either is missing (as pandas compares NaT). */
    public static boolean lt(LocalDate a, LocalDate b) {
        return a != null && b != null && a.isBefore(b);
    }

    public static boolean le(LocalDate a, LocalDate b) {
        return a != null && b != null && !a.isAfter(b);
    }

    public static boolean gt(LocalDate a, LocalDate b) {
        return a != null && b != null && a.isAfter(b);
    }

    public static boolean ge(LocalDate a, LocalDate b) {
        return a != null && b != null && !a.isBefore(b);
    }

    public static boolean eq(LocalDate a, LocalDate b) {
        return a != null && a.equals(b);
    }

    /** a != b as pandas compares dates: true if either is missing. */
    public static boolean ne(LocalDate a, LocalDate b) {
        return a == null || !a.equals(b);
    }

    public static LocalDate plusYears(LocalDate d, int years) {
        return d == null ? null : d.plusYears(years);
    }
}
