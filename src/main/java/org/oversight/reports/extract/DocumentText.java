package org.oversight.reports.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The text of a document as lines, plus the body font size (the most common line font size),
 * which lets the parsers tell headings and small print from body text when layout is known.
 */
record DocumentText(List<TextLine> lines, float bodyFontSize) {

    DocumentText {
        lines = List.copyOf(lines);
    }

    static DocumentText of(List<TextLine> lines) {
        Map<Float, Integer> counts = new HashMap<>();
        for (TextLine l : lines) {
            if (l.hasLayout() && l.text().length() > 30) {
                counts.merge(Math.round(l.fontSize() * 2) / 2f, 1, Integer::sum);
            }
        }
        float body = counts.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(0f);
        return new DocumentText(lines, body);
    }

    boolean hasLayout() {
        return bodyFontSize > 0;
    }

    /** All text joined by newlines. */
    String fullText() {
        return lines.stream().map(TextLine::text).collect(Collectors.joining("\n"));
    }

    /** Text of the given pages (1-based, inclusive), joined by newlines. */
    String pagesText(int fromPage, int toPage) {
        return lines.stream()
                .filter(l -> l.page() >= fromPage && l.page() <= toPage)
                .map(TextLine::text)
                .collect(Collectors.joining("\n"));
    }

    /** True when the line is in a clearly smaller font than the body (footnotes, running heads). */
    boolean isSmallPrint(TextLine line) {
        return hasLayout() && line.hasLayout() && line.fontSize() < bodyFontSize * 0.88f;
    }

    /** True when the line looks like a heading by layout: bold, or larger than the body text. */
    boolean looksLikeHeadingByLayout(TextLine line) {
        return hasLayout() && line.hasLayout()
                && (line.bold() || line.fontSize() > bodyFontSize * 1.12f);
    }
}
