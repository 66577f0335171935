package org.oversight.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small published interface through which improvement plans read compliance: an LA-wide percentage, never a
 * child's record. {@code REVIEWS_ON_TIME} is the share of children in care with every review on time;
 * {@code CARE_LEAVERS_IN_TOUCH} the share of care leavers the LA is in touch with (or need not be).
 */
@Service
public class ComplianceMeasures {

    public enum Key { REVIEWS_ON_TIME, CARE_LEAVERS_IN_TOUCH }

    /** A measured value and the date the data measures. */
    public record Value(BigDecimal percent, LocalDate asOf) {
    }

    private final ComplianceService compliance;

    ComplianceMeasures(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @Transactional(readOnly = true)
    public Optional<Value> current(UUID laId, Key key) {
        return compliance.currentSnapshot(laId).map(compliance::compute).map(d -> {
            long part = key == Key.REVIEWS_ON_TIME ? d.reviewsCompliant() : d.careLeaversInTouch();
            int whole = key == Key.REVIEWS_ON_TIME ? d.reviews().size() : d.careLeavers().size();
            BigDecimal percent = whole == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
            return new Value(percent, d.snapshot().asOf());
        });
    }
}
