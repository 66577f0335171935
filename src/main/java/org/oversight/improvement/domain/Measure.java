package org.oversight.improvement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * An impact measure: where it started, where it should get to, where it is now. Works whichever way the target lies
 * (a rate to raise or a backlog to lower).
 */
public record Measure(String name, BigDecimal baseline, BigDecimal target, BigDecimal current, LocalDate measuredOn) {

    /** Share of the way from baseline to target, 0 to 1 (can go below 0 or above 1); null without a current value. */
    public Double progress() {
        if (current == null || baseline == null || target == null || baseline.compareTo(target) == 0) {
            return null;
        }
        return current.subtract(baseline).doubleValue() / target.subtract(baseline).doubleValue();
    }

    /** How far the current value is from the target, in the measure's own units (never negative). */
    public BigDecimal distanceToTarget() {
        BigDecimal from = current == null ? baseline : current;
        BigDecimal gap = target.subtract(from);
        boolean raising = target.compareTo(baseline) > 0;
        BigDecimal remaining = raising ? gap : gap.negate();
        return remaining.signum() < 0 ? BigDecimal.ZERO : remaining.setScale(Math.max(0, remaining.scale()), RoundingMode.HALF_UP);
    }
}
