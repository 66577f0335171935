package org.oversight.reports.extract;

import java.util.Locale;
import java.util.Optional;

/**
 * Ofsted's four-point scale. Reports print "Requires improvement to be good"; older SIF reports
 * print "Requires improvement" or "Require improvement": all three map to {@link #REQUIRES_IMPROVEMENT}.
 */
public enum Grade {
    OUTSTANDING("outstanding"),
    GOOD("good"),
    REQUIRES_IMPROVEMENT("requires improvement"),
    INADEQUATE("inadequate");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    /** Lower-case label used in CSV output, e.g. {@code requires improvement}. */
    public String label() {
        return label;
    }

    /** Parses a printed grade phrase (case-insensitive); empty when it is not one of the four grades. */
    public static Optional<Grade> parse(String printed) {
        if (printed == null) {
            return Optional.empty();
        }
        String s = printed.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.startsWith("outstanding")) {
            return Optional.of(OUTSTANDING);
        }
        if (s.startsWith("good")) {
            return Optional.of(GOOD);
        }
        if (s.startsWith("requires improvement") || s.startsWith("require improvement")) {
            return Optional.of(REQUIRES_IMPROVEMENT);
        }
        if (s.startsWith("inadequate")) {
            return Optional.of(INADEQUATE);
        }
        return Optional.empty();
    }
}
