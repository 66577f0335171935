package org.oversight.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How machine tokens are throttled ({@code oversight.api-tokens.*}): an address that sends unknown or revoked tokens
 * waits longer after each one past its free failures (as a staff sign-in does, {@link SignInThrottle}); a valid token
 * may make so many requests a minute. The default lets an LA's nightly push send ten payloads a second, about 36,000
 * an hour, one child each.
 *
 * @param requestsPerMinute     requests one valid token may make in a minute; past it 429 with Retry-After
 * @param addressFreeFailures   unknown or revoked tokens from one address before each further one makes it wait
 * @param firstDelay            the first wait, doubled for each further failure
 * @param maxDelay              the longest wait
 * @param forgetAfter           how long a quiet address keeps its failures
 */
@ConfigurationProperties("oversight.api-tokens")
public record ApiTokenProperties(
        @DefaultValue("600") int requestsPerMinute,
        @DefaultValue("10") int addressFreeFailures,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("6h") Duration forgetAfter) {

    public ApiTokenProperties {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("oversight.api-tokens.requests-per-minute must be at least 1");
        }
        if (forgetAfter.compareTo(maxDelay) < 0) {
            throw new IllegalArgumentException("oversight.api-tokens.forget-after must be at least oversight.api-tokens.max-delay");
        }
    }

    /** The policy of an address that sends tokens. */
    public SignInThrottle.Policy address() {
        return new SignInThrottle.Policy("api-token address", addressFreeFailures, firstDelay, maxDelay, forgetAfter);
    }
}
