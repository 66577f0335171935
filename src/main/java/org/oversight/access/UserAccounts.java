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
        return find(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
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

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE lower(username) = lower(?)").param(username)
                .query(Integer.class).single() > 0;
    }
}
