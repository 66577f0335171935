package org.oversight.selfeval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The check a draft is read against before sign-off: a section not yet written; a claim about practice (a sentence that
 * judges it: "good", "effective", "timely", "weak", ...) in a section that cites no evidence; and a claim that
 * practice is good which the section's own evidence contradicts (a cited figure rated red). Pure: it reads only what
 * it is given.
 */
public final class DraftCheck {

    public enum Kind { NOT_WRITTEN, NO_EVIDENCE, CONTRADICTION }

    /** A cited figure as the check sees it. */
    public record Cited(String label, String valueText, Rating rating) {
    }

    /** A section's text and its citations. */
    public record Section(Area area, String know, String how, String plans, List<Cited> cited) {
    }

    /** One problem: in which area, what kind, the sentence concerned and the figure that contradicts it (if any). */
    public record Problem(Area area, Kind kind, String sentence, Cited evidence) {
    }

    private static final Pattern POSITIVE = Pattern.compile(
            "\\b(good|outstanding|strong|strengths?|effective(ly)?|excellent|timely|on time|robust|high[- ]quality|improved|improving|consistent(ly)?)\\b");
    private static final Pattern NEGATIVE = Pattern.compile(
            "\\b(weak(ness|nesses)?|poor|inadequate|requires improvement|declined|deteriorated|too slow|delays?|drift)\\b");
    /** Phrases that carry a positive word without claiming it ("requires improvement to be good", "not yet good"). */
    private static final Pattern NEGATED = Pattern.compile("\\b(requires improvement to be good"
            + "|not (?:yet |always |sufficiently |so |as |consistently )*(?:good|strong|effective(?:ly)?|timely|robust|consistent(?:ly)?|improved|improving)"
            + "|no longer (?:good|strong|effective|timely))\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\R+");

    private DraftCheck() {
    }

    public static List<Problem> check(List<Section> sections) {
        List<Problem> problems = new ArrayList<>();
        for (Section s : sections) {
            if (blank(s.know()) && blank(s.how()) && blank(s.plans())) {
                problems.add(new Problem(s.area(), Kind.NOT_WRITTEN, "", null));
                continue;
            }
            List<String> claims = new ArrayList<>();
            claims.addAll(sentences(s.know()));
            claims.addAll(sentences(s.how()));
            for (String sentence : claims) {
                boolean positive = claimsGood(sentence);
                boolean judges = positive || claimsPoor(sentence);
                if (!judges) {
                    continue;
                }
                if (s.cited().isEmpty()) {
                    problems.add(new Problem(s.area(), Kind.NO_EVIDENCE, sentence, null));
                    continue;
                }
                if (positive) {
                    for (Cited c : s.cited()) {
                        if (c.rating() == Rating.RED) {
                            problems.add(new Problem(s.area(), Kind.CONTRADICTION, sentence, c));
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Whether a sentence says practice is good (a positive judgement not negated). */
    static boolean claimsGood(String sentence) {
        String text = NEGATED.matcher(sentence.toLowerCase(Locale.UK)).replaceAll(" ");
        return POSITIVE.matcher(text).find();
    }

    static boolean claimsPoor(String sentence) {
        String lower = sentence.toLowerCase(Locale.UK);
        return NEGATIVE.matcher(lower).find() || NEGATED.matcher(lower).find();
    }

    static List<String> sentences(String text) {
        if (blank(text)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : SENTENCE_END.split(text.strip())) {
            String t = part.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
