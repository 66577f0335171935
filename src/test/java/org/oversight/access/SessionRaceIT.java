package org.oversight.access;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.oversight.support.HttpTest;
import org.oversight.support.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests of one session at once, as a person with several tabs or a browser loading in parallel makes them:
 * each answers, none fails on the session store (bench-load saw a 500 when two requests of a fresh session added the
 * same session attribute at once and the second insert broke the primary key).
 */
class SessionRaceIT extends HttpTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.session.jdbc.JdbcIndexedSessionRepository sessions;

    @Test
    void theSessionStoreUpsertsAnAttributeTwoRequestsAddAtOnce() throws Exception {
        java.lang.reflect.Field query = org.springframework.session.jdbc.JdbcIndexedSessionRepository.class
                .getDeclaredField("createSessionAttributeQuery");
        query.setAccessible(true);
        assertThat((String) query.get(sessions)).as("PostgreSQL's upsert, from SessionStore").containsIgnoringCase("ON CONFLICT");
    }

    @Test
    void theFirstPagesOfAFreshSessionAtOnceAllAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 4; round++) {
                Session session = new Session(port);
                assertThat(session.signIn("col.manager", "test-password").status()).isEqualTo(302);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    String path = i % 2 == 0 ? "/" : "/local-authorities/80450/help-and-protection";
                    answers.add(pool.submit(() -> session.get(path).status()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(2, TimeUnit.MINUTES)).as("round " + round).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
