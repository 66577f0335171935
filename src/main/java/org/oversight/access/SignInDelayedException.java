package org.oversight.access;

import org.springframework.security.authentication.AccountStatusException;

/**
 * Too many wrong passwords for this account or from this address: wait before the next is checked. Nothing was
 * checked. An {@link AccountStatusException}, so no other provider tries the password instead.
 */
public class SignInDelayedException extends AccountStatusException {

    private final long seconds;

    public SignInDelayedException(long seconds) {
        super("Too many wrong passwords for this account or from this address. Wait " + SignInProperties.words(seconds) + " and try again.");
        this.seconds = seconds;
    }

    /** Seconds to wait, for a Retry-After header. */
    public long seconds() {
        return seconds;
    }
}
