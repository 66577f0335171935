package org.oversight.reports.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private static final Pattern VISIT_DATES = Pattern.compile(
            "(?i)\\b(on|between|from)\\s+(?=\\d{1,2}(st|nd|rd|th)?\\s+(and|to|[–—-]|january|february|march|april|may|june|july|august|september|october|november|december))");
    private static final Pattern INSPECTORS_WERE = Pattern.compile(
            "(?i)(?:inspectors (?:for this visit )?were|lead inspector (?:was|is)|inspectors? (?:was|were|is))\\s+(.{3,120})");
    private static final Pattern LETTER_HEADINGS = Pattern.compile("(?i)^dear\\b.*");
    static final Pattern PRIORITY_HEADING = Pattern.compile("(?i)^areas? for priority action\\d?$");
    static final Pattern IMPROVE_HEADING = Pattern.compile(
            "(?i)^(what needs to improve\\b(?!.*\\s\\d+$).{0,70}|areas for improvement\\d?)$");
    private static final Pattern FOCUS = Pattern.compile(
            "(?i)(?:inspectors (?:looked at|considered|evaluated|reviewed)|this visit looked at|the visit looked at|(?:inspection|jtai) (?:of|looked at) the) (.{10,400}?)\\.(?:\\s|$)");
    private static final Pattern JTAI_RESPONSE = Pattern.compile(
            "(?i)multi-agency response to (?:the )?(.{5,120}?)(?: in [A-Z][\\w ,&'-]{1,60}?)?(?:\\s*\\d)?[.,]\\s");
    private static final Pattern VISIT_TO = Pattern.compile(
            "(?i)(?:focused|monitoring) visit to (?:the )?(.{2,80}?)(?: local authority)? children's services");

    private static final Pattern JTAI_TITLE = Pattern.compile(
            "(?i)joint targeted area inspection of (.{2,160}?)(?= This letter| Between| From| On \\d|\\.)");

    private LetterParser() {
    }

    static ExtractedReport parse(DocumentText doc, ActivityKind kind) {
        List<String> warnings = new ArrayList<>();
        List<TextLine> lines = doc.lines();
        int dear = 0;
        LocalDate letterDate = null;
        for (int i = 0; i < lines.size(); i++) {
            String t = Text.normalise(lines.get(i).text());
            if (letterDate == null && DATE_LINE.matcher(t).matches()) {
                letterDate = DateRangeParser.parseSingle(t).orElse(null);
            }
            if (LETTER_HEADINGS.matcher(t).matches()) {
                dear = i;
                break;
            }
        }
        String body = Text.normalise(String.join(" ", lines.subList(dear, lines.size()).stream().map(TextLine::text).toList()));
        List<DateRange> onSite = visitDates(body);
        if (onSite.isEmpty()) {
            warnings.add("visit dates not found in the letter");
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
        List<String> improvements = ListSection.read(doc, IMPROVE_HEADING, dear)
                .map(ListSection.Items::items).orElse(List.of());
        if (improvements.isEmpty()) {
            warnings.add("no 'What needs to improve' items found");
        }
        String theme = theme(body, kind);
        if (theme == null) {
            warnings.add("theme of the visit not found");
        }
        return new ExtractedReport(kind, null, onSite, lead, localAuthority(body, kind), null, null, null, null, null,
                improvements, priorities, theme, letterDate, warnings);
    }

    private static List<DateRange> visitDates(String body) {
        Matcher m = VISIT_DATES.matcher(body);
        while (m.find()) {
            Optional<DateRangeParser.Parsed> parsed = DateRangeParser.parse(body.substring(m.start(),
                    Math.min(body.length(), m.start() + 120)));
            if (parsed.isPresent() && !parsed.get().ranges().isEmpty()) {
                return parsed.get().ranges();
            }
        }
        return List.of();
    }

    private static String leadInspector(DocumentText doc, String body, List<String> warnings) {
        String signatory = signatory(doc);
        String firstNamed = null;
        Matcher m = INSPECTORS_WERE.matcher(body);
        if (m.find()) {
            String list = m.group(1);
            String first = list.split("(?i),| and |\\.(\\s|$)")[0];
            firstNamed = InspectionParser.cleanName(first);
        }
        if (signatory != null && firstNamed != null && !signatory.equalsIgnoreCase(firstNamed)) {
            warnings.add("the letter is signed by " + signatory + " but names " + firstNamed
                    + " first; the signatory is reported as lead inspector");
        }
        String lead = signatory != null ? signatory : firstNamed;
        if (lead == null) {
            warnings.add("lead inspector not found");
        }
        return lead;
    }

    /** The name after "Yours sincerely" when the next line says it is an inspector. */
    private static String signatory(DocumentText doc) {
        List<TextLine> lines = doc.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).text().toLowerCase().startsWith("yours sincerely")) {
                List<String> next = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && next.size() < 2; j++) {
                    if (!lines.get(j).text().isBlank()) {
                        next.add(Text.normalise(lines.get(j).text()));
                    }
                }
                if (next.size() == 2 && next.get(1).toLowerCase().contains("inspector")) {
                    return InspectionParser.cleanName(next.get(0));
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

    private static String localAuthority(String body, ActivityKind kind) {
        Matcher m = VISIT_TO.matcher(body);
        if (kind != ActivityKind.JTAI && m.find()) {
            return m.group(1).strip();
        }
        if (kind != ActivityKind.JTAI) {
            return null;
        }
        Matcher j = JTAI_TITLE.matcher(body);
        if (!j.find()) {
            return null;
        }
        String place = j.group(1);
        if (place.toLowerCase().startsWith("the multi-agency response")) {
            int in = place.lastIndexOf(" in ");
            place = in >= 0 ? place.substring(in + 4) : null;
        }
        return place == null ? null : place.replaceAll("\\s*\\d$", "").strip();
    }
}
