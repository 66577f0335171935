package org.oversight.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in is throttled ({@code oversight.sign-in.*}), for staff and young people alike: failures allowed per
 * account, per address and per device before waits begin, the first wait (doubling with each further failure), the
 * longest wait, and how long a quiet key keeps its failures.
 */
@ConfigurationProperties("oversight.sign-in")
public record SignInProperties(
        @DefaultValue("5") int accountFreeFailures,
        @DefaultValue("30") int addressFreeFailures,
        @DefaultValue("10") int deviceFreeFailures,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("6h") Duration forgetAfter) {

    public SignInProperties {
        if (forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("oversight.sign-in.forget-after must be at least oversight.sign-in.max-delay");
        }
    }

    public SignInThrottle.Policy account() {
        return new SignInThrottle.Policy("account", accountFreeFailures, firstDelay, maxDelay, forgetAfter);
    }

    public SignInThrottle.Policy address() {
        return new SignInThrottle.Policy("address", addressFreeFailures, firstDelay, maxDelay, forgetAfter);
    }

    public SignInThrottle.Policy device() {
        return new SignInThrottle.Policy("device", deviceFreeFailures, firstDelay, maxDelay, forgetAfter);
    }

    /** A wait in words: "1 second", "40 seconds", "3 minutes". */
    public static String words(long seconds) {
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
