package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chooses the judgement era from the inspection's first on-site day — not the publication date:
 * Bradford, inspected 12–23 January 2026 and published 21 May 2026, still has an overall grade.
 * The cut-over dates are configuration ({@code oversight.framework.*}) because the framework changes again in 2027.
 */
@ConfigurationProperties("oversight.framework")
public record JudgementSet(
        @DefaultValue("2018-01-01") LocalDate ilacsStart,
        @DefaultValue("2023-01-01") LocalDate careLeaversJudgementFrom,
        @DefaultValue("2026-04-27") LocalDate noOverallFrom) {

    public static JudgementSet defaults() {
        return new JudgementSet(LocalDate.of(2018, 1, 1), LocalDate.of(2023, 1, 1), LocalDate.of(2026, 4, 27));
    }

    /** The era of a graded inspection of this type starting on this date; empty for ungraded activities. */
    public Optional<JudgementEra> eraFor(ActivityType type, LocalDate startDate) {
        if (!type.graded() || startDate == null) {
            return Optional.empty();
        }
        if (type == ActivityType.SIF_INSPECTION) {
            return Optional.of(JudgementEra.SIF);
        }
        return Optional.of(ilacsEraOn(startDate));
    }

    /** The ILACS era on a date (before ILACS started, the SIF). */
    public JudgementEra ilacsEraOn(LocalDate startDate) {
        if (startDate.isBefore(ilacsStart)) {
            return JudgementEra.SIF;
        }
        if (startDate.isBefore(careLeaversJudgementFrom)) {
            return JudgementEra.ILACS_2018;
        }
        if (startDate.isBefore(noOverallFrom)) {
            return JudgementEra.ILACS_2023;
        }
        return JudgementEra.ILACS_2026;
    }
}
