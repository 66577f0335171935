package org.oversight.selfeval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One piece of evidence Oversight holds for an LA, as it stands today, offered beside the sections of the areas it
 * bears on and frozen into a citation when an author cites it.
 *
 * @param key       stable identity, e.g. {@code compliance:PATHWAY_REVIEWS_ON_TIME}, {@code audit:CARE_LEAVERS:Pathway planning},
 *                  {@code action:<uuid>}, {@code plan:<uuid>:OVERDUE}, {@code judgement:<activity>:CARE_LEAVERS}, {@code finding:<uuid>}, {@code voice:LISTENED}
 * @param areas     the judgement areas it is offered for
 * @param value     the number behind {@code valueText}, when it is a figure
 * @param rating    red, amber or green when the figure can be rated, else null
 * @param detail    context shown beside it (trend, target, counts), may be empty
 * @param link      a page in Oversight where it can be checked, may be null
 * @param trend     the same measure at the LA's earlier data, newest first (empty when none is held or the kind has none)
 * @param trendText the move since the newest earlier figure in words, or empty
 * @param benchmarks the statistical neighbours' and England's figure for the same measure, "Not held" where Oversight
 *                  does not hold it for this reader (empty when the kind has none)
 */
public record Evidence(String key, Kind kind, Set<Area> areas, String label, String valueText, BigDecimal value, LocalDate asOf,
                       String source, Rating rating, String detail, String link, List<Trend.Point> trend, String trendText,
                       List<Benchmark> benchmarks) {

    /** A comparison beside a figure: who (the statistical neighbours, England) and their figure, or "Not held". */
    public record Benchmark(String name, String valueText) {
    }

    public Evidence(String key, Kind kind, Set<Area> areas, String label, String valueText, BigDecimal value, LocalDate asOf,
                    String source, Rating rating, String detail, String link) {
        this(key, kind, areas, label, valueText, value, asOf, source, rating, detail, link, List.of(), "", List.of());
    }

    public Evidence {
        trend = trend == null ? List.of() : List.copyOf(trend);
        trendText = trendText == null ? "" : trendText;
        benchmarks = benchmarks == null ? List.of() : List.copyOf(benchmarks);
    }

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
