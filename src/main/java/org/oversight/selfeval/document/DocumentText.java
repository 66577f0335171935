package org.oversight.selfeval.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.oversight.selfeval.Area;
import org.oversight.shared.Dates;

/** The words every format of the self-evaluation shares, so DOCX, PDF and HTML say the same. */
final class DocumentText {

    static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static final String KNOW = "What do we know about the quality and impact of social work practice with children and families?";
    static final String HOW = "How do we know it?";
    static final String PLANS = "What are our plans to maintain or improve practice?";

    private DocumentText() {
    }

    static String area(Area area) {
        return switch (area) {
            case LEADERS -> "The impact of leaders on social work practice with children and families";
            case HELP_AND_PROTECTION -> "The experiences and progress of children who need help and protection";
            case IN_CARE -> "The experiences and progress of children in care";
            case CARE_LEAVERS -> "The experiences and progress of care leavers";
        };
    }

    private static final java.util.ResourceBundle MESSAGES = java.util.ResourceBundle.getBundle("messages", Locale.UK);

    /** A theme's name, as the pages show it. */
    static String theme(org.oversight.selfeval.Theme theme) {
        return MESSAGES.getString(theme.messageKey());
    }

    /** A figure of a trend: "82%" for a percentage citation, else the number. */
    static String value(org.oversight.selfeval.SelfEvaluationViews.Citation c, java.math.BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString() + (c.valueText().endsWith("%") ? "%" : "");
    }

    /** What a citation says of its trend: the move in words, or why there is none. */
    static String trend(org.oversight.selfeval.SelfEvaluationViews.Citation c) {
        if (!c.trendKept()) {
            return "Trend not kept: cited before Oversight kept a figure's trend.";
        }
        return c.trendText().isEmpty() ? "" : "Trend: " + c.trendText() + ".";
    }

    /** The comparisons as cited, e.g. "Statistical neighbours: Not held. England: Not held." */
    static String benchmarks(org.oversight.selfeval.SelfEvaluationViews.Citation c) {
        StringBuilder out = new StringBuilder();
        for (var b : c.benchmarks()) {
            out.append(out.isEmpty() ? "" : " ").append(b.name()).append(": ").append(b.valueText()).append('.');
        }
        return out.toString();
    }

    static String date(LocalDate d) {
        return d == null ? "" : d.format(LONG);
    }

    static String date(Instant i) {
        return i == null ? "" : i.atZone(Dates.LONDON).toLocalDate().format(LONG);
    }

    /** Paragraphs of an answer: blank lines (or single line breaks) separate them. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String p : text.split("\\R")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }
}
