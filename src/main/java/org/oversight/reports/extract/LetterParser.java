package org.oversight.reports.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads focused visit, monitoring visit and JTAI letters.
 *
 * <p>Layout facts relied on:
 * <ul>
 *   <li>the letter date stands alone on a line above "Dear ...";</li>
 *   <li>the visit dates follow "on", "between" or "from" in the opening paragraphs ("on 27 and 28
 *       February 2018", "Between 9 and 13 July 2018", "This inspection took place from 10 to 14
 *       January 2022"), possibly after an unrelated paragraph;</li>
 *   <li>focused and monitoring visit letters are signed by the lead inspector ("Yours sincerely",
 *       name, "His/Her Majesty's Inspector"), who is also named first in the opening paragraph
 *       ("The inspectors were ...", "His Majesty's Inspectors for this visit were ..."); JTAI letters
 *       are signed by the heads of the inspectorates and name no lead inspector;</li>
 *   <li>priority actions are listed under "Area(s) for priority action" and may say there are none.</li>
 * </ul>
 */
final class LetterParser {

    private static final Pattern DATE_LINE = Pattern.compile(
            "^\\d{1,2} (january|february|march|april|may|june|july|august|september|october|november|december) \\d{4}$",
            Pattern.CASE_INSENSITIVE);
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december";
    /** Where visit dates start: "on 27 and 28 February", "between 9 and 13 July", "from 10 to 14 January", "on the 15 and 16 of May". */
    private static final Pattern VISIT_DATES = Pattern.compile(
            "(?i)\\b(on|between|from)\\s+(?:the\\s+)?(?=\\d{1,2}(?:st|nd|rd|th)?\\s*(?:,|and\\b|to\\b|[–—-]|(?:of\\s+)?(?:" + MONTHS + ")\\b))");
    private static final Pattern INSPECTORS_WERE = Pattern.compile(
            "(?i)(?:inspectors (?:for this visit )?were|lead inspector (?:was|is)|inspectors? (?:was|were|is)|visit was (?:conducted|carried out) by)\\s+(.{3,160})");
    private static final Pattern INSPECTOR_TITLE_PREFIX = Pattern.compile(
            "(?i)^(?:(?:his|her) majesty's inspectors?|hmis?|the)\\s*(?:\\((?:hmis?)\\))?\\s*(?:social care)?\\s*,?\\s*");
    private static final Pattern DEAR = Pattern.compile("(?i)^dear\\b.*");
    static final Pattern PRIORITY_HEADING = Pattern.compile("(?i)^areas? for priority actions?[:?]?\\d?$");
    static final Pattern IMPROVE_HEADING = Pattern.compile(
            "(?i)^(what needs to improve\\b(?!.*\\s\\d+$).{0,70}|areas? for improvement[:?]?\\d?)$");
    private static final Pattern FOCUS = Pattern.compile(
            "(?i)(?:inspectors (?:looked at|considered|evaluated|reviewed|focused on)|this visit (?:looked at|focused on)|the visit (?:looked at|focused on)|(?:inspection|jtai) (?:of|looked at) the) (.{10,400}?)\\.(?:\\s|$)");
    private static final Pattern JTAI_RESPONSE = Pattern.compile(
            "(?i)multi-agency response to (?:the )?(.{5,120}?)(?: in [A-Z][\\w ,&'-]{1,60}?)?(?:\\s*\\d)?[.,]\\s");
    /** The letter's title or opening sentence: "Focused visit to Sandwell Children's Trust", "Monitoring visit to X". */
    private static final Pattern VISIT_TO = Pattern.compile(
            "(?i)(?:focused|monitoring) visit (?:to|of) (?:the )?(.{2,90}?)(?=\\s+(?:children's services|local authority|on|between|from|this letter|\\d)\\b|[.,]|$)");
    private static final Pattern JTAI_TITLE = Pattern.compile(
            "(?i)joint targeted area inspection of (.{2,160}?)(?= This letter| Between| From| On \\d|\\.|$)");
    /** Older JTAI letters name the area in the text: "the work of individual agencies in Greenwich local authority." */
    private static final Pattern AGENCIES_IN = Pattern.compile(
            "(?i)(?:individual agencies|partnership working) in (?:the )?(.{2,60}?)(?: local authority)?[.,]");
    /** Words that mark an address-block line as the authority's own name. */
    private static final Pattern AUTHORITY_LINE = Pattern.compile(
            "(?i)\\b(council|borough|children's trust|children's services trust|children first|city of|county|corporation)\\b");

    private LetterParser() {
    }

    static ExtractedReport parse(DocumentText doc, ActivityKind kind) {
        List<String> warnings = new ArrayList<>();
        List<TextLine> lines = doc.lines();
        int dear = 0;
        int dateLine = -1;
        LocalDate letterDate = null;
        for (int i = 0; i < lines.size(); i++) {
            String t = Text.normalise(lines.get(i).text());
            if (letterDate == null && DATE_LINE.matcher(t).matches()) {
                letterDate = DateRangeParser.parseSingle(t).orElse(null);
                dateLine = i;
            }
            if (DEAR.matcher(t).matches()) {
                dear = i;
                break;
            }
        }
        String body = Text.normalise(String.join(" ", lines.subList(dear, lines.size()).stream().map(TextLine::text).toList()));
        List<DateRange> onSite = visitDates(body, letterDate);
        if (onSite.isEmpty()) {
            warnings.add("visit dates not found in the letter");
        } else if (ChronoUnit.DAYS.between(onSite.getFirst().start(), onSite.getLast().end()) > 31) {
            warnings.add("the visit dates as printed (" + onSite + ") span more than a month; check the letter");
        }

        String lead = null;
        if (kind != ActivityKind.JTAI) {
            lead = leadInspector(doc, body, warnings);
        }

        Optional<ListSection.Items> priority = ListSection.read(doc, PRIORITY_HEADING, dear);
        List<String> priorities = priority.map(ListSection.Items::items).orElse(List.of());
        if (priority.isPresent() && priorities.isEmpty() && !priority.get().explicitlyNone()) {
            warnings.add("an 'Areas for priority action' heading was found but its items could not be read");
        }
        Optional<ListSection.Items> improve = ListSection.read(doc, IMPROVE_HEADING, dear);
        List<String> improvements = improve.map(ListSection.Items::items).orElse(List.of());
        if (improve.isPresent() && improvements.isEmpty() && !improve.get().explicitlyNone() && !improve.get().prose()) {
            warnings.add("a 'What needs to improve' heading was found but its items could not be read");
        }
        String theme = theme(body, kind);
        if (theme == null) {
            warnings.add("theme of the visit not found");
        }
        String authority = localAuthority(lines, dateLine, dear, body, kind);
        if (authority == null) {
            warnings.add("the local authority's name was not found in the letter");
        }
        return new ExtractedReport(kind, null, onSite, lead, authority, null, null, null, null, null,
                improvements, priorities, theme, letterDate, warnings, Set.of(), ExtractedReport.ListStatus.of(improve),
                ExtractedReport.ListStatus.of(priority));
    }

    /**
     * The visit dates: the first date phrase after "on", "between" or "from" in a sentence about the visit
     * or inspection (an introductory paragraph may come first), else the first one anywhere. A phrase
     * without a year takes it from the letter's date.
     */
    private static List<DateRange> visitDates(String body, LocalDate letterDate) {
        Matcher m = VISIT_DATES.matcher(body);
        List<DateRange> fallback = List.of();
        while (m.find()) {
            Optional<DateRangeParser.Parsed> parsed = DateRangeParser.parse(body.substring(m.start(),
                    Math.min(body.length(), m.start() + 120)), letterDate);
            if (parsed.isPresent() && !parsed.get().ranges().isEmpty()) {
                if (aboutTheVisit(body, m.start())) {
                    return parsed.get().ranges();
                }
                if (fallback.isEmpty()) {
                    fallback = parsed.get().ranges();
                }
            }
        }
        return fallback;
    }

    /** True when the sentence holding this position is about the visit itself. */
    private static boolean aboutTheVisit(String body, int at) {
        int from = Math.max(body.lastIndexOf(". ", at), 0);
        int to = body.indexOf(". ", at);
        String sentence = body.substring(from, to < 0 ? Math.min(body.length(), at + 200) : to).toLowerCase(Locale.ROOT);
        return sentence.contains("visit") || sentence.contains("inspection") || sentence.contains("took place")
                || sentence.contains("undertook") || sentence.contains("carried out") || sentence.contains("fieldwork");
    }

    private static String leadInspector(DocumentText doc, String body, List<String> warnings) {
        String signatory = signatory(doc);
        String firstNamed = null;
        Matcher m = INSPECTORS_WERE.matcher(body);
        if (m.find()) {
            String list = INSPECTOR_TITLE_PREFIX.matcher(m.group(1)).replaceFirst("");
            String first = list.split("(?i),| and |\\.(\\s|$)")[0];
            firstNamed = name(first);
        }
        String lead = signatory != null ? signatory : firstNamed;
        if (lead == null) {
            warnings.add("lead inspector not found");
        }
        return lead;
    }

    /** A person's name as printed, without titles, roles in brackets or a line-break hyphen gap. */
    private static String name(String raw) {
        String cleaned = raw.replaceAll("\\([^)]*\\)", " ").replaceAll("(\\p{L})- (\\p{Ll})", "$1-$2");
        return InspectionParser.cleanName(cleaned);
    }

    /** The name after "Yours sincerely" when the next line says it is an inspector. */
    private static String signatory(DocumentText doc) {
        List<TextLine> lines = doc.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).text().toLowerCase(Locale.ROOT).startsWith("yours sincerely")) {
                List<String> next = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && next.size() < 2; j++) {
                    if (!lines.get(j).text().isBlank()) {
                        next.add(Text.normalise(lines.get(j).text()));
                    }
                }
                if (next.size() == 2 && next.get(1).toLowerCase(Locale.ROOT).contains("inspector")) {
                    return name(next.get(0));
                }
                if (!next.isEmpty() && next.get(0).toLowerCase(Locale.ROOT).contains("lead inspector")) {
                    return name(next.get(0));
                }
                return null;
            }
        }
        return null;
    }

    private static String theme(String body, ActivityKind kind) {
        if (kind == ActivityKind.JTAI) {
            Matcher m = JTAI_RESPONSE.matcher(body);
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        Matcher m = FOCUS.matcher(body);
        if (m.find()) {
            String t = m.group(1).replaceFirst("(?i)^the local authority's arrangements for ", "").strip();
            return t.length() > 200 ? t.substring(0, 200) + "…" : t;
        }
        return null;
    }

    /**
     * The authority as the letter names it: from the title or opening sentence ("Focused visit to Sandwell
     * Children's Trust", "Joint targeted area inspection of the multi-agency response to abuse and neglect in
     * the London Borough of Croydon"), else the authority's line in the address block ("Medway Council").
     */
    private static String localAuthority(List<TextLine> lines, int dateLine, int dear, String body, ActivityKind kind) {
        Matcher m = (kind == ActivityKind.JTAI ? JTAI_TITLE : VISIT_TO).matcher(body);
        while (m.find()) {
            String named = m.group(1);
            if (kind == ActivityKind.JTAI && named.toLowerCase(Locale.ROOT).startsWith("the multi-agency response")) {
                int in = named.lastIndexOf(" in ");
                named = in >= 0 ? named.substring(in + 4) : "";
            }
            named = named.replaceAll("\\s*\\d$", "").replaceAll("(?i)^the\\s+", "")
                    .replaceAll("(?i)\\s*\\b(local authority|children's services)$", "").strip();
            // "Focused visit to children's services" names no one: the opening sentence will
            if (!named.isEmpty() && !named.equalsIgnoreCase("children's services") && !named.equalsIgnoreCase("children's")) {
                return named;
            }
        }
        if (kind == ActivityKind.JTAI) {
            Matcher a = AGENCIES_IN.matcher(body);
            if (a.find()) {
                return a.group(1).strip();
            }
        }
        for (int i = Math.max(dateLine + 1, 0); i < dear; i++) {
            String t = Text.normalise(lines.get(i).text());
            if (AUTHORITY_LINE.matcher(t).find() && t.length() <= 80 && !t.contains(",")) {
                return t;
            }
        }
        return null;
    }
}
