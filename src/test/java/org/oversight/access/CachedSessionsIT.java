package org.oversight.access;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: sessions are served from each instance's near cache, and every change made through any instance (or by
 * hand in PostgreSQL, within the cache's age) is seen by all of them.
 */
@SpringBootTest
class CachedSessionsIT extends IntegrationTest {

    @Autowired
    CachedSessions sessions;
    @Autowired
    JdbcIndexedSessionRepository store;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    SessionRepositoryFilter<?> filter;

    @Test
    void theSessionFilterUsesTheCache() throws Exception {
        var field = SessionRepositoryFilter.class.getDeclaredField("sessionRepository");
        field.setAccessible(true);
        assertThat(field.get(filter)).isSameAs(sessions);
        awaitCaching(sessions);
    }

    @Test
    void aSessionIsReadOnceAndItsLastAccessWrittenOnceAMinute() {
        awaitCaching(sessions);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CachedSessions.CachedSession created = sessions.createSession();
        created.setLastAccessedTime(start);
        created.setAttribute("who", "col.manager");
        sessions.save(created);
        String id = created.getId();

        long before = sessions.reads();
        CachedSessions.CachedSession first = sessions.findById(id);
        assertThat((String) first.getAttribute("who")).isEqualTo("col.manager");
        for (int i = 1; i <= 5; i++) {
            CachedSessions.CachedSession again = sessions.findById(id);
            assertThat((String) again.getAttribute("who")).isEqualTo("col.manager");
            Object mine = again.getAttribute("who");
            assertThat(mine).as("each request deserialises its own copy").isNotSameAs(first.getAttribute("who"));
            again.setLastAccessedTime(start.plusSeconds(i * 10L));
            sessions.save(again);
        }
        assertThat(sessions.reads() - before).as("read from PostgreSQL once for six requests").isEqualTo(1);
        assertThat(stored(id)).as("50 s of requests: last access not written").isEqualTo(start.toEpochMilli());
        assertThat(sessions.findById(id).getLastAccessedTime()).as("but known to this instance").isEqualTo(start.plusSeconds(50));

        CachedSessions.CachedSession minuteLater = sessions.findById(id);
        minuteLater.setLastAccessedTime(start.plusSeconds(60));
        sessions.save(minuteLater);
        assertThat(stored(id)).as("a minute after the stored last access: written").isEqualTo(start.plusSeconds(60).toEpochMilli());
        assertThat(jdbc.sql("SELECT expiry_time FROM spring_session WHERE session_id = ?").param(id).query(Long.class).single())
                .isEqualTo(start.plusSeconds(60).plus(minuteLater.getMaxInactiveInterval()).toEpochMilli());

        // A change is written at once, through Spring Session, and the next request reads it again.
        CachedSessions.CachedSession changing = sessions.findById(id);
        changing.setAttribute("who", "col.director");
        sessions.save(changing);
        assertThat((String) ((org.springframework.session.Session) store.findById(id)).getAttribute("who")).isEqualTo("col.director");
        long beforeRead = sessions.reads();
        assertThat((String) sessions.findById(id).getAttribute("who")).isEqualTo("col.director");
        assertThat(sessions.reads() - beforeRead).isEqualTo(1);

        // A new id (sign-in) is written at once; the old id is gone.
        CachedSessions.CachedSession signingIn = sessions.findById(id);
        String newId = signingIn.changeSessionId();
        sessions.save(signingIn);
        assertThat(sessions.findById(id)).isNull();
        assertThat((String) sessions.findById(newId).getAttribute("who")).isEqualTo("col.director");
        sessions.deleteById(newId);
        assertThat(sessions.findById(newId)).isNull();
    }

    @Test
    void anotherInstanceSeesChangesAndSignOutsAtOnce() {
        CachedSessions other = new CachedSessions(store, jdbc, getClass().getClassLoader(), Duration.ofMinutes(5), CachedSessions.connections(
                environment.getProperty("spring.datasource.url"), environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password")));
        try {
            awaitCaching(sessions);
            awaitCaching(other);
            CachedSessions.CachedSession created = sessions.createSession();
            created.setAttribute("who", "col.manager");
            sessions.save(created);
            String id = created.getId();

            assertThat((String) other.findById(id).getAttribute("who")).isEqualTo("col.manager");
            long reads = other.reads();
            assertThat((String) other.findById(id).getAttribute("who")).isEqualTo("col.manager");
            assertThat(other.reads()).as("the other instance serves it from its cache").isEqualTo(reads);

            CachedSessions.CachedSession changing = sessions.findById(id);
            changing.setAttribute("who", "col.staff");
            sessions.save(changing);
            await("the other instance sees the change", () -> "col.staff".equals(other.findById(id).getAttribute("who")));

            sessions.deleteById(id);
            await("signed out on one instance ends the session on the other", () -> other.findById(id) == null);

            // A change by hand in PostgreSQL is not announced: an instance whose cache is younger than its age still
            // serves what it read, but one with a short age reads it again.
            CachedSessions.CachedSession third = other.createSession();
            third.setAttribute("who", "col.manager");
            other.save(third);
            assertThat(other.findById(third.getId())).isNotNull();
            CachedSessions shortLived = new CachedSessions(store, jdbc, getClass().getClassLoader(), Duration.ofMillis(300),
                    CachedSessions.connections(environment.getProperty("spring.datasource.url"),
                            environment.getProperty("spring.datasource.username"), environment.getProperty("spring.datasource.password")));
            try {
                awaitCaching(shortLived);
                assertThat(shortLived.findById(third.getId())).isNotNull();
                jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(third.getId()).update();
                assertThat(other.findById(third.getId())).as("five-minute cache: not yet seen").isNotNull();
                await("300 ms cache: the deleted row is seen", () -> shortLived.findById(third.getId()) == null);
            } finally {
                shortLived.stop();
            }
        } finally {
            other.stop();
        }
        assertThat(other.caching()).as("a stopped listener caches nothing").isFalse();
    }

    @Test
    void anExpiredSessionIsNeverServed() throws InterruptedException {
        awaitCaching(sessions);
        CachedSessions.CachedSession created = sessions.createSession();
        created.setMaxInactiveInterval(Duration.ofSeconds(1));
        created.setAttribute("who", "col.manager");
        sessions.save(created);
        String id = created.getId();
        assertThat(sessions.findById(id)).isNotNull();
        Thread.sleep(1_200);
        assertThat(sessions.findById(id)).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = ?").param(id).query(Integer.class).single())
                .as("deleted, as Spring Session deletes an expired session it is asked for").isZero();
    }

    @Test
    void withoutItsListenerTheCacheIsOffAndEveryRequestReadsPostgres() {
        CachedSessions off = new CachedSessions(store, jdbc, getClass().getClassLoader(), Duration.ofMinutes(5), CachedSessions.connections(
                "jdbc:postgresql://127.0.0.1:1/nowhere", "nobody", "nothing"));
        try {
            assertThat(off.caching()).isFalse();
            CachedSessions.CachedSession created = off.createSession();
            created.setAttribute("who", "col.manager");
            off.save(created);
            assertThat((String) off.findById(created.getId()).getAttribute("who")).isEqualTo("col.manager");
            jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(created.getId()).update();
            assertThat(off.findById(created.getId())).as("read from PostgreSQL each time").isNull();
            assertThat(off.reads()).as("never filled a cache").isZero();
        } finally {
            off.stop();
        }
    }

    private long stored(String sessionId) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?").param(sessionId).query(Long.class).single();
    }

    private static void awaitCaching(CachedSessions cache) {
        await("the session cache listens", cache::caching);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 10 s").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
