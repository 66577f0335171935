package org.oversight.improvement.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Small text helpers shared by the layouts and renderers. */
final class Text {

    private Text() {
    }

    static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Joins the non-blank parts with the separator. */
    static String joinNonBlank(String separator, String... parts) {
        return Arrays.stream(parts).filter(Text::hasText).map(String::strip).collect(Collectors.joining(separator));
    }

    /** Wraps text in typographic double quotes unless it already is quoted. */
    static String quoted(String s) {
        String t = orEmpty(s).strip();
        if (t.startsWith("\u201C") || t.startsWith("\"") || t.startsWith("'") || t.startsWith("\u2018")) {
            return t;
        }
        return "\u201C" + t + "\u201D";
    }

    /**
     * Removes characters that XML 1.0 (and so DOCX and the XHTML parsed for PDF) cannot hold: C0
     * controls other than tab, newline and carriage return, unpaired surrogates, U+FFFE and U+FFFF.
     */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(ch)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(ch).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(ch)) {
                ok = false;
            } else {
                ok = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
            }
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.append(ch);
            }
        }
        return out == null ? s : out.toString();
    }
}
