package org.oversight.childdata.ssda903;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * SSDA903 dates: day/month/year with a 4-digit year, read as DfE's rules read them (a 1- or 2-digit day and month,
 * so 1/2/2024 is 1 February 2024; 31/02/2024 and 2024-02-01 are not dates), and written dd/mm/yyyy.
 */
public final class Dates {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** Parses d/m/yyyy or dd/mm/yyyy; null if blank or not a real date. */
    public static LocalDate parse(String s) {
        return org.oversight.childdata.ssda903.rules.RuleDates.parse(s);
    }

    public static String format(LocalDate d) {
        return d == null ? "" : FORMAT.format(d);
    }
}
