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

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private Connection scoped(Connection connection) throws SQLException {
        TenantScope override = TenantScope.override();
        TenantScope scope = override != null ? override : resolver.current();
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
