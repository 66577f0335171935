package org.oversight.reports.extract;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Structured values read from one Ofsted children's services report or letter.
 *
 * <p>Every field the extractor could not read with confidence is {@code null} (or an empty list for
 * the item lists) and is explained in {@link #warnings()}: nothing is guessed. Grades are only
 * present for {@link ActivityKind#INSPECTION}; which of them can be present depends on the era of
 * the inspection (by its first on-site day):
 * <ul>
 *   <li>SIF (2013 to 2018): help and protection, children looked after (mapped to {@code inCare}),
 *       leadership, management and governance (mapped to {@code leaders}) and overall; the SIF
 *       sub-judgements (adoption, care leavers) are not reported, so {@code careLeavers} is null;</li>
 *   <li>ILACS 2018 to 2022: leaders, help and protection, children in care and care leavers
 *       ({@code inCare}), overall;</li>
 *   <li>ILACS 2023 to March 2026: the same plus a separate care leavers judgement;</li>
 *   <li>from 27 April 2026: the four practice judgements and no overall effectiveness.</li>
 * </ul>
 *
 * @param type              activity kind
 * @param framework         STANDARD, SHORT or SIF for inspections, null for letters or when unknown
 * @param onSite            on-site date ranges in document order (several for split inspections)
 * @param leadInspector     the lead inspector (report header, or the signatory/first-named
 *                          inspector of a letter); null for JTAI letters, which name none
 * @param localAuthorityName the authority's name as printed, or null
 * @param overall           overall effectiveness
 * @param leaders           impact of leaders (SIF: leadership, management and governance)
 * @param helpAndProtection children who need help and protection
 * @param inCare            children in care (2018 to 2022 and SIF: including care leavers / looked after)
 * @param careLeavers       care leavers (ILACS from 2023 only)
 * @param improvementItems  the top-level "What needs to improve" items (SIF: "Recommendations" or
 *                          "Areas for improvement"), cleaned of bullets and line breaks
 * @param priorityActions   the top-level areas for priority action (SIF: "Priority and immediate action")
 * @param theme             for letters, the focus of the visit in the letter's own words, or null
 * @param publicationDate   the report's publication date or the letter's date, if printed
 * @param warnings          what could not be read, in plain English
 * @param notJudged         judgements the report prints as "Not judged" (CSV names: {@code overall},
 *                          {@code leaders}, {@code help_and_protection}, {@code in_care}, {@code care_leavers})
 * @param improvementStatus what the "What needs to improve" section held
 * @param priorityStatus    what the "Areas for priority action" section held
 */
public record ExtractedReport(
        ActivityKind type,
        Framework framework,
        List<DateRange> onSite,
        String leadInspector,
        String localAuthorityName,
        Grade overall,
        Grade leaders,
        Grade helpAndProtection,
        Grade inCare,
        Grade careLeavers,
        List<String> improvementItems,
        List<String> priorityActions,
        String theme,
        LocalDate publicationDate,
        List<String> warnings,
        Set<String> notJudged,
        ListStatus improvementStatus,
        ListStatus priorityStatus) {

    /** What a list section of the document held. */
    public enum ListStatus {
        /** The heading and its items were read. */
        ITEMS,
        /** The section says there are none ("There are no areas for priority action"). */
        NONE_STATED,
        /** The heading is followed by prose, not a list: no items to read. */
        PROSE,
        /** No such heading in the document. */
        NO_HEADING,
        /** The heading was found but its items could not be read. */
        UNREADABLE;

        static ListStatus of(java.util.Optional<ListSection.Items> items) {
            if (items.isEmpty()) {
                return NO_HEADING;
            }
            ListSection.Items i = items.get();
            return !i.items().isEmpty() ? ITEMS : i.explicitlyNone() ? NONE_STATED : i.prose() ? PROSE : UNREADABLE;
        }
    }

    public ExtractedReport {
        onSite = List.copyOf(onSite);
        improvementItems = List.copyOf(improvementItems);
        priorityActions = List.copyOf(priorityActions);
        warnings = List.copyOf(warnings);
        notJudged = Set.copyOf(notJudged);
    }

    /**
     * The judgements the report's era gives (CSV names, in table order): SIF and ILACS to 2022 overall, leaders,
     * help and protection, in care; ILACS from January 2023 also care leavers; from 27 April 2026 no overall.
     * Empty for letters; when the start date is unknown, the judgements every era has.
     */
    public List<String> expectedJudgements() {
        if (type != ActivityKind.INSPECTION) {
            return List.of();
        }
        LocalDate start = startDate();
        List<String> areas = new java.util.ArrayList<>();
        if (framework == Framework.SIF || start == null || start.isBefore(InspectionParser.NO_OVERALL_FROM)) {
            areas.add("overall");
        }
        areas.add("leaders");
        areas.add("help_and_protection");
        areas.add("in_care");
        if (framework != Framework.SIF && start != null && !start.isBefore(InspectionParser.CARE_LEAVERS_SPLIT)) {
            areas.add("care_leavers");
        }
        if (start == null) {
            areas.remove("overall");
        }
        return List.copyOf(areas);
    }

    /** First on-site day, or null when no dates were read. */
    public LocalDate startDate() {
        return onSite.isEmpty() ? null : onSite.getFirst().start();
    }

    /** Last on-site day, or null when no dates were read. */
    public LocalDate endDate() {
        return onSite.isEmpty() ? null : onSite.getLast().end();
    }
}
