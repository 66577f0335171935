package org.oversight.shared.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Fail closed: right after the migrations (run as the tables' owner), Oversight reads the scope-signing key as that
 * owner and checks its own login ({@link DatabaseSafety#application}); on any finding it refuses to start, saying what
 * is wrong and how to fix it. Readiness runs the same checks ({@code databaseSecurity}), so a role or table changed
 * while Oversight runs takes the instance out of service.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseStartup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseStartup.class);

    @Bean
    FlywayMigrationStrategy migrateThenCheckTheDatabase(ScopeSigner signer, ObjectProvider<DataSource> dataSource, Environment env) {
        return flyway -> {
            DatabaseSettings db = DatabaseSettings.from(env);
            if (db.owner().equals(db.appUser())) {
                throw new UnsafeDatabaseException(List.of(new DatabaseSafety.Finding("The application logs in as \"" + db.appUser()
                        + "\", the login that runs the migrations and so owns the tables: an owner can switch row-level security off.",
                        "Log in as a separate application role (SPRING_DATASOURCE_USERNAME) and keep the owner for SPRING_FLYWAY_USER "
                                + "(the README's runbook).")));
            }
            flyway.migrate();
            try {
                signer.load(flyway.getConfiguration().getDataSource());
            } catch (SQLException e) {
                throw new UnsafeDatabaseException(List.of(new DatabaseSafety.Finding(
                        "Oversight could not read its scope-signing key as the migrations' login (" + e.getMessage().strip() + ").",
                        "Set SPRING_FLYWAY_USER/SPRING_FLYWAY_PASSWORD to the tables' owner (the README's runbook).")));
            }
            List<DatabaseSafety.Finding> findings;
            try (Connection c = dataSource.getObject().getConnection()) {
                findings = DatabaseSafety.application(c, db.appRole());
            } catch (SQLException e) {
                findings = List.of(new DatabaseSafety.Finding("Oversight could not set a tenant scope on its own connection ("
                        + e.getMessage().strip() + ").", "Run bin/oversight check-database and follow what it says."));
            }
            if (!findings.isEmpty()) {
                throw new UnsafeDatabaseException(findings);
            }
        };
    }

    @Bean
    HealthIndicator databaseSecurity(ObjectProvider<DataSource> dataSource, Environment env) {
        return new DatabaseSecurityHealth(dataSource, DatabaseSettings.from(env).appRole(),
                env.getProperty("oversight.db.check-interval", Duration.class, Duration.ofSeconds(30)));
    }

    /** Readiness: the same checks, at most once per interval (30 seconds; health is polled often). */
    static final class DatabaseSecurityHealth implements HealthIndicator {
        private final ObjectProvider<DataSource> dataSource;
        private final String appRole;
        private final Duration interval;
        private volatile Health last;
        private volatile Instant checkedAt = Instant.MIN;

        DatabaseSecurityHealth(ObjectProvider<DataSource> dataSource, String appRole, Duration interval) {
            this.dataSource = dataSource;
            this.appRole = appRole;
            this.interval = interval;
        }

        @Override
        public Health health() {
            Health cached = last;
            if (cached != null && Instant.now().isBefore(checkedAt.plus(interval))) {
                return cached;
            }
            Health now;
            try (Connection c = dataSource.getObject().getConnection()) {
                List<DatabaseSafety.Finding> findings = DatabaseSafety.application(c, appRole);
                now = findings.isEmpty() ? Health.up().build()
                        : Health.down().withDetail("problems", findings.stream().map(DatabaseSafety.Finding::toString).toList()).build();
                if (!findings.isEmpty() && (cached == null || !now.equals(cached))) {
                    log.error("{}", UnsafeDatabaseException.describe(findings).replace("will not start on", "is not ready on"));
                }
            } catch (SQLException | RuntimeException e) {
                now = Health.down().withDetail("error", e.getMessage()).build();
            }
            last = now;
            checkedAt = Instant.now();
            return now;
        }
    }

    /** Prints the findings as Spring Boot's "APPLICATION FAILED TO START" report instead of a stack trace. */
    static final class UnsafeDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeDatabaseException> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, UnsafeDatabaseException cause) {
            return new FailureAnalysis(cause.getMessage(),
                    "Fix each problem above (bin/oversight check-database runs the same checks), then start Oversight again.", cause);
        }
    }
}
