package org.oversight.reports.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a graded inspection report (ILACS 2018 onward, or SIF 2013 to 2018).
 *
 * <p>Layout facts relied on:
 * <ul>
 *   <li>page 1 carries "Inspection date(s): ..." and, from 2018, "Lead inspector: ..."; SIF reports
 *       name the lead inspector under "The inspection team" near the end and print
 *       "Report published: ...";</li>
 *   <li>the framework is not printed in ILACS reports; it follows from the on-site span (standard:
 *       two working weeks, about 11 days; short: one week, about 4 days). SIF reports are titled
 *       "(Re-)inspection of services for children in need of help and protection, children looked
 *       after and care leavers" and use the SIF judgement labels;</li>
 *   <li>the improvement list is headed "What needs to improve(?)" (ILACS), "Recommendations"
 *       (SIF 2015 to 2018) or "Areas for improvement" under "What does the local authority need to
 *       improve?" (SIF 2013 to 2015); priority actions are under "Areas for priority action" or,
 *       in SIF, "Priority and immediate action", which may say there are none.</li>
 * </ul>
 */
final class InspectionParser {

    static final LocalDate ILACS_START = LocalDate.of(2018, 1, 1);
    static final LocalDate CARE_LEAVERS_SPLIT = LocalDate.of(2023, 1, 1);
    static final LocalDate NO_OVERALL_FROM = LocalDate.of(2026, 4, 27);

    private static final Pattern DATES = Pattern.compile("(?i)inspection dates?\\s*:\\s*");
    private static final Pattern PUBLISHED = Pattern.compile("(?i)report published\\s*:\\s*");
    private static final Pattern LEAD = Pattern.compile("(?im)^\\s*lead inspectors?(?: on site)?\\s*:?\\s*(.*)$");
    private static final Pattern INSPECTOR_SUFFIX = Pattern.compile(
            "(?i)[,\\s]*(senior\\s+)?(hmi|her majesty's inspector|his majesty's inspector|ofsted inspector|social care regulatory inspector)\\b.*$");
    private static final Pattern SIF_TITLE = Pattern.compile(
            "(?i)(inspection of services for children in need of help and protection"
                    + "|review of the effectiveness of the local safeguarding children board)");
    private static final Pattern SHORT_TEXT = Pattern.compile("(?i)\\bshort inspection\\b");
    private static final Pattern STANDARD_TEXT = Pattern.compile("(?i)\\bstandard inspection\\b");
    private static final Pattern LA_TITLE = Pattern.compile(
            "(?i)inspection of (.{2,80}?) local authority children's services");
    static final Pattern IMPROVE_HEADING = Pattern.compile(
            "(?i)^(what needs to improve\\b(?!.*\\s\\d+$).{0,60}|recommendations\\d?|areas for improvement\\d?)$");
    static final Pattern PRIORITY_HEADING = Pattern.compile(
            "(?i)^(areas? for priority action|priority and immediate action)\\d?$");

    private InspectionParser() {
    }

    static ExtractedReport parse(DocumentText doc) {
        return parse(doc, null);
    }

    /**
     * @param tail the report's last pages when {@code doc} holds only its first pages (SIF reports print the lead
     *             inspector at the end), or null
     */
    static ExtractedReport parse(DocumentText doc, DocumentText tail) {
        List<String> warnings = new ArrayList<>();
        String head = Text.normalise(doc.pagesText(1, 2));
        String all = Text.normaliseKeepLines(doc.fullText());
        if (tail != null) {
            all = all + Text.normaliseKeepLines(tail.fullText());
        }

        List<DateRange> onSite = readDates(head, warnings);
        LocalDate start = onSite.isEmpty() ? null : onSite.getFirst().start();
        LocalDate published = after(PUBLISHED, head).flatMap(DateRangeParser::parseSingle).orElse(null);

        String lead = readLead(all);
        if (lead == null) {
            warnings.add("lead inspector not found");
        }

        JudgementTable.Result table = JudgementTable.read(doc);
        warnings.addAll(table.warnings());
        boolean sif = SIF_TITLE.matcher(title(doc)).find() || table.sifLabels();
        Framework framework = framework(head, onSite, sif, warnings);

        Map<JudgementTable.Row, Grade> g = table.grades();
        Grade overall = g.get(JudgementTable.Row.OVERALL);
        if (sif && overall == null) {
            overall = JudgementTable.sifOverall(doc).orElse(null);
        }
        Grade leaders = g.get(JudgementTable.Row.LEADERS);
        Grade help = g.get(JudgementTable.Row.HELP_AND_PROTECTION);
        Grade inCare = g.get(JudgementTable.Row.IN_CARE);
        Grade careLeavers = sif ? null : g.get(JudgementTable.Row.CARE_LEAVERS);
        if (!table.found()) {
            warnings.add("no judgement table found");
        }
        Set<String> notJudged = new java.util.TreeSet<>();
        table.notJudged().forEach(row -> notJudged.add(csvName(row)));
        checkEra(start, sif, overall, leaders, help, inCare, careLeavers, notJudged, warnings);

        Optional<ListSection.Items> improve = ListSection.read(doc, IMPROVE_HEADING, 0);
        List<String> improvements = improve.map(ListSection.Items::items).orElse(List.of());
        ExtractedReport.ListStatus improveStatus = ExtractedReport.ListStatus.of(improve);
        switch (improveStatus) {
            case NO_HEADING -> warnings.add("no 'What needs to improve' list found");
            case UNREADABLE -> warnings.add("the 'What needs to improve' heading has no items that could be read");
            default -> { }
        }
        // The local authority's priority actions come before its improvement list; a later "Priority and immediate
        // action" heading belongs to the review of the Local Safeguarding Children Board printed after it.
        Optional<ListSection.Items> priority = ListSection.read(doc, PRIORITY_HEADING, 0,
                improve.map(ListSection.Items::headingIndex).orElse(doc.lines().size()));
        List<String> priorities = priority.map(ListSection.Items::items).orElse(List.of());
        ExtractedReport.ListStatus priorityStatus = ExtractedReport.ListStatus.of(priority);
        if (priorityStatus == ExtractedReport.ListStatus.UNREADABLE) {
            warnings.add("the 'Areas for priority action' heading has no items that could be read");
        }

        return new ExtractedReport(ActivityKind.INSPECTION, framework, onSite, lead, localAuthority(doc, head),
                overall, leaders, help, inCare, careLeavers, improvements, priorities, null, published, warnings, notJudged,
                improveStatus, priorityStatus);
    }

    /**
     * True while the text read so far (the first pages of a report) may not hold every value: the "What needs to
     * improve" list, or the priority list, has not been seen to end.
     */
    static boolean needsMorePages(DocumentText doc) {
        Optional<ListSection.Items> improve = ListSection.read(doc, IMPROVE_HEADING, 0);
        return improve.isEmpty() || !complete(improve.get());
    }

    private static boolean complete(ListSection.Items items) {
        return items.ended() && (!items.items().isEmpty() || items.explicitlyNone());
    }

    /** The title block: page 1 lines before "Inspection date(s):". */
    private static String title(DocumentText doc) {
        StringBuilder sb = new StringBuilder();
        for (TextLine line : doc.lines()) {
            if (line.page() > 1 || DATES.matcher(line.text()).lookingAt()) {
                break;
            }
            sb.append(line.text()).append(' ');
        }
        return Text.normalise(sb.toString());
    }

    private static List<DateRange> readDates(String head, List<String> warnings) {
        Optional<DateRangeParser.Parsed> parsed = after(DATES, head).flatMap(DateRangeParser::parse);
        if (parsed.isEmpty()) {
            warnings.add("inspection dates not found or not readable");
            return List.of();
        }
        return parsed.get().ranges();
    }

    private static Optional<String> after(Pattern label, String text) {
        Matcher m = label.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(text.substring(m.end(), Math.min(text.length(), m.end() + 160)));
    }

    static String readLead(String text) {
        Matcher m = LEAD.matcher(text);
        while (m.find()) {
            // "Lead inspectors: Rebecca Quested, His Majesty's Inspector, and Matthew Reed, His Majesty's Inspector"
            String line = m.group(1);
            int next = text.indexOf('\n', m.end() + 1);
            String withNext = next < 0 ? line : line + " " + text.substring(m.end(), next).strip();
            String[] people = withNext.split("(?i),?\\s+and\\s+(?=[A-Z])");
            if (people.length == 2 && INSPECTOR_SUFFIX.matcher(people[0]).find()) {
                String a = cleanName(people[0]);
                String b = cleanName(people[1]);
                if (a != null && b != null) {
                    return a + " and " + b;
                }
            }
            String name = cleanName(line);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    static String cleanName(String raw) {
        String name = INSPECTOR_SUFFIX.matcher(Text.normalise(raw)).replaceAll("").strip();
        name = name.replaceAll("[,;.:]+$", "").strip();
        if (name.isEmpty() || name.length() > 60 || !Character.isUpperCase(name.charAt(0))
                || name.split(" ").length > 6) {
            return null;
        }
        return name;
    }

    private static Framework framework(String head, List<DateRange> onSite, boolean sif, List<String> warnings) {
        if (sif) {
            return Framework.SIF;
        }
        boolean saysShort = SHORT_TEXT.matcher(head).find();
        boolean saysStandard = STANDARD_TEXT.matcher(head).find();
        if (saysShort != saysStandard) {
            return saysShort ? Framework.SHORT : Framework.STANDARD;
        }
        if (onSite.isEmpty()) {
            warnings.add("framework unknown: no on-site dates and the report does not say short or standard");
            return null;
        }
        boolean anyTwoWeeks = onSite.stream().anyMatch(r -> span(r) >= 9 && span(r) <= 13);
        boolean allOneWeek = onSite.stream().allMatch(r -> span(r) >= 2 && span(r) <= 6);
        if (anyTwoWeeks) {
            return Framework.STANDARD;
        }
        if (allOneWeek && onSite.size() == 1) {
            return Framework.SHORT;
        }
        long weekdays = weekdaysOnSite(onSite);
        if (weekdays > 5) {
            // a short inspection is one week (five days) on site: anything longer is a standard inspection
            warnings.add("short or standard is not printed and the on-site dates " + onSite + " fit neither pattern; "
                    + weekdays + " working days on site is longer than a short inspection's one week, so it is taken as standard");
            return Framework.STANDARD;
        }
        warnings.add("framework unknown: on-site dates " + onSite + " fit neither a short (1 week) nor a standard (2 weeks) inspection");
        return null;
    }

    private static long weekdaysOnSite(List<DateRange> onSite) {
        long days = 0;
        for (DateRange r : onSite) {
            for (LocalDate d = r.start(); !d.isAfter(r.end()); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5) {
                    days++;
                }
            }
        }
        return days;
    }

    private static long span(DateRange r) {
        return ChronoUnit.DAYS.between(r.start(), r.end());
    }

    /** The CSV and dataset name of a judgement row. */
    static String csvName(JudgementTable.Row row) {
        return switch (row) {
            case OVERALL -> "overall";
            case LEADERS -> "leaders";
            case HELP_AND_PROTECTION -> "help_and_protection";
            case IN_CARE -> "in_care";
            case CARE_LEAVERS -> "care_leavers";
            default -> row.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static void checkEra(LocalDate start, boolean sif, Grade overall, Grade leaders, Grade help,
                                 Grade inCare, Grade careLeavers, Set<String> notJudged, List<String> warnings) {
        if (leaders == null && !notJudged.contains("leaders")) {
            warnings.add("leaders judgement not found");
        }
        if (help == null && !notJudged.contains("help_and_protection")) {
            warnings.add("help and protection judgement not found");
        }
        if (inCare == null && !notJudged.contains("in_care")) {
            warnings.add("children in care judgement not found");
        }
        if (sif || start == null) {
            if (overall == null && !notJudged.contains("overall")) {
                warnings.add("overall effectiveness not found");
            }
            return;
        }
        if (!start.isBefore(CARE_LEAVERS_SPLIT) && careLeavers == null && !notJudged.contains("care_leavers")) {
            warnings.add("care leavers judgement not found (expected for inspections from 2023)");
        }
        if (start.isBefore(CARE_LEAVERS_SPLIT) && careLeavers != null) {
            warnings.add("a separate care leavers judgement before 2023 is unexpected; check the report");
        }
        if (start.isBefore(NO_OVERALL_FROM) && overall == null && !notJudged.contains("overall")) {
            warnings.add("overall effectiveness not found");
        }
    }

    private static String localAuthority(DocumentText doc, String head) {
        Matcher m = LA_TITLE.matcher(head);
        if (m.find()) {
            return m.group(1).strip();
        }
        // SIF and 2018 reports print the authority's name in large type as the first line
        if (!doc.lines().isEmpty()) {
            TextLine first = doc.lines().getFirst();
            if (doc.hasLayout() && first.fontSize() > doc.bodyFontSize() * 1.5f && first.text().length() < 80) {
                return Text.normalise(first.text());
            }
        }
        return null;
    }
}
