package org.oversight.reports.extract;

import java.util.regex.Pattern;

/** Small text helpers shared by the parsers. */
final class Text {

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200b\\ufeff]+");
    private static final Pattern HYPHEN_BREAK = Pattern.compile("(\\p{L})- (\\p{Ll})");

    private Text() {
    }

    /** Collapses whitespace (every Unicode space) and normalises curly single quotes to straight ones. */
    static String normalise(String s) {
        return SPACES.matcher(s.replace('\u2019', '\'').replace('\u2018', '\''))
                .replaceAll(" ").strip();
    }

    /** Like {@link #normalise} but keeps line breaks (whitespace inside lines collapsed). */
    static String normaliseKeepLines(String s) {
        StringBuilder out = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            out.append(normalise(line)).append('\n');
        }
        return out.toString();
    }

    /** Cleans one list item: whitespace, words hyphenated across a line break, sub-bullet dashes kept. */
    static String cleanItem(String s) {
        String t = SPACES.matcher(s).replaceAll(" ").strip();
        t = HYPHEN_BREAK.matcher(t).replaceAll("$1-$2");
        return t;
    }
}
