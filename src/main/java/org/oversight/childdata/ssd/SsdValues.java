package org.oversight.childdata.ssd;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/** Reading one value of an SSD extract: dates as case-management systems write them, whole and decimal numbers. */
final class SsdValues {

    private SsdValues() {
    }

    /**
     * A date written {@code yyyy-mm-dd} or {@code dd/mm/yyyy}, optionally followed by a time ({@code 2024-04-01 00:00:00.000},
     * {@code 2024-04-01T09:30}), as SQL Server and spreadsheets export them; null when it is not a real date.
     */
    static LocalDate date(String text) {
        String t = text.strip();
        int cut = indexOfTime(t);
        if (cut > 0) {
            t = t.substring(0, cut);
        }
        try {
            if (t.length() == 10 && t.charAt(4) == '-' && t.charAt(7) == '-') {
                return LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10));
            }
            if (t.length() == 10 && t.charAt(2) == '/' && t.charAt(5) == '/') {
                return LocalDate.of(digits(t, 6, 10), digits(t, 3, 5), digits(t, 0, 2));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static int indexOfTime(String t) {
        if (t.length() <= 10) {
            return -1;
        }
        char c = t.charAt(10);
        return c == ' ' || c == 'T' ? 10 : -1;
    }

    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(t);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** A whole number as digits, or null. */
    static String integer(String text) {
        String t = text.strip();
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        try {
            return Integer.toString(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A decimal number, or null. */
    static String decimal(String text) {
        try {
            return new BigDecimal(text.strip()).toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
