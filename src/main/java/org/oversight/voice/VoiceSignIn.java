package org.oversight.voice;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.oversight.access.DeviceCookies;
import org.oversight.access.SignInProperties;
import org.oversight.access.SignInThrottle;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.shared.Checksums;
import org.oversight.shared.db.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation codes and the young person's own sign-in. A code is shown once to the worker, stored only as its
 * SHA-256, used once and runs out after {@code oversight.voice.invitation-days}. Redeeming it creates a sign-in
 * (a generated sign-in name and a password the young person chooses). Every attempt is logged in yp_sign_in_event,
 * with the sign-in name tried only as a hash (a password typed in the name box must not be kept).
 *
 * <p>Guessing is slowed, never locked ({@link SignInThrottle}): wrong codes per address; wrong passwords per sign-in
 * name and per address, on separate counters from the codes, so a stranger's guessing at codes never touches a young
 * person's password. After a few failures each further one doubles the wait before the next password is checked; the
 * right password from a device that has signed in to that account before is not made to wait ({@link DeviceCookies}),
 * so nobody can keep a young person out of their plan or their "I don't feel safe" button by guessing at their name.
 * The counter is atomic, so passwords sent at once are checked one at a time. A name that is not a young person's
 * sign-in name (a staff username, say) is refused without counting: no young person's account can have it.
 */
@Service
public class VoiceSignIn {

    private static final Logger log = LoggerFactory.getLogger(VoiceSignIn.class);
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final String[] WORDS = {"otter", "robin", "maple", "river", "comet", "badger", "cedar", "falcon",
            "harbour", "lantern", "meadow", "orbit", "pebble", "quartz", "raven", "summit", "willow", "zephyr", "acorn",
            "beacon", "clover", "dune", "ember", "fern", "glacier", "heron", "island", "juniper", "kestrel", "lagoon"};
    public static final int MIN_PASSWORD = 8;

    /** Why a sign-in was refused; each has a plain-English message (voice.refused.*). */
    public enum Refusal { UNKNOWN_CODE, USED_CODE, EXPIRED_CODE, BAD_PASSWORD, WAIT, SHORT_PASSWORD, PASSWORDS_DIFFER }

    /** Every sign-in name Oversight gives looks like this (otter-1234). */
    static final java.util.regex.Pattern SIGN_IN_NAME = java.util.regex.Pattern.compile("[a-z]{2,20}-[0-9]{4}");

    /** The outcome of an attempt: a principal, or the reason it was refused (never both), and how long to wait when told to. */
    public record Outcome(YoungPersonPrincipal principal, Refusal refusal, long waitSeconds) {
        public Outcome(YoungPersonPrincipal principal, Refusal refusal) {
            this(principal, refusal, 0);
        }

        public boolean ok() {
            return principal != null;
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();
    private final int invitationDays;
    private final String dummyHash;
    private final SignInThrottle throttle;
    private final SignInProperties limits;
    private final DeviceCookies devices;
    private final MeterRegistry metrics;

    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final Clock clock;

    VoiceSignIn(JdbcClient jdbc, PasswordEncoder encoder, org.springframework.transaction.PlatformTransactionManager transactions, Clock clock,
                @Value("${oversight.voice.invitation-days:14}") int invitationDays, SignInThrottle throttle, SignInProperties limits,
                DeviceCookies devices, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.encoder = encoder;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.invitationDays = invitationDays;
        this.dummyHash = encoder.encode("not-a-real-password");
        this.throttle = throttle;
        this.limits = limits;
        this.devices = devices;
        this.metrics = metrics;
    }

    public int invitationDays() {
        return invitationDays;
    }

    /**
     * A new invitation code for the child (the caller has checked the worker's access). Revokes the child's current
     * sign-in and any unused code, so a forgotten password is mended by a fresh code.
     */
    @Transactional
    public IssuedCode issue(UUID laId, String childRef, Cohort cohort, String firstName, String issuedBy) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE yp_account SET revoked_at = ?, revoked_by = ? WHERE la_id = ? AND child_ref = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), issuedBy, laId, childRef).update();
        jdbc.sql("UPDATE yp_invitation SET revoked_at = ? WHERE la_id = ? AND child_ref = ? AND used_at IS NULL AND revoked_at IS NULL")
                .params(Timestamp.from(now), laId, childRef).update();
        String code = newCode();
        Instant expires = now.plus(Duration.ofDays(invitationDays));
        jdbc.sql("""
                INSERT INTO yp_invitation (la_id, child_ref, cohort, first_name, code_hash, issued_by, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(laId, childRef, cohort.name(), firstName, hash(code), issuedBy, Timestamp.from(now), Timestamp.from(expires))
                .update();
        log.info("Invitation code issued for a young person of LA {} by {}", laId, issuedBy);
        return new IssuedCode(code, expires);
    }

    public record IssuedCode(String code, Instant expires) implements java.io.Serializable {
    }

    /**
     * Redeems an invitation code once: checks the code, creates the young person's sign-in with the password they
     * chose and returns them signed in. Refusals change nothing but the log.
     */
    public Outcome redeem(String code, String password, String confirm, String ip) {
        // Signing in happens before anyone's LA is known: it reads codes and accounts in the system scope of row-level
        // security and hands back only the young person's own principal. The throttle is claimed before the transaction
        // that redeems the code, so no connection is held while a check waits its turn.
        return TenantScope.asSystem(() -> redeemChecked(code, password, confirm, ip));
    }

    private Outcome redeemChecked(String code, String password, String confirm, String ip) {
        String normal = normalise(code);
        String codeHash = hash(normal);
        String subject = "code:" + codeHash.substring(0, 12);
        SignInThrottle.Claim claim = throttle.claim(List.of(new SignInThrottle.Key("yp-code-ip:" + ip, limits.account())));
        if (claim instanceof SignInThrottle.Wait wait) {
            return waitFor(Kind.CODE, subject, ip, null, wait);
        }
        SignInThrottle.Attempt attempt = (SignInThrottle.Attempt) claim;
        try {
            Outcome outcome = tx.execute(status -> redeemClaimed(normal, codeHash, subject, password, confirm, ip));
            if (outcome.ok()) {
                attempt.succeeded(List.of());
            } else if (outcome.refusal() == Refusal.SHORT_PASSWORD || outcome.refusal() == Refusal.PASSWORDS_DIFFER) {
                attempt.released();
            } else {
                attempt.failed();
            }
            return outcome;
        } finally {
            attempt.released();
        }
    }

    private Outcome redeemClaimed(String normal, String codeHash, String subject, String password, String confirm, String ip) {
        var row = jdbc.sql("""
                SELECT id, la_id, child_ref, cohort, first_name, expires_at, used_at, revoked_at
                FROM yp_invitation WHERE code_hash = ? FOR UPDATE""").param(codeHash)
                .query((rs, n) -> new Invitation(rs.getObject("id", UUID.class), rs.getObject("la_id", UUID.class),
                        rs.getString("child_ref"), Cohort.valueOf(rs.getString("cohort")), rs.getString("first_name"),
                        rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("used_at") != null,
                        rs.getTimestamp("revoked_at") != null)).optional();
        if (row.isEmpty() || normal.isEmpty()) {
            return refuse(Kind.CODE, subject, ip, null, Refusal.UNKNOWN_CODE);
        }
        Invitation inv = row.get();
        if (inv.used()) {
            return refuse(Kind.CODE, subject, ip, inv.laId(), Refusal.USED_CODE);
        }
        if (inv.revoked() || !inv.expires().isAfter(clock.instant())) {
            return refuse(Kind.CODE, subject, ip, inv.laId(), Refusal.EXPIRED_CODE);
        }
        // Not the young person's fault, and not a guess: the code stays usable.
        if (password == null || password.length() < MIN_PASSWORD) {
            return new Outcome(null, Refusal.SHORT_PASSWORD);
        }
        if (!password.equals(confirm)) {
            return new Outcome(null, Refusal.PASSWORDS_DIFFER);
        }
        Instant now = clock.instant();
        int used = jdbc.sql("UPDATE yp_invitation SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked_at IS NULL")
                .params(Timestamp.from(now), inv.id()).update();
        if (used != 1) {
            return refuse(Kind.CODE, subject, ip, inv.laId(), Refusal.USED_CODE);
        }
        jdbc.sql("UPDATE yp_account SET revoked_at = ?, revoked_by = 'new invitation code' WHERE la_id = ? AND child_ref = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), inv.laId(), inv.childRef()).update();
        String name = newSignInName();
        UUID account = jdbc.sql("""
                INSERT INTO yp_account (la_id, child_ref, cohort, first_name, sign_in_name, password_hash, invitation_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(inv.laId(), inv.childRef(), inv.cohort().name(), inv.firstName(), name, encoder.encode(password), inv.id(),
                        Timestamp.from(now)).query(UUID.class).single();
        event(Kind.CODE, subject, ip, inv.laId(), account, "OK");
        jakarta.servlet.http.HttpServletRequest request = DeviceCookies.currentRequest();
        if (request != null) {
            devices.remember(request, DeviceCookies.currentResponse(), "yp:" + account); // this device has signed in now
        }
        return new Outcome(new YoungPersonPrincipal(account, inv.laId(), inv.childRef(), inv.cohort(), inv.firstName(), name), null);
    }

    /** Signs in with the sign-in name and password; refusals (and locks) are logged and say nothing about which was wrong. */
    public Outcome signIn(String signInName, String password, String ip) {
        // No transaction around it: each statement stands alone, and nothing holds a connection while the password is
        // hashed or a claim waits its turn.
        return TenantScope.asSystem(() -> signInChecked(signInName, password, ip));
    }

    private Outcome signInChecked(String signInName, String password, String ip) {
        String name = signInName == null ? "" : signInName.trim().toLowerCase(Locale.ROOT);
        String subject = "name:" + Checksums.sha256(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
        if (!SIGN_IN_NAME.matcher(name).matches()) {
            // No young person's account has such a name (a staff username, a password typed in the wrong box): nothing
            // to guess, so nothing is counted against anyone; the answer is the same as for a wrong password.
            encoder.matches(password == null ? "" : password, dummyHash);
            event(Kind.PASSWORD, "name:not-a-sign-in-name", ip, null, null, Refusal.BAD_PASSWORD.name());
            return new Outcome(null, Refusal.BAD_PASSWORD);
        }
        Optional<Account> account = jdbc.sql("""
                SELECT id, la_id, child_ref, cohort, first_name, sign_in_name, password_hash
                FROM yp_account WHERE sign_in_name = ? AND revoked_at IS NULL""").param(name)
                .query((rs, n) -> new Account(new YoungPersonPrincipal(rs.getObject("id", UUID.class), rs.getObject("la_id", UUID.class),
                        rs.getString("child_ref"), Cohort.valueOf(rs.getString("cohort")), rs.getString("first_name"),
                        rs.getString("sign_in_name")), rs.getString("password_hash"))).optional();
        String principal = account.map(a -> "yp:" + a.principal().accountId()).orElse(null);
        jakarta.servlet.http.HttpServletRequest request = DeviceCookies.currentRequest();
        Optional<String> token = devices.token(request);
        SignInThrottle.Key nameKey = new SignInThrottle.Key("yp:" + subject.substring(5), limits.account());
        SignInThrottle.Key addressKey = new SignInThrottle.Key("yp-ip:" + ip, limits.address());
        SignInThrottle.Key deviceKey = token.map(t -> new SignInThrottle.Key(DeviceCookies.key(t), limits.device())).orElse(null);
        boolean knownDevice = deviceKey != null && principal != null && devices.known(token.get(), principal)
                && throttle.failures(deviceKey) < limits.deviceFreeFailures();
        UUID laId = account.map(a -> a.principal().laId()).orElse(null);
        SignInThrottle.Claim claim = throttle.claim(knownDevice ? List.of(deviceKey) : List.of(nameKey, addressKey));
        if (claim instanceof SignInThrottle.Wait wait) {
            return waitFor(Kind.PASSWORD, subject, ip, laId, wait);
        }
        SignInThrottle.Attempt attempt = (SignInThrottle.Attempt) claim;
        try {
            // Hash anyway when the name is unknown, so the time taken does not tell which names exist.
            boolean matches = encoder.matches(password == null ? "" : password, account.map(Account::hash).orElse(dummyHash));
            if (account.isEmpty() || !matches) {
                attempt.failed();
                metrics.counter("oversight.sign.in.failures", "who", "young-person", "reason", "password").increment();
                return refuse(Kind.PASSWORD, subject, ip, laId, Refusal.BAD_PASSWORD);
            }
            // A known device clears its own failures only: the waits an attacker piled on the name stay for other devices.
            attempt.succeeded(knownDevice ? List.of(deviceKey) : deviceKey == null ? List.of(nameKey) : List.of(nameKey, deviceKey));
        } finally {
            attempt.released();
        }
        YoungPersonPrincipal p = account.get().principal();
        if (request != null) {
            devices.remember(request, DeviceCookies.currentResponse(), principal);
        }
        event(Kind.PASSWORD, subject, ip, p.laId(), p.accountId(), "OK");
        return new Outcome(p, null);
    }

    private Outcome waitFor(Kind kind, String subject, String ip, UUID laId, SignInThrottle.Wait wait) {
        metrics.counter("oversight.sign.in.failures", "who", "young-person", "reason", "waiting").increment();
        event(kind, subject, ip, laId, null, Refusal.WAIT.name());
        log.warn("Young person's sign-in refused without a check: {} from {} must wait {}", laId == null ? "an unknown " + kind.name().toLowerCase(Locale.ROOT)
                : "an account of LA " + laId, ip, SignInProperties.words(wait.seconds()));
        return new Outcome(null, Refusal.WAIT, wait.seconds());
    }

    /** Whether the account is still the young person's current sign-in (a fresh code revokes it). */
    public boolean current(UUID accountId) {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM yp_account WHERE id = ? AND revoked_at IS NULL").param(accountId).query(Integer.class).single() > 0);
    }

    private enum Kind { CODE, PASSWORD }

    private Outcome refuse(Kind kind, String subject, String ip, UUID laId, Refusal refusal) {
        event(kind, subject, ip, laId, null, refusal.name());
        // Never the name or code typed: only which LA's account (when the name is one) and the address.
        log.warn("Young person's sign-in refused: {} for {} from {}", refusal, laId == null ? "no known " + kind.name().toLowerCase(Locale.ROOT)
                : "an account of LA " + laId, ip);
        return new Outcome(null, refusal);
    }

    private void event(Kind kind, String subject, String ip, UUID laId, UUID accountId, String outcome) {
        jdbc.sql("INSERT INTO yp_sign_in_event (la_id, account_id, kind, subject, ip, outcome, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(laId, accountId, kind.name(), subject, ip == null ? "unknown" : ip, outcome, Timestamp.from(clock.instant()))
                .update();
    }

    private record Invitation(UUID id, UUID laId, String childRef, Cohort cohort, String firstName, Instant expires,
                              boolean used, boolean revoked) {
    }

    private record Account(YoungPersonPrincipal principal, String hash) {
    }

    /** Codes are read aloud and typed on phones: upper case, no 0/O or 1/I, dashes and spaces ignored. */
    static String normalise(String code) {
        return code == null ? "" : code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    static String hash(String code) {
        return Checksums.sha256(normalise(code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String newCode() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return sb.toString();
    }

    private String newSignInName() {
        for (int attempt = 0; attempt < 50; attempt++) {
            String name = WORDS[random.nextInt(WORDS.length)] + "-" + (1000 + random.nextInt(9000));
            if (jdbc.sql("SELECT count(*) FROM yp_account WHERE sign_in_name = ?").param(name).query(Integer.class).single() == 0) {
                return name;
            }
        }
        throw new IllegalStateException("no free sign-in name after 50 tries");
    }
}
