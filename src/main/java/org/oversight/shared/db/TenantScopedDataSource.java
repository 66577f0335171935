package org.oversight.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Sets the tenant scope on every connection the application takes from the pool, before any statement runs, so that
 * PostgreSQL's row-level security policies show each user only their LA's private rows. A transaction takes its
 * connection once, so the setting holds for the whole transaction; every later use of the pooled connection sets it
 * again, so no scope outlives the work it was set for.
 */
public class TenantScopedDataSource extends DelegatingDataSource {

    private final TenantResolver resolver;

    public TenantScopedDataSource(DataSource target, TenantResolver resolver) {
        super(target);
        this.resolver = resolver;
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
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('oversight.scope', ?, false), set_config('oversight.la_id', ?, false)")) {
            set.setString(1, scope.scope());
            set.setString(2, scope.laId() == null ? "" : scope.laId().toString());
            set.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
