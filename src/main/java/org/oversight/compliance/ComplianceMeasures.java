package org.oversight.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * The small published interface through which improvement plans read compliance: an LA-wide percentage, never a
 * child's record. {@code REVIEWS_ON_TIME} is the share of children in care with every review on time;
 * {@code CARE_LEAVERS_IN_TOUCH} the share of care leavers the LA is in touch with (or need not be).
 */
@Service
public class ComplianceMeasures {

    public enum Key {
        REVIEWS_ON_TIME("CLA-REVIEW"), VISITS_ON_TIME("CLA-VISIT"), HEALTH_ASSESSMENTS_ON_TIME("CLA-HEALTH"),
        PATHWAY_REVIEWS_ON_TIME("CL-PATHWAY-REVIEW"), CARE_LEAVERS_IN_TOUCH("CL-KEEPING-IN-TOUCH");

        private final String ruleId;

        Key(String ruleId) {
            this.ruleId = ruleId;
        }

        /** The timescale rule the measure counts. */
        public String ruleId() {
            return ruleId;
        }
    }

    /** A measured value and the date the data measures. */
    public record Value(BigDecimal percent, LocalDate asOf) {
    }

    private final ComplianceFigures figures;

    ComplianceMeasures(ComplianceFigures figures) {
        this.figures = figures;
    }

    /** The LA's current value, from the figures stored for its current data (read in a transaction of their own, or the caller's). */
    public Optional<Value> current(UUID laId, Key key) {
        return figures.summary(laId).map(d -> {
            ComplianceService.RuleFigure figure = d.figure(key.ruleId());
            BigDecimal percent = figure.measured() == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(figure.compliant() * 100.0 / figure.measured()).setScale(1, RoundingMode.HALF_UP);
            return new Value(percent, d.snapshot().asOf());
        });
    }
}
