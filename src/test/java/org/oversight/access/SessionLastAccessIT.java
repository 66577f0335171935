package org.oversight.access;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: a request that only moves a session's last access writes the session row at most once a minute; anything
 * else about the session (its attributes, its id, its timeout, who is signed in) is written at once, as before.
 */
@SpringBootTest
class SessionLastAccessIT extends IntegrationTest {

    @Autowired
    JdbcIndexedSessionRepository repository;
    @Autowired
    JdbcClient jdbc;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void lastAccessIsWrittenOnceAMinuteAndEverythingElseAtOnce() {
        SessionRepository<Session> sessions = (SessionRepository) repository;
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Session session = sessions.createSession();
        session.setLastAccessedTime(start);
        session.setAttribute("first", "one");
        sessions.save(session);
        String id = session.getId();
        assertThat(stored(id)).isEqualTo(start.toEpochMilli());

        // A request 10 s later that changes nothing else: the row keeps its last access.
        Session later = sessions.findById(id);
        later.setLastAccessedTime(start.plusSeconds(10));
        sessions.save(later);
        assertThat(stored(id)).as("last access 10 s newer is not written").isEqualTo(start.toEpochMilli());

        // ... but an attribute set in that request is stored, and so is a new timeout, with the new last access.
        later = sessions.findById(id);
        later.setLastAccessedTime(start.plusSeconds(20));
        later.setAttribute("second", "two");
        sessions.save(later);
        assertThat((String) sessions.findById(id).getAttribute("second")).isEqualTo("two");
        later = sessions.findById(id);
        later.setLastAccessedTime(start.plusSeconds(30));
        later.setMaxInactiveInterval(Duration.ofMinutes(45));
        sessions.save(later);
        assertThat(stored(id)).as("a changed timeout writes the row").isEqualTo(start.plusSeconds(30).toEpochMilli());
        assertThat(sessions.findById(id).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(45));

        // A minute after the stored last access, it is written again.
        later = sessions.findById(id);
        later.setLastAccessedTime(start.plusSeconds(89));
        sessions.save(later);
        assertThat(stored(id)).as("59 s newer than stored: not written").isEqualTo(start.plusSeconds(30).toEpochMilli());
        later = sessions.findById(id);
        later.setLastAccessedTime(start.plusSeconds(90));
        sessions.save(later);
        assertThat(stored(id)).as("60 s newer than stored: written").isEqualTo(start.plusSeconds(90).toEpochMilli());

        // A new session id (as at sign-in) is written at once, and the session is found by it.
        later = sessions.findById(id);
        later.setLastAccessedTime(start.plusSeconds(95));
        String newId = later.changeSessionId();
        sessions.save(later);
        assertThat(sessions.findById(id)).isNull();
        assertThat((String) sessions.findById(newId).getAttribute("first")).isEqualTo("one");
        assertThat(stored(newId)).isEqualTo(start.plusSeconds(95).toEpochMilli());
        repository.deleteById(newId);
    }

    private long stored(String sessionId) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?").param(sessionId).query(Long.class).single();
    }
}
