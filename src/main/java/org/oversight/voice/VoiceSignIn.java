package org.oversight.voice;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

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
 * (a generated sign-in name and a password the young person chooses). Every attempt is logged in yp_sign_in_event;
 * after {@code oversight.voice.max-failures} failures from one address, or against one sign-in name or code, within
 * {@code oversight.voice.lockout-minutes}, further attempts are refused without being checked.
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
    public enum Refusal { UNKNOWN_CODE, USED_CODE, EXPIRED_CODE, BAD_PASSWORD, LOCKED, SHORT_PASSWORD, PASSWORDS_DIFFER }

    /** The outcome of an attempt: a principal, or the reason it was refused (never both). */
    public record Outcome(YoungPersonPrincipal principal, Refusal refusal) {
        public boolean ok() {
            return principal != null;
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final SecureRandom random = new SecureRandom();
    private final int invitationDays;
    private final int maxFailures;
    private final int lockoutMinutes;
    private final String dummyHash;

    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final Clock clock;

    VoiceSignIn(JdbcClient jdbc, PasswordEncoder encoder, org.springframework.transaction.PlatformTransactionManager transactions, Clock clock,
                @Value("${oversight.voice.invitation-days:14}") int invitationDays,
                @Value("${oversight.voice.max-failures:5}") int maxFailures,
                @Value("${oversight.voice.lockout-minutes:15}") int lockoutMinutes) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.invitationDays = invitationDays;
        this.maxFailures = maxFailures;
        this.lockoutMinutes = lockoutMinutes;
        this.dummyHash = encoder.encode("not-a-real-password");
    }

    public int invitationDays() {
        return invitationDays;
    }

    public int lockoutMinutes() {
        return lockoutMinutes;
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
        // security, in one transaction, and hands back only the young person's own principal.
        return TenantScope.asSystem(() -> tx.execute(status -> redeemChecked(code, password, confirm, ip)));
    }

    private Outcome redeemChecked(String code, String password, String confirm, String ip) {
        String normal = normalise(code);
        String codeHash = hash(normal);
        String subject = "code:" + codeHash.substring(0, 12);
        if (locked(ip, subject)) {
            return refuse(Kind.CODE, subject, ip, null, Refusal.LOCKED);
        }
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
        return new Outcome(new YoungPersonPrincipal(account, inv.laId(), inv.childRef(), inv.cohort(), inv.firstName(), name), null);
    }

    /** Signs in with the sign-in name and password; refusals (and locks) are logged and say nothing about which was wrong. */
    public Outcome signIn(String signInName, String password, String ip) {
        return TenantScope.asSystem(() -> tx.execute(status -> signInChecked(signInName, password, ip)));
    }

    private Outcome signInChecked(String signInName, String password, String ip) {
        String name = signInName == null ? "" : signInName.trim().toLowerCase(Locale.ROOT);
        String subject = "name:" + (name.length() > 60 ? name.substring(0, 60) : name);
        if (locked(ip, subject)) {
            return refuse(Kind.PASSWORD, subject, ip, null, Refusal.LOCKED);
        }
        Optional<Account> account = jdbc.sql("""
                SELECT id, la_id, child_ref, cohort, first_name, sign_in_name, password_hash
                FROM yp_account WHERE sign_in_name = ? AND revoked_at IS NULL""").param(name)
                .query((rs, n) -> new Account(new YoungPersonPrincipal(rs.getObject("id", UUID.class), rs.getObject("la_id", UUID.class),
                        rs.getString("child_ref"), Cohort.valueOf(rs.getString("cohort")), rs.getString("first_name"),
                        rs.getString("sign_in_name")), rs.getString("password_hash"))).optional();
        // Hash anyway when the name is unknown, so the time taken does not tell which names exist.
        boolean matches = encoder.matches(password == null ? "" : password, account.map(Account::hash).orElse(dummyHash));
        if (account.isEmpty() || !matches) {
            return refuse(Kind.PASSWORD, subject, ip, account.map(a -> a.principal().laId()).orElse(null), Refusal.BAD_PASSWORD);
        }
        YoungPersonPrincipal p = account.get().principal();
        event(Kind.PASSWORD, subject, ip, p.laId(), p.accountId(), "OK");
        return new Outcome(p, null);
    }

    /** Whether the account is still the young person's current sign-in (a fresh code revokes it). */
    public boolean current(UUID accountId) {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM yp_account WHERE id = ? AND revoked_at IS NULL").param(accountId).query(Integer.class).single() > 0);
    }

    private boolean locked(String ip, String subject) {
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofMinutes(lockoutMinutes)));
        int byIp = jdbc.sql("SELECT count(*) FROM yp_sign_in_event WHERE ip = ? AND at > ? AND outcome NOT IN ('OK', 'LOCKED')")
                .params(ip, since).query(Integer.class).single();
        int bySubject = jdbc.sql("SELECT count(*) FROM yp_sign_in_event WHERE subject = ? AND at > ? AND outcome NOT IN ('OK', 'LOCKED')")
                .params(subject, since).query(Integer.class).single();
        return byIp >= maxFailures || bySubject >= maxFailures;
    }

    private enum Kind { CODE, PASSWORD }

    private Outcome refuse(Kind kind, String subject, String ip, UUID laId, Refusal refusal) {
        event(kind, subject, ip, laId, null, refusal.name());
        log.warn("Young person's sign-in refused: {} {} from {}", refusal, subject, ip);
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
