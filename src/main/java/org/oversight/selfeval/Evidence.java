package org.oversight.selfeval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * One piece of evidence Oversight holds for an LA, as it stands today, offered beside the sections of the areas it
 * bears on and frozen into a citation when an author cites it.
 *
 * @param key       stable identity, e.g. {@code compliance:PATHWAY_REVIEWS_ON_TIME}, {@code audit:CARE_LEAVERS:Pathway planning},
 *                  {@code action:<uuid>}, {@code judgement:<activity>:CARE_LEAVERS}, {@code finding:<uuid>}, {@code voice:LISTENED}
 * @param areas     the judgement areas it is offered for
 * @param value     the number behind {@code valueText}, when it is a figure
 * @param rating    red, amber or green when the figure can be rated, else null
 * @param detail    context shown beside it (trend, target, counts), may be empty
 * @param link      a page in Oversight where it can be checked, may be null
 */
public record Evidence(String key, Kind kind, Set<Area> areas, String label, String valueText, BigDecimal value, LocalDate asOf,
                       String source, Rating rating, String detail, String link) {

    public enum Kind { COMPLIANCE, AUDIT, VOICE, PLAN, JUDGEMENT, FINDING }

    public boolean offeredFor(Area area) {
        return areas.contains(area);
    }

    /** Whether the figure today differs from a frozen value (the number when both have one, else the text). */
    public boolean differsFrom(BigDecimal frozenValue, String frozenText) {
        if (value != null && frozenValue != null) {
            return value.compareTo(frozenValue) != 0;
        }
        return !valueText.equals(frozenText);
    }
}
