package org.oversight.access;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC, tables by Flyway). Two requests of one session that add the same
 * attribute at once (pages opened in several tabs, a browser's parallel requests) would both insert it, and the second
 * failed on the primary key with a 500: PostgreSQL's upsert stores the last instead.
 *
 * <p>Every request moves a session's last access, and Spring Session wrote it back each time: a new row version and
 * three index entries per page. The session row is now written only when something else about it changed (its id, its
 * timeout, who is signed in) or its stored last access is a minute old or more ({@link #LAST_ACCESS_WRITTEN_EVERY_MS}).
 * So a session that times out after 30 minutes of no requests may end up to a minute sooner; attributes are written as
 * before, whenever they change.
 *
 * <p>In front of it, each instance keeps the sessions it has read for a short time ({@link CachedSessions}, issue 15):
 * Spring Boot's own JDBC session configuration steps aside when an application has a session repository of its own,
 * so this one declares Spring Session's JDBC repository itself ({@link EnableJdbcHttpSession}, with the table, timeout
 * and clean-up Boot gave it: {@code spring_session}, {@code spring.session.timeout}, every minute) and puts the cache in
 * front of it as the repository the session filter uses.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableJdbcHttpSession(tableName = "spring_session")
class SessionStore {

    /** How stale a session's stored last access may be before a request writes it again (issue 15). */
    static final long LAST_ACCESS_WRITTEN_EVERY_MS = 60_000;

    /**
     * Spring Session's own update, with its parameters in its order (session id, last access, timeout, expiry,
     * principal, primary id), made a no-op when the row would change only by a last access under a minute newer.
     */
    static final String UPDATE_SESSION_QUERY = """
            UPDATE %%TABLE_NAME%% s
               SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time, MAX_INACTIVE_INTERVAL = v.max_inactive_interval,
                   EXPIRY_TIME = v.expiry_time, PRINCIPAL_NAME = v.principal_name
              FROM (SELECT CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT), CAST(? AS VARCHAR(100)),
                           CAST(? AS CHAR(36))) AS v (session_id, last_access_time, max_inactive_interval, expiry_time, principal_name, primary_id)
             WHERE s.PRIMARY_ID = v.primary_id
               AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                    OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                    OR v.last_access_time - s.LAST_ACCESS_TIME >= %d)
            """.formatted(LAST_ACCESS_WRITTEN_EVERY_MS);

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributeUpserts() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessWrittenOncePerMinute() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(@Value("${spring.session.timeout:30m}") Duration timeout) {
        return repository -> repository.setDefaultMaxInactiveInterval(timeout);
    }

    /**
     * The repository the session filter uses: the cache in front of PostgreSQL, listening on a connection of its own
     * made with the pool's address and account ({@code oversight.sessions.cache-max-age}: 0 turns the cache off).
     */
    @Bean(destroyMethod = "stop")
    @Primary
    CachedSessions cachedSessions(JdbcIndexedSessionRepository store, DataSource dataSource,
                                  @Value("${oversight.sessions.cache-max-age}") Duration maxAge) {
        DataSource pool = dataSource instanceof DelegatingDataSource d ? d.getTargetDataSource() : dataSource;
        var listen = pool instanceof HikariDataSource h ? CachedSessions.connections(h.getJdbcUrl(), h.getUsername(), h.getPassword()) : null;
        return new CachedSessions(store, JdbcClient.create(dataSource), SessionStore.class.getClassLoader(), maxAge, listen);
    }
}
