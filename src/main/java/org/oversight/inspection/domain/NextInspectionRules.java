package org.oversight.inspection.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The next-inspection cycle (domain/ilacs.md §2): about three years, within six months either side of the
 * anniversary. After April 2026 (no overall grade) a short inspection is reported to need leaders good or
 * better and at least two of the three practice judgements good or better — unconfirmed, so configurable.
 */
@ConfigurationProperties("oversight.next-inspection")
public record NextInspectionRules(
        @DefaultValue("3") int cycleYears,
        @DefaultValue("6") int windowMonths,
        @DefaultValue("2") int shortMinPracticeGood) {

    public static NextInspectionRules defaults() {
        return new NextInspectionRules(3, 6, 2);
    }
}
