package org.oversight.compliance;

import org.junit.jupiter.api.Test;
import org.oversight.compliance.domain.Interval;
import org.oversight.compliance.domain.TimescaleRules;

import static org.assertj.core.api.Assertions.assertThat;

/** The fingerprint a stored figure carries of the rules it was computed with. */
class ComplianceFiguresTest {

    @Test
    void theRulesFingerprintFollowsEveryIntervalAndNothingElse() {
        TimescaleRules bundled = TimescaleRules.bundled();
        String version = ComplianceFigures.version(bundled);
        assertThat(version).hasSize(24).isEqualTo(ComplianceFigures.version(TimescaleRules.bundled()));
        TimescaleRules changed = bundled.withInterval("CLA-HEALTH", "fiveAndOver", new Interval(1, Interval.Unit.MONTHS));
        assertThat(ComplianceFigures.version(changed)).isNotEqualTo(version);
        TimescaleRules back = changed.withInterval("CLA-HEALTH", "fiveAndOver", bundled.get("CLA-HEALTH").interval("fiveAndOver"));
        assertThat(ComplianceFigures.version(back)).as("the same intervals again, the same fingerprint").isEqualTo(version);
    }
}
