package org.oversight.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Local accounts, stored in PostgreSQL with bcrypt password hashes. */
@Service
public class UserAccounts implements UserDetailsService {

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.password_hash, u.role, u.la_id, la.urn, la.name, u.enabled
              FROM app_user u LEFT JOIN local_authority la ON la.id = u.la_id
            """;

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public OversightUser loadUserByUsername(String username) {
        // Single sign-on accounts have no password: they sign in only through their provider.
        return find(username).filter(u -> u.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Transactional(readOnly = true)
    public Optional<OversightUser> find(String username) {
        return jdbc.sql(SELECT + " WHERE lower(u.username) = lower(?)").param(username).query((rs, i) -> new OversightUser(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), Role.valueOf(rs.getString(5)),
                rs.getObject(6, UUID.class), rs.getObject(7, Integer.class), rs.getString(8), rs.getBoolean(9))).optional();
    }

    @Transactional(readOnly = true)
    public List<String> demoUsernames() {
        return jdbc.sql("SELECT username FROM app_user WHERE demo ORDER BY username").query(String.class).list();
    }

    /** Creates an account, or sets the password, name, role and LA of an existing one. */
    @Transactional
    public void upsert(String username, String displayName, String passwordHash, Role role, Integer laUrn, boolean demo) {
        if (role.laScoped() != (laUrn != null)) {
            throw new IllegalArgumentException(role + (role.laScoped() ? " needs an LA" : " must not belong to an LA"));
        }
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, role, la_id, demo)
                VALUES (?, ?, ?, ?, (SELECT id FROM local_authority WHERE urn = ?), ?)
                ON CONFLICT (username) DO UPDATE SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash,
                       role = EXCLUDED.role, la_id = EXCLUDED.la_id, demo = EXCLUDED.demo
                """).params(username, displayName, passwordHash, role.name(), laUrn, demo).update();
    }

    /** Why a single sign-on was refused (the code names the page's message, login.refused.*). */
    static final class SignInRefused extends RuntimeException {
        final String reason;

        SignInRefused(String reason) {
            super("Single sign-on refused: " + reason);
            this.reason = reason;
        }
    }

    /**
     * Just-in-time provisioning for single sign-on: creates the account of the provider's subject on first sign-in, or
     * brings its name, role and LA up to date from the provider's groups. A username that belongs to another account
     * (e.g. a local one) is never taken over.
     */
    @Transactional
    OversightUser signInWithOidc(String issuer, String subject, String username, String displayName, Role role, Integer laUrn) {
        UUID laId = null;
        if (laUrn != null) {
            laId = jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(laUrn).query(UUID.class).optional()
                    .orElseThrow(() -> new SignInRefused("unknown-la"));
        }
        record Existing(String username, boolean enabled) { }
        Optional<Existing> existing = jdbc.sql("SELECT username, enabled FROM app_user WHERE oidc_issuer = ? AND oidc_subject = ? FOR UPDATE")
                .params(issuer, subject).query((rs, i) -> new Existing(rs.getString(1), rs.getBoolean(2))).optional();
        String name;
        if (existing.isPresent()) {
            name = existing.get().username();
            if (!existing.get().enabled()) {
                throw new SignInRefused("disabled");
            }
            jdbc.sql("""
                    UPDATE app_user SET display_name = ?, role = ?, la_id = ?, last_sign_in_at = now()
                     WHERE oidc_issuer = ? AND oidc_subject = ?
                    """).params(displayName, role.name(), laId, issuer, subject).update();
        } else {
            if (exists(username)) {
                throw new SignInRefused("username-taken");
            }
            name = username;
            jdbc.sql("""
                    INSERT INTO app_user (username, display_name, password_hash, role, la_id, oidc_issuer, oidc_subject, last_sign_in_at)
                    VALUES (?, ?, NULL, ?, ?, ?, ?, now())
                    """).params(username, displayName, role.name(), laId, issuer, subject).update();
        }
        return find(name).orElseThrow();
    }

    /** A manager or member of staff of an LA: the people who own plan actions, audit and moderate. */
    public record Member(UUID id, String username, String displayName, boolean manager) {
    }

    /** The LA's enabled managers and staff, by name. */
    @Transactional(readOnly = true)
    public List<Member> managersAndStaff(UUID laId) {
        return jdbc.sql("""
                SELECT id, username, display_name, role = 'LA_MANAGER' FROM app_user
                 WHERE la_id = ? AND role IN ('LA_MANAGER', 'LA_STAFF') AND enabled ORDER BY display_name""").param(laId)
                .query((rs, i) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4))).list();
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE lower(username) = lower(?)").param(username)
                .query(Integer.class).single() > 0;
    }
}
