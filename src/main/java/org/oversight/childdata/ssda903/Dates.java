package org.oversight.childdata.ssda903;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** Strict dd/mm/yyyy dates, as SSDA903 CSV files use. */
public final class Dates {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SHAPE = Pattern.compile("\\d{2}/\\d{2}/\\d{4}");

    private Dates() {
    }

    /** Parses dd/mm/yyyy strictly (31/02/2024 and 1/2/2024 are both rejected); null if not a valid date. */
    public static LocalDate parse(String s) {
        if (s == null || !SHAPE.matcher(s).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(s, FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String format(LocalDate d) {
        return d == null ? "" : FORMAT.format(d);
    }
}
