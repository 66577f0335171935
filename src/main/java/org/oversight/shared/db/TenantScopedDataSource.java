package org.oversight.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Sets the tenant scope on every connection the application takes from the pool, before any statement runs, so that
 * PostgreSQL's row-level security policies show each user only their LA's private rows. A transaction takes its
 * connection once, so the scope holds for the whole transaction; every later use of the pooled connection sets it
 * again, so no scope outlives the work it was set for.
 *
 * <p>The scope is not a setting the connection could change itself: it is entered through
 * {@code oversight_enter_scope(scope, la, proof)}, whose proof is an HMAC of the scope and a challenge the database
 * issued to this very session, keyed with the secret only the server process and the tables' owner know
 * ({@link ScopeSigner}). The challenge is asked for once per physical connection (one extra round trip when the pool
 * opens a connection).
 *
 * <p>Each physical connection remembers the scope it last entered. A checkout for that same scope runs no statement at
 * all (most checkouts, as a pooled connection mostly serves the same kind of request again: profiled under load in issue
 * 15, entering the scope and committing it was about 6 % of a page's CPU); a checkout for any other scope enters it
 * first. This is as strict as entering every time: nothing but this class can change a session's scope (entering needs a
 * proof signed with the server's key, {@link ScopeSigner}, for that session's own challenge), asking for a new challenge
 * drops the scope to none and is remembered, and a connection whose scope could not be set never goes back to the pool.
 */
public class TenantScopedDataSource extends DelegatingDataSource {

    private final TenantResolver resolver;
    private final Supplier<ScopeSigner> signer;
    /** Per physical connection, forgotten with it: its session's challenge and the scope it last entered and committed. */
    private final Map<Object, Session> sessions = Collections.synchronizedMap(new WeakHashMap<>());
    /** How many times a scope was entered (a statement run), for tests. */
    private final AtomicLong entries = new AtomicLong();

    public TenantScopedDataSource(DataSource target, TenantResolver resolver, Supplier<ScopeSigner> signer) {
        super(target);
        this.resolver = resolver;
        this.signer = signer;
    }

    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    @Override
    public Connection getConnection() throws SQLException {
        TenantScope scope = scope();
        return scoped(super.getConnection(), scope);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        TenantScope scope = scope();
        return scoped(super.getConnection(username, password), scope);
    }

    /**
     * The scope, worked out before a connection is taken. Finding the signed-in user can itself read the database (a
     * session kept in PostgreSQL): that nested read gets no tenant scope, which is all it needs.
     */
    private TenantScope scope() {
        TenantScope override = TenantScope.override();
        if (override != null) {
            return override;
        }
        if (Boolean.TRUE.equals(RESOLVING.get())) {
            return TenantScope.NONE;
        }
        RESOLVING.set(Boolean.TRUE);
        try {
            return resolver.current();
        } finally {
            RESOLVING.remove();
        }
    }

    private Connection scoped(Connection connection, TenantScope scope) throws SQLException {
        try {
            boolean autoCommit = connection.getAutoCommit();
            Object session = connection.unwrap(PGConnection.class);
            Session known = sessions.get(session);
            if (known != null && scope.equals(known.entered())) {
                return connection; // this session is in that scope already: nothing to run
            }
            String challenge = known == null ? challenge(connection, session) : known.challenge();
            sessions.put(session, new Session(challenge, null)); // in no known scope until this one is committed
            try {
                enter(connection, challenge, scope);
            } catch (SQLException e) {
                if (!"OVS01".equals(e.getSQLState())) {
                    throw e;
                }
                // The session lost its challenge (its temporary tables were discarded): ask again, once.
                if (!autoCommit) {
                    connection.rollback();
                }
                challenge = challenge(connection, session);
                enter(connection, challenge, scope);
            }
            if (!autoCommit) {
                connection.commit(); // nothing else has run on it yet; a later rollback must not undo the scope
            }
            sessions.put(session, new Session(challenge, scope));
            return connection;
        } catch (SQLException | RuntimeException e) {
            discard(connection);
            throw e;
        }
    }

    private String challenge(Connection connection, Object session) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT oversight_scope_challenge()")) {
            rs.next();
            String challenge = rs.getString(1);
            sessions.put(session, new Session(challenge, null)); // a new challenge leaves the session in no scope
            return challenge;
        }
    }

    private void enter(Connection connection, String challenge, TenantScope scope) throws SQLException {
        try (PreparedStatement enter = connection.prepareStatement("SELECT oversight_enter_scope(?, ?::uuid, ?)")) {
            enter.setString(1, scope.scope());
            enter.setString(2, scope.laId() == null ? null : scope.laId().toString());
            enter.setBytes(3, signer.get().sign(challenge, scope));
            enter.execute();
            entries.incrementAndGet();
        }
    }

    /** A session's challenge, and the scope it last entered and committed (null: none known). */
    private record Session(String challenge, TenantScope entered) {
    }

    /** How many times a checkout had to enter its scope (one statement each); a checkout in its connection's scope adds none. */
    long scopesEntered() {
        return entries.get();
    }

    /** A connection whose scope could not be set keeps whatever it had: it never goes back to the pool. */
    private void discard(Connection connection) {
        try {
            if (getTargetDataSource() instanceof HikariDataSource hikari) {
                hikari.evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException | RuntimeException ignored) {
            // already broken
        }
    }
}
