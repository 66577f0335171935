package org.oversight.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.oversight.shared.Checksums;
import org.oversight.shared.db.TenantScope;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine credentials per LA: an LA's managers make named tokens for their LA's own system (shown once, kept only as
 * the SHA-256 of the secret), see them with when each was last used, and revoke them. A token authenticates as the LA's
 * {@link MachineClient}, which may only send children's social care payloads for its own LA. Every use and every
 * refusal is recorded ({@code la_api_token_event}), logged (without the secret) and counted
 * ({@code oversight_api_tokens_total}, tagged by outcome).
 */
@Service
public class MachineTokens {

    private static final Logger log = LoggerFactory.getLogger(MachineTokens.class);

    /** What every token starts with, so a leaked one is recognisable (secret scanners, logs). */
    public static final String PREFIX = "ovt_";

    /** A token as the LA's managers see it (never its secret). */
    public record Token(UUID id, String name, String hint, String createdBy, Timestamp createdAt, Timestamp lastUsedAt, long uses,
                        String revokedBy, Timestamp revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A token just made: its secret, shown once. */
    public record Created(Token token, String secret) {
    }

    /** How a request with a bearer token ended. */
    public enum Outcome { ACCEPTED, REFUSED_PAYLOAD, UNKNOWN_TOKEN, REVOKED_TOKEN, OTHER_LA, NOT_ALLOWED, RATE_LIMITED }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final MeterRegistry metrics;
    private final SecureRandom random = new SecureRandom();

    MachineTokens(JdbcClient jdbc, Clock clock, CurrentUser currentUser, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.currentUser = currentUser;
        this.metrics = metrics;
    }

    /** The LA's tokens, newest first (its managers only). */
    public List<Token> ofLa(UUID laId) {
        managerOf(laId);
        return jdbc.sql("""
                SELECT id, name, hint, created_by, created_at, last_used_at, uses, revoked_by, revoked_at FROM la_api_token
                 WHERE la_id = ? ORDER BY created_at DESC, name""").param(laId)
                .query((rs, i) -> new Token(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5),
                        rs.getTimestamp(6), rs.getLong(7), rs.getString(8), rs.getTimestamp(9))).list();
    }

    /** Makes a named token for the LA (its managers only); the secret is in the answer and nowhere else. */
    @Transactional
    public Created create(UUID laId, String name) {
        managerOf(laId);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("name", "apiTokens.error.name")));
        }
        if (clean.length() > 80) {
            throw new InvalidInputException(List.of(FieldProblem.of("name", "apiTokens.error.nameLength")));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Timestamp now = Timestamp.from(clock.instant());
        String hint = secret.substring(secret.length() - 4);
        UUID id = jdbc.sql("""
                INSERT INTO la_api_token (la_id, name, token_hash, hint, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(laId, clean, hash(secret), hint, currentUser.actor(), now).query(UUID.class).single();
        log.info("API token {} made for LA {} by {}", id, laId, currentUser.actor());
        metrics.counter("oversight.api.tokens.managed", "action", "created").increment();
        return new Created(new Token(id, clean, hint, currentUser.actor(), now, null, 0, null, null), secret);
    }

    /** Revokes one of the LA's tokens (its managers only); a revoked token is refused from the next request on. */
    @Transactional
    public void revoke(UUID laId, UUID tokenId) {
        managerOf(laId);
        int changed = jdbc.sql("UPDATE la_api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND la_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), currentUser.actor(), tokenId, laId).update();
        if (changed == 1) {
            log.info("API token {} of LA {} revoked by {}", tokenId, laId, currentUser.actor());
            metrics.counter("oversight.api.tokens.managed", "action", "revoked").increment();
        }
    }

    /** What a bearer token is: the LA's machine client, or why it is refused. */
    public sealed interface Check permits Valid, Refused, RateLimited {
    }

    /**
     * A valid token past its requests for the minute: nothing is done for it until the minute is over.
     *
     * @param retryAfterSeconds whole seconds until the token's minute ends (at least 1)
     * @param firstInWindow     whether this is the first request refused in this minute (the one recorded as an event)
     */
    public record RateLimited(MachineClient client, long retryAfterSeconds, int requestsPerMinute, boolean firstInWindow) implements Check {
    }

    public record Valid(MachineClient client) implements Check {
    }

    public record Refused(Outcome outcome, UUID tokenId, UUID laId) implements Check {
    }

    /**
     * Looks a bearer token up by its hash, before anyone's LA is known (in the system scope, as a sign-in does); counts a
     * request of a valid one in its minute (one statement, so every instance shares the count) and a use of it when the
     * token is within {@code requestsPerMinute}.
     */
    public Check check(String bearer, int requestsPerMinute) {
        if (bearer == null || !bearer.startsWith(PREFIX) || bearer.length() > 200) {
            return new Refused(Outcome.UNKNOWN_TOKEN, null, null);
        }
        String h = hash(bearer);
        return TenantScope.asSystem(() -> {
            var row = jdbc.sql("""
                    SELECT t.id, t.name, t.la_id, la.urn, t.revoked_at IS NOT NULL FROM la_api_token t JOIN local_authority la ON la.id = t.la_id
                     WHERE t.token_hash = ?""").param(h)
                    .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getInt(4),
                            rs.getBoolean(5)}).optional();
            if (row.isEmpty()) {
                return new Refused(Outcome.UNKNOWN_TOKEN, null, null);
            }
            Object[] r = row.get();
            if ((Boolean) r[4]) {
                return new Refused(Outcome.REVOKED_TOKEN, (UUID) r[0], (UUID) r[2]);
            }
            Instant now = clock.instant();
            Timestamp at = Timestamp.from(now);
            Timestamp windowOver = Timestamp.from(now.minus(RATE_WINDOW));
            // PostgreSQL evaluates every SET expression on the row as it was: "fresh" and the new count are spelled out in each.
            Object[] window = jdbc.sql("""
                    UPDATE la_api_token SET
                           rate_window_requests = CASE WHEN rate_window_start IS NULL OR rate_window_start <= ? THEN 1 ELSE rate_window_requests + 1 END,
                           rate_window_start = CASE WHEN rate_window_start IS NULL OR rate_window_start <= ? THEN ? ELSE rate_window_start END,
                           last_used_at = CASE WHEN rate_window_start IS NULL OR rate_window_start <= ? OR rate_window_requests + 1 <= ? THEN ?
                                               ELSE last_used_at END,
                           uses = uses + CASE WHEN rate_window_start IS NULL OR rate_window_start <= ? OR rate_window_requests + 1 <= ? THEN 1 ELSE 0 END
                     WHERE id = ? RETURNING rate_window_requests, rate_window_start""")
                    .params(windowOver, windowOver, at, windowOver, requestsPerMinute, at, windowOver, requestsPerMinute, r[0])
                    .query((rs, i) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()}).single();
            MachineClient client = new MachineClient((UUID) r[0], (String) r[1], (UUID) r[2], (Integer) r[3]);
            int requests = (Integer) window[0];
            if (requests > requestsPerMinute) {
                Duration left = Duration.between(now, ((Instant) window[1]).plus(RATE_WINDOW));
                long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
                return new RateLimited(client, seconds, requestsPerMinute, requests == requestsPerMinute + 1);
            }
            return new Valid(client);
        });
    }

    /** The span of a token's request count. */
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    /**
     * A request with a bearer token refused without looking at the token, because its address sent too many unknown or
     * revoked tokens: logged (the address, never the token) and counted; no event (no LA is known).
     */
    public void throttled(String address, String method, String path, long seconds) {
        metrics.counter("oversight.api.tokens", "outcome", "throttled").increment();
        log.warn("API token not checked: {} sent too many unknown or revoked tokens; {} {} -> 429, wait {} s", address, method, path, seconds);
    }

    /** A valid token past its requests for the minute: counted and logged with its id every time, recorded once a minute. */
    public void rateLimited(RateLimited limited, String method, String path) {
        MachineClient c = limited.client();
        String words = "More than " + limited.requestsPerMinute() + " requests in a minute with this token: wait " + limited.retryAfterSeconds()
                + " s (oversight.api-tokens.requests-per-minute)";
        if (limited.firstInWindow()) {
            record(Outcome.RATE_LIMITED, c.tokenId(), c.laId(), method, path, 429, words);
        } else {
            metrics.counter("oversight.api.tokens", "outcome", "rate_limited").increment();
            log.warn("API token {} of LA {} refused (RATE_LIMITED): {} {} -> 429 {}", c.tokenId(), c.laId(), method, path, words);
        }
    }

    /**
     * Records a request made with a bearer token: the event row, a log line (token id and LA, never the secret) and the
     * metric. {@code detail} is counts or a reason, never a child's data.
     */
    public void record(Outcome outcome, UUID tokenId, UUID laId, String method, String path, int status, String detail) {
        String d = detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail;
        TenantScope.asSystem(() -> jdbc.sql("""
                INSERT INTO la_api_token_event (la_id, token_id, at, method, path, outcome, status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(laId, tokenId, Timestamp.from(clock.instant()), method, path.length() > 300 ? path.substring(0, 300) : path,
                        outcome.name(), status, d).update());
        metrics.counter("oversight.api.tokens", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).increment();
        if (outcome == Outcome.ACCEPTED) {
            log.info("API token {} of LA {}: {} {} -> {} {}", tokenId, laId, method, path, status, d);
        } else {
            log.warn("API token {} of LA {} refused ({}): {} {} -> {} {}", tokenId == null ? "(none matched)" : tokenId, laId, outcome, method,
                    path, status, d);
        }
    }

    /** The LA's latest token events, newest first (its managers only): when, what, outcome, counts. */
    public record Event(Timestamp at, String tokenName, String method, String path, String outcome, int status, String detail) {
    }

    public List<Event> events(UUID laId, int limit) {
        managerOf(laId);
        return jdbc.sql("""
                SELECT e.at, t.name, e.method, e.path, e.outcome, e.status, e.detail FROM la_api_token_event e
                  LEFT JOIN la_api_token t ON t.id = e.token_id WHERE e.la_id = ? ORDER BY e.at DESC, e.id DESC LIMIT ?""").params(laId, limit)
                .query((rs, i) -> new Event(rs.getTimestamp(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                        rs.getString(7))).list();
    }

    private void managerOf(UUID laId) {
        if (!currentUser.canManage(laId)) {
            throw new AccessDeniedException("Only the local authority's managers can see and change its API tokens");
        }
    }

    static String hash(String token) {
        return Checksums.sha256(token.getBytes(StandardCharsets.UTF_8));
    }
}
