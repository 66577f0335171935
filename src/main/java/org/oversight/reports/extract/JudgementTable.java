package org.oversight.reports.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the judgement table on the first pages of an inspection report.
 *
 * <p>Layout facts relied on: each row starts with a fixed label opening ("The impact of leaders",
 * "The experiences and progress of", "Overall effectiveness"; SIF: numbered rows "1. Children who
 * need help and protection", "2. Children looked after and achieving permanence", "2.1 Adoption
 * performance", "2.2 Experiences and progress of care leavers", "3. Leadership, management and
 * governance"). The grade sits in a right-hand column, vertically centred on its label, so in
 * reading order it appears after the first line of its label and before the next label (labels
 * may wrap round it: "The impact of leaders on social work practice with children / Good / and
 * families"). Grades may wrap too ("Requires / improvement"). The table ends at the first line
 * that is neither a label, a grade nor a short label continuation.
 *
 * <p>Which judgement a row is comes from words in its label, not from its position, so the
 * 2018 to 2022 three-judgement table, the 2023 four-judgement table, the post-April-2026 table
 * without overall effectiveness and the SIF table are all read by the same code.
 */
final class JudgementTable {

    enum Row { OVERALL, LEADERS, HELP_AND_PROTECTION, IN_CARE, CARE_LEAVERS, SIF_ADOPTION, SIF_CARE_LEAVERS, UNKNOWN }

    private static final Pattern LABEL_START = Pattern.compile(
            "^(?:(?:the )?impact of leaders|(?:the )?experiences and progress of|overall effectiveness"
                    + "|the effectiveness of leaders"
                    + "|\\d(?:\\.\\d)?\\.?\\s+(?:children who need help and protection|children looked after"
                    + "|leadership, management and governance|adoption performance|experiences and progress of))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GRADE = Pattern.compile(
            "\\b(requires?\\s+improvement(?:\\s+to\\s+be\\s+good)?|outstanding|good|inadequate|not\\s+judged)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GRADE_WORDS = Pattern.compile(
            "^(?:(?:requires?|improvement|to|be|good|outstanding|inadequate|not|judged)\\.?\\s*)+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern GRADE_PREFIX = Pattern.compile(
            "^(requires?( improvement( to( be( good)?)?)?)?|not( judged)?|good|outstanding|inadequate)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_GRADE = Pattern.compile(
            "^(.*?\\S)\\s+((?:requires?\\s+improvement(?:\\s+to\\s+be\\s+good)?|outstanding|good|inadequate|not\\s+judged))\\.?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile("^judgements?\\s+grades?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAGE_NUMBER = Pattern.compile("^\\d{1,3}$");

    /** SIF overall judgement sentence, e.g. "The overall judgement is that children's services require improvement". */
    private static final Pattern SIF_OVERALL = Pattern.compile(
            "(?:overall judgement is (?:that )?(?:children's services? )?(?:are |is |requires? (?=improvement))?"
                    + "|children's services in .{2,100}? (?:are|is|require|requires) )"
                    + "(requires? improvement|improvement|good|outstanding|inadequate)",
            Pattern.CASE_INSENSITIVE);

    private JudgementTable() {
    }

    record Result(Map<Row, Grade> grades, boolean found, boolean sifLabels, List<String> warnings, Set<Row> notJudged) {
    }

    /** A table row: its label text and the vertical extent of the label lines. */
    private static final class LabelRow {
        final StringBuilder label;
        final int page;
        float minY;
        float maxY;
        final List<String> grades = new ArrayList<>();

        LabelRow(String text, int page, float y) {
            this.label = new StringBuilder(text);
            this.page = page;
            this.minY = y;
            this.maxY = y;
        }
    }

    /** A grade printed in the grade column, possibly wrapped over several lines. */
    private static final class GradeBlock {
        final StringBuilder text;
        final int page;
        final float minY;
        float maxY;
        final boolean column;

        GradeBlock(String text, int page, float y, boolean column) {
            this.text = new StringBuilder(text);
            this.page = page;
            this.minY = y;
            this.maxY = y;
            this.column = column;
        }

        float midY() {
            return (minY + maxY) / 2;
        }
    }

    static Result read(DocumentText doc) {
        List<TextLine> lines = doc.lines();
        List<String> warnings = new ArrayList<>();
        Map<Row, Grade> grades = new EnumMap<>(Row.class);
        int start = -1;
        for (int i = 0; i < lines.size() && lines.get(i).page() <= 3; i++) {
            // the label may be one chunk or split from its number ("1." | "Children who need help and protection")
            if (LABEL_START.matcher(lines.get(i).chunks().getFirst().text()).find()
                    || LABEL_START.matcher(Text.normalise(lines.get(i).text())).find()) {
                start = i;
                break;
            }
        }
        Set<Row> notJudged = EnumSet.noneOf(Row.class);
        if (start < 0) {
            return new Result(grades, false, false, warnings, notJudged);
        }
        TextLine first = lines.get(start);
        boolean layout = doc.hasLayout();
        float unit = layout ? Math.max(first.fontSize(), 6f) : 1f;
        float labelX = first.chunks().getFirst().x();
        float columnOffset = layout ? 60f : 12f;

        // a grade centred on a two-line label can come before the first label line in reading order
        int from = start;
        while (from > 0 && lines.get(from - 1).page() == first.page()
                && first.y() - lines.get(from - 1).y() <= 2 * unit
                && isGradeColumnLine(lines.get(from - 1), labelX + columnOffset)) {
            from--;
        }
        List<LabelRow> rows = new ArrayList<>();
        List<GradeBlock> blocks = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            String whole = Text.normalise(line.text());
            if (whole.isEmpty() || HEADER.matcher(whole).matches() || PAGE_NUMBER.matcher(whole).matches()
                    || doc.isSmallPrint(line) && !LABEL_START.matcher(whole).find()) {
                continue;
            }
            StringBuilder labelText = new StringBuilder();
            List<String> gradeChunks = new ArrayList<>();
            for (TextLine.Chunk c : line.chunks()) {
                String t = Text.normalise(c.text());
                boolean gradeOnly = GRADE_WORDS.matcher(t).matches();
                if (gradeOnly && (c.x() >= labelX + columnOffset || line.chunks().size() == 1 && !layout)) {
                    gradeChunks.add(t.replaceAll("\\.$", ""));
                } else {
                    labelText.append(labelText.isEmpty() ? "" : " ").append(t);
                }
            }
            String label = labelText.toString();
            Matcher trailing = TRAILING_GRADE.matcher(label);
            if (!label.isEmpty() && trailing.matches() && !GRADE_WORDS.matcher(label).matches()) {
                label = trailing.group(1);
                gradeChunks.add(0, trailing.group(2));
            }
            if (!label.isEmpty()) {
                if (LABEL_START.matcher(label).find()) {
                    if (!rows.isEmpty() && classify(rows.getLast().label.toString()) == Row.OVERALL) {
                        break; // overall effectiveness is the table's last row: a label-like line after it is prose
                    }
                    rows.add(new LabelRow(label, line.page(), line.y()));
                } else if (!rows.isEmpty() && label.split(" ").length <= 6
                        && rows.getLast().page == line.page() && line.y() - rows.getLast().maxY <= 3 * unit) {
                    rows.getLast().label.append(' ').append(label);
                    rows.getLast().maxY = line.y();
                } else {
                    break;
                }
            }
            for (String g : gradeChunks) {
                GradeBlock last = blocks.isEmpty() ? null : blocks.getLast();
                String merged = last == null ? null : last.text + " " + g;
                if (last != null && last.page == line.page() && line.y() - last.maxY <= 2f * unit
                        && GRADE_PREFIX.matcher(merged).matches() && !isComplete(last.text.toString(), g)) {
                    last.text.append(' ').append(g);
                    last.maxY = line.y();
                } else {
                    blocks.add(new GradeBlock(g, line.page(), line.y(), layout || line.chunks().size() > 1));
                }
            }
        }
        for (GradeBlock b : blocks) {
            LabelRow target = b.column ? nearestRow(rows, b, unit) : precedingRow(rows, b);
            if (target != null) {
                target.grades.add(b.text.toString());
            }
        }
        boolean sif = false;
        for (LabelRow r : rows) {
            String s = r.label.toString();
            Row row = classify(s);
            String lower = s.toLowerCase(Locale.ROOT);
            if (row == Row.SIF_ADOPTION || row == Row.SIF_CARE_LEAVERS || lower.contains("looked after")
                    || lower.contains("leadership, management")) {
                sif = true;
            }
            if (row == Row.UNKNOWN) {
                warnings.add("judgement table row not recognised: \"" + s + "\"");
                continue;
            }
            if (r.grades.size() != 1) {
                warnings.add("judgement table row \"" + s + "\" has " + r.grades.size() + " grades " + r.grades
                        + "; left blank");
                continue;
            }
            String printed = r.grades.getFirst();
            if (printed.toLowerCase(Locale.ROOT).startsWith("not")) {
                notJudged.add(row); // "Not judged"
                continue;
            }
            Optional<Grade> grade = GRADE.matcher(printed).matches() ? Grade.parse(printed) : Optional.empty();
            if (grade.isEmpty()) {
                warnings.add("judgement table row \"" + s + "\" has an unreadable grade \"" + printed + "\"; left blank");
                continue;
            }
            if (grades.containsKey(row) && grades.get(row) != grade.get()) {
                warnings.add("judgement \"" + s + "\" appears twice with different grades; left blank");
                grades.put(row, null);
            } else {
                grades.put(row, grade.get());
            }
        }
        grades.values().removeIf(java.util.Objects::isNull);
        return new Result(grades, !rows.isEmpty(), sif, warnings, notJudged);
    }

    private static boolean isGradeColumnLine(TextLine line, float columnX) {
        return line.chunks().stream().allMatch(c -> c.x() >= columnX
                && GRADE_WORDS.matcher(Text.normalise(c.text())).matches());
    }

    /** True when {@code current} is already a whole grade that {@code next} cannot continue. */
    private static boolean isComplete(String current, String next) {
        String c = current.toLowerCase(Locale.ROOT);
        String n = next.toLowerCase(Locale.ROOT);
        if (c.matches("good|outstanding|inadequate|not judged|requires? improvement to be good")) {
            return true;
        }
        // "Requires improvement" followed by a separate "Good" on the next row is two grades,
        // but "Requires improvement" + "to be good" is one
        return c.matches("requires? improvement") && !n.startsWith("to");
    }

    private static LabelRow nearestRow(List<LabelRow> rows, GradeBlock b, float unit) {
        LabelRow best = null;
        float bestDistance = Float.MAX_VALUE;
        for (LabelRow r : rows) {
            if (r.page != b.page || b.midY() < r.minY - 1.2f * unit || b.midY() > r.maxY + 1.2f * unit) {
                continue;
            }
            float distance = Math.abs(b.midY() - (r.minY + r.maxY) / 2);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = r;
            }
        }
        return best;
    }

    private static LabelRow precedingRow(List<LabelRow> rows, GradeBlock b) {
        LabelRow best = null;
        for (LabelRow r : rows) {
            if (r.page < b.page || r.page == b.page && r.minY <= b.minY) {
                best = r;
            }
        }
        return best;
    }

    static Row classify(String segment) {
        String s = GRADE.matcher(segment).replaceAll(" ").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (s.contains("overall effectiveness")) {
            return Row.OVERALL;
        }
        if (s.contains("adoption performance")) {
            return Row.SIF_ADOPTION;
        }
        if (s.contains("leaders") || s.contains("leadership")) {
            return Row.LEADERS;
        }
        if (s.contains("help and protection")) {
            return Row.HELP_AND_PROTECTION;
        }
        if (s.contains("children in care") || s.contains("looked after")) {
            return Row.IN_CARE;
        }
        if (s.contains("care leavers")) {
            return s.matches("^\\d\\.\\d.*") ? Row.SIF_CARE_LEAVERS : Row.CARE_LEAVERS;
        }
        return Row.UNKNOWN;
    }

    /** The SIF headline overall judgement, printed as a sentence above the SIF table. */
    static Optional<Grade> sifOverall(DocumentText doc) {
        String firstPages = Text.normalise(doc.pagesText(1, 2));
        Matcher m = SIF_OVERALL.matcher(firstPages);
        if (!m.find()) {
            return Optional.empty();
        }
        String g = m.group(1).toLowerCase(Locale.ROOT);
        return g.equals("improvement") ? Optional.of(Grade.REQUIRES_IMPROVEMENT) : Grade.parse(g);
    }
}
