package org.oversight.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Growing waits between failed sign-ins, per key (an account, an address, a device), shared by staff sign-in and the
 * young person's portal. There is no lock: after a key's free failures, each further failure doubles the wait before
 * the next password under that key is checked, up to a ceiling, and a key forgets its failures after a quiet spell.
 * Someone who wants to keep a person out can only make them wait, and a device that has signed in to the account
 * before is not made to wait at all ({@link DeviceCookies}).
 *
 * <p>The counter is atomic: an attempt first claims its keys with one {@code INSERT ... ON CONFLICT DO UPDATE ...
 * RETURNING} each, which also counts the passwords being checked at that moment; past the free failures only one
 * password per key is checked at a time, so forty guesses sent at once are checked one by one, not forty times.
 */
@Component
public class SignInThrottle {

    /** How a kind of key is throttled. */
    public record Policy(String name, int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

        /** The wait after this many failures in a row. */
        public Duration delayAfter(int failures) {
            if (failures < freeFailures) {
                return Duration.ZERO;
            }
            int doublings = Math.min(30, failures - freeFailures);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /** A key under a policy, e.g. ("staff:col.manager", account policy). */
    public record Key(String key, Policy policy) {
    }

    /** The outcome of a claim: an attempt that may go ahead, or how long to wait. */
    public sealed interface Claim permits Attempt, Wait {
    }

    /** Wait this long before trying again; nothing was checked. */
    public record Wait(Duration duration, Key key) implements Claim {
        /** Whole seconds, at least one, for a Retry-After header and a message. */
        public long seconds() {
            return Math.max(1, (duration.toMillis() + 999) / 1000);
        }
    }

    /** An attempt that holds its keys until it is settled as a failure or a success. */
    public final class Attempt implements Claim {
        private final List<Key> keys;
        private boolean settled;

        Attempt(List<Key> keys) {
            this.keys = keys;
        }

        /** The password was wrong: every key counts one more failure and waits longer. Returns the most failures in a row. */
        public int failed() {
            settled = true;
            Instant now = clock.instant();
            int most = 0;
            for (Key k : keys) {
                Policy p = k.policy();
                Integer failures = tx.execute(s -> jdbc.sql("""
                        UPDATE sign_in_throttle SET failures = failures + 1, last_failure_at = ?, in_flight = greatest(in_flight - 1, 0),
                               next_allowed_at = CASE WHEN failures + 1 < CAST(? AS integer) THEN CAST(? AS timestamptz)
                                                      ELSE CAST(? AS timestamptz) + least(CAST(? AS bigint), CAST(? AS bigint)
                                                           * power(2, least(30, failures + 1 - CAST(? AS integer)))) * interval '1 millisecond' END
                         WHERE throttle_key = ? RETURNING failures""")
                        .params(Timestamp.from(now), p.freeFailures(), Timestamp.from(now), Timestamp.from(now), p.maxDelay().toMillis(),
                                p.firstDelay().toMillis(), p.freeFailures(), k.key()).query(Integer.class).optional().orElse(0));
                most = Math.max(most, failures == null ? 0 : failures);
            }
            return most;
        }

        /**
         * The password was right: the attempt is released, and the keys of {@code reset} (claimed or not: the account
         * a known device signed in to, say) forget their failures.
         */
        public void succeeded(List<Key> reset) {
            settled = true;
            Instant now = clock.instant();
            release(keys);
            for (Key k : reset) {
                tx.executeWithoutResult(s -> jdbc.sql("UPDATE sign_in_throttle SET failures = 0, next_allowed_at = ? WHERE throttle_key = ?")
                        .params(Timestamp.from(now), k.key()).update());
            }
        }

        /** Nothing was checked (the attempt was refused for another reason): the keys are released unchanged. */
        public void released() {
            if (!settled) {
                settled = true;
                release(keys);
            }
        }

        public List<Key> keys() {
            return keys;
        }
    }

    /** How long a password check may hold its claim before it counts as finished (a crash mid-check). */
    static final Duration IN_FLIGHT_STALE = Duration.ofMinutes(1);
    /** How long a claim waits for another check of the same key to finish before it answers "wait a second". */
    static final Duration BUSY_WAIT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;

    SignInThrottle(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Claims every key for one password check, or answers how long to wait (the longest wait of any key). A key that
     * is only busy (a check under it is running, past its free failures) is waited for, briefly.
     */
    public Claim claim(List<Key> keys) {
        long deadline = System.nanoTime() + BUSY_WAIT.toNanos();
        while (true) {
            List<Key> claimed = new ArrayList<>();
            Wait wait = null;
            boolean busy = false;
            for (Key k : keys) {
                Instant now = clock.instant();
                Policy p = k.policy();
                boolean granted = Boolean.TRUE.equals(tx.execute(s -> jdbc.sql("""
                        INSERT INTO sign_in_throttle AS t (throttle_key, failures, next_allowed_at, in_flight, in_flight_at)
                        VALUES (?, 0, ?, 1, ?)
                        ON CONFLICT (throttle_key) DO UPDATE SET
                               failures = CASE WHEN t.last_failure_at < ? THEN 0 ELSE t.failures END,
                               in_flight = (CASE WHEN t.in_flight_at > ? THEN t.in_flight ELSE 0 END) + 1,
                               in_flight_at = ?
                         WHERE t.next_allowed_at <= ?
                           AND ((CASE WHEN t.last_failure_at < ? THEN 0 ELSE t.failures END)
                                 + (CASE WHEN t.in_flight_at > ? THEN t.in_flight ELSE 0 END) < ?
                                OR (CASE WHEN t.in_flight_at > ? THEN t.in_flight ELSE 0 END) = 0)
                        RETURNING true""")
                        .params(k.key(), Timestamp.from(now), Timestamp.from(now),
                                Timestamp.from(now.minus(p.forgetAfter())), Timestamp.from(now.minus(IN_FLIGHT_STALE)), Timestamp.from(now),
                                Timestamp.from(now), Timestamp.from(now.minus(p.forgetAfter())), Timestamp.from(now.minus(IN_FLIGHT_STALE)),
                                p.freeFailures(), Timestamp.from(now.minus(IN_FLIGHT_STALE)))
                        .query(Boolean.class).optional().orElse(false)));
                if (granted) {
                    claimed.add(k);
                    continue;
                }
                Instant next = jdbc.sql("SELECT next_allowed_at FROM sign_in_throttle WHERE throttle_key = ?").param(k.key())
                        .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(now);
                if (next.isAfter(now)) {
                    Wait w = new Wait(Duration.between(now, next), k);
                    wait = wait == null || w.duration().compareTo(wait.duration()) > 0 ? w : wait;
                } else {
                    busy = true;
                }
                break;
            }
            if (claimed.size() == keys.size()) {
                return new Attempt(List.copyOf(claimed));
            }
            release(claimed);
            if (wait != null) {
                return wait;
            }
            if (!busy || System.nanoTime() > deadline) {
                return new Wait(Duration.ofSeconds(1), keys.getFirst());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Wait(Duration.ofSeconds(1), keys.getFirst());
            }
        }
    }

    private void release(List<Key> keys) {
        for (Key k : keys) {
            tx.executeWithoutResult(s -> jdbc.sql("UPDATE sign_in_throttle SET in_flight = greatest(in_flight - 1, 0) WHERE throttle_key = ?")
                    .param(k.key()).update());
        }
    }

    /** Failures in a row under a key now (0 when it has none or forgot them). */
    public int failures(Key key) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT CASE WHEN last_failure_at < ? THEN 0 ELSE failures END FROM sign_in_throttle WHERE throttle_key = ?")
                .params(Timestamp.from(now.minus(key.policy().forgetAfter())), key.key()).query(Integer.class).optional().orElse(0);
    }
}
