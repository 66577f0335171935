package org.oversight.improvement.report;

/**
 * Escapes text for HTML/XHTML element content and double-quoted attribute values. The output is also
 * well-formed XML (the PDF renderer parses the page as XHTML), so characters XML cannot carry are
 * dropped rather than passed through.
 */
final class HtmlEscaper {

    private HtmlEscaper() {
    }

    /** Escapes {@code & < > " '}; {@code null} becomes the empty string. */
    static String escape(String s) {
        String safe = Text.xmlSafe(s);
        StringBuilder out = new StringBuilder(safe.length() + 16);
        for (int i = 0; i < safe.length(); i++) {
            char ch = safe.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
