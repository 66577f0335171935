package org.oversight.access;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API tokens' limits: an address's waits grow as a staff sign-in's do; limits that cannot work are refused at start. */
class ApiTokenPropertiesTest {

    @Test
    void anAddressWaitsFromItsFreeFailuresOnDoublingUpToTheCeiling() {
        SignInThrottle.Policy p = new ApiTokenProperties(600, 10, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(6)).address();
        assertThat(p.delayAfter(9)).isZero();
        assertThat(p.delayAfter(10)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayAfter(11)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayAfter(14)).isEqualTo(Duration.ofSeconds(16));
        assertThat(p.delayAfter(40)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void limitsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> new ApiTokenProperties(0, 10, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(6)))
                .hasMessageContaining("requests-per-minute");
        assertThatThrownBy(() -> new ApiTokenProperties(600, 10, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(5)))
                .hasMessageContaining("forget-after");
    }
}
