package org.oversight.selfeval;

import java.util.ArrayList;
import java.util.List;

/**
 * The differences between two versions of a text, word by word (a longest-common-subsequence diff), so a reader sees
 * what an author changed. Long texts are compared paragraph by paragraph first, so the table stays small.
 */
public final class TextDiff {

    public enum Op { SAME, ADDED, REMOVED }

    public record Part(Op op, String text) {
    }

    /** Words per text above which the comparison is by paragraph (a self-evaluation section is a few hundred words). */
    static final int MAX_WORDS = 4000;

    private TextDiff() {
    }

    public static List<Part> diff(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        if (a.size() > MAX_WORDS || b.size() > MAX_WORDS) {
            a = List.of((before == null ? "" : before).split("(?<=\\n)"));
            b = List.of((after == null ? "" : after).split("(?<=\\n)"));
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Part> parts = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                add(parts, Op.SAME, a.get(i));
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                add(parts, Op.ADDED, b.get(j));
                j++;
            } else {
                add(parts, Op.REMOVED, a.get(i));
                i++;
            }
        }
        return parts;
    }

    public static boolean changed(List<Part> parts) {
        return parts.stream().anyMatch(p -> p.op() != Op.SAME);
    }

    /** Words with the white space after them, so joining the parts gives the text back. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static void add(List<Part> parts, Op op, String text) {
        if (!parts.isEmpty() && parts.getLast().op() == op) {
            Part last = parts.removeLast();
            parts.add(new Part(op, last.text() + text));
        } else {
            parts.add(new Part(op, text));
        }
    }
}
