package org.oversight.reports.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the top-level items of a list that follows a heading, such as "What needs to improve?",
 * "Recommendations", "Areas for improvement", "Areas for priority action" or "Priority and
 * immediate action".
 *
 * <p>Layout facts relied on (checked on 2014 to 2026 reports and letters):
 * <ul>
 *   <li>items start with a bullet glyph (often a private-use glyph such as U+F06E or U+F0B7 in the
 *       text layer, or U+25FC) or with a paragraph number "12." that continues the report's
 *       numbering; dashes and deeper-indented bullets are sub-items and belong to their parent;</li>
 *   <li>an item's continuation lines are indented under the item text (hanging indent) or follow it
 *       at normal line spacing; a line at the item's own indent after a paragraph gap is a
 *       sub-heading (e.g. "Quality of practice" in SIF reports) and is not part of an item;</li>
 *   <li>the list ends at the next heading: a bold or larger line when layout is known, otherwise a
 *       line from the usual Ofsted heading vocabulary;</li>
 *   <li>page numbers, running heads and footnotes (smaller type) interrupt lists across pages and
 *       are skipped.</li>
 * </ul>
 */
final class ListSection {

    /** Characters used as bullets in Ofsted documents (including private-use glyphs). */
    private static final Pattern BULLET = Pattern.compile(
            "^(?:[\\u2022\\u25CF\\u25AA\\u25A0\\u25FC\\u25FE\\u25E6\\u2023\\u2043\\u27A2\\u00B7\\u25BA\\u25B6\\u2219\\uE000-\\uF8FF]\\s*"
                    + "|[*o]\\s+)(?=\\S)");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,3})\\.\\s+(?=\\S)");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(page\\s+)?\\d{1,3}(\\s+of\\s+\\d{1,3})?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NONE = Pattern.compile(
            "^(there (are|were) no\\b|the inspection did not (find|identify) any\\b|no areas (were|have been) identified"
                    + "|no (areas for )?priority actions?\\b|none\\.?$|not applicable)",
            Pattern.CASE_INSENSITIVE);
    /** Ofsted's section headings: a list never runs on past one of them. */
    private static final String SECTIONS = "what needs to improve.*|what does the .{2,40} need to improve\\??|recommendations|areas for improvement"
                    + "|areas? for priority action|priority and immediate action|findings|main findings|headline findings"
                    + "|overview|key strengths|strengths|(multi-agency |single agency )?strengths|case study.*|practice study.*"
                    + "|next steps|the local authority.s strengths|summary for children and young people"
                    + "|information about this .*|progress since the last inspection|the experiences and progress of .*"
                    + "|the impact of leaders .*|overall effectiveness.*|summary of findings|executive summary"
                    + "|inspection judgements about .*|yours sincerely";
    private static final Pattern SECTION_HEADING = Pattern.compile("^(" + SECTIONS + ")[:?]?\\s*\\d?$", Pattern.CASE_INSENSITIVE);
    /** Heading vocabulary used when no layout is available (plain-text input). */
    private static final Pattern KNOWN_HEADING = Pattern.compile("^(" + SECTIONS + "|leadership and management)\\s*\\d?$",
            Pattern.CASE_INSENSITIVE);

    private ListSection() {
    }

    /**
     * The items of one list.
     *
     * @param explicitlyNone the list said there are none ("There are no areas for priority action")
     * @param prose          the heading is followed by prose, not a list
     * @param ended          the list ended at a heading (false when it ran to the end of the text read)
     */
    record Items(List<String> items, boolean explicitlyNone, boolean prose, boolean ended, int headingIndex) {
    }

    /**
     * Finds the first line (from {@code fromIndex}) that is a heading matching {@code heading} and has a list
     * (or says there is none) after it, and reads that list; a heading with nothing after it (a contents page
     * entry, a sentence that happens to match) is passed over when a later one has a list. Empty when no such
     * heading exists.
     */
    static Optional<Items> read(DocumentText doc, Pattern heading, int fromIndex) {
        return read(doc, heading, fromIndex, doc.lines().size());
    }

    /** As {@link #read(DocumentText, Pattern, int)}, for a heading before line {@code toIndex}. */
    static Optional<Items> read(DocumentText doc, Pattern heading, int fromIndex, int toIndex) {
        List<TextLine> lines = doc.lines();
        Items first = null;
        for (int i = Math.max(0, fromIndex); i < Math.min(toIndex, lines.size()); i++) {
            String t = lines.get(i).text();
            if (t.length() <= 90 && heading.matcher(t).matches() && !doc.isSmallPrint(lines.get(i))
                    && !Character.isLowerCase(t.charAt(0))) {
                Items items = readAfter(doc, i);
                if (!items.items().isEmpty() || items.explicitlyNone()) {
                    return Optional.of(items);
                }
                if (first == null || first.ended() && !first.prose() && items.prose()) {
                    first = items;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    static boolean isHeading(DocumentText doc, TextLine line) {
        String t = line.text();
        if (isItemStart(t) || PAGE_NUMBER.matcher(t).matches()) {
            return false;
        }
        if (doc.hasLayout()) {
            return doc.looksLikeHeadingByLayout(line) && t.length() < 120;
        }
        return KNOWN_HEADING.matcher(t).matches();
    }

    private static boolean isItemStart(String t) {
        return BULLET.matcher(t).find() || NUMBERED.matcher(t).find();
    }

    private static Items readAfter(DocumentText doc, int headingIndex) {
        List<TextLine> lines = doc.lines();
        List<StringBuilder> items = new ArrayList<>();
        boolean none = false;
        Integer lastNumber = null;
        Float itemX = null;
        TextLine previous = lines.get(headingIndex);
        boolean inItem = false;
        boolean sawText = false;
        boolean ended = false;
        for (int i = headingIndex + 1; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            String t = line.text();
            if (skippable(doc, line)) {
                continue;
            }
            if (isHeading(doc, line)) {
                if (isSubHeading(doc, i)) {
                    inItem = false;
                    previous = line;
                    continue;
                }
                ended = true;
                break;
            }
            Matcher bullet = BULLET.matcher(t);
            Matcher numbered = NUMBERED.matcher(t);
            boolean deeper = itemX != null && line.hasLayout() && line.x() > itemX + 6;
            String itemText = null;
            if (bullet.find() && !deeper) {
                itemText = t.substring(bullet.end());
            } else if (numbered.find() && !deeper) {
                int number = Integer.parseInt(numbered.group(1));
                if (lastNumber == null || number == lastNumber + 1) {
                    lastNumber = number;
                    itemText = t.substring(numbered.end());
                }
            }
            if (itemText != null) {
                if (NONE.matcher(itemText).find() && items.isEmpty()) {
                    none = true;
                    inItem = false;
                } else {
                    items.add(new StringBuilder(itemText));
                    inItem = true;
                    if (itemX == null && line.hasLayout()) {
                        itemX = line.x();
                    }
                }
            } else if (inItem && isContinuation(doc, previous, line, itemX)) {
                items.getLast().append(' ').append(t);
            } else if (items.isEmpty() && NONE.matcher(t).find()) {
                none = true;
            } else if (!items.isEmpty() && !inItem && !doc.hasLayout() && looksLikeParagraph(t)) {
                ended = true;
                break; // plain text: prose after the list ends it
            } else {
                inItem = false;
                sawText = sawText || items.isEmpty();
            }
            previous = line;
        }
        List<String> out = items.stream().map(b -> Text.cleanItem(b.toString())).filter(s -> !s.isBlank()).toList();
        return new Items(out, none && out.isEmpty(), out.isEmpty() && !none && sawText, ended, headingIndex);
    }

    /**
     * A heading inside the list: not one of Ofsted's section headings, and followed at once by a bulleted item
     * (the 2016 to 2019 JTAI letters group their areas for improvement under "Leadership and management" and
     * similar sub-headings).
     */
    private static boolean isSubHeading(DocumentText doc, int index) {
        List<TextLine> lines = doc.lines();
        if (SECTION_HEADING.matcher(Text.normalise(lines.get(index).text())).matches()) {
            return false;
        }
        for (int j = index + 1; j < lines.size(); j++) {
            if (!skippable(doc, lines.get(j))) {
                return BULLET.matcher(lines.get(j).text()).find();
            }
        }
        return false;
    }

    private static boolean skippable(DocumentText doc, TextLine line) {
        String t = line.text();
        return t.isBlank() || PAGE_NUMBER.matcher(t).matches() || doc.isSmallPrint(line);
    }

    private static boolean isContinuation(DocumentText doc, TextLine previous, TextLine line, Float itemX) {
        if (!line.hasLayout()) {
            return !previous.isBlank();
        }
        if (itemX != null && line.x() > itemX + 2) {
            return true;
        }
        if (line.page() != previous.page()) {
            return false;
        }
        float gap = line.y() - previous.y();
        return gap > 0 && gap <= line.fontSize() * 1.45f;
    }

    private static boolean looksLikeParagraph(String t) {
        return t.length() > 60 && Character.isUpperCase(t.charAt(0));
    }

}
