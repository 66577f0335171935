package org.oversight.shared.db;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.oversight.register.LocalAuthorities;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: the register and the published judgements are asked for their tables' full state only when a statement
 * wrote one of those tables since (or the recheck time has passed), and a change made by hand is seen at once.
 */
@SpringBootTest
class ChangeCheckedStateIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    LocalAuthorities localAuthorities;

    @Test
    void theFullStateIsAskedOnlyAfterAStatementWroteOneOfTheTables() {
        AtomicInteger asked = new AtomicInteger();
        ChangeCheckedState state = new ChangeCheckedState(jdbc, () -> "state " + asked.incrementAndGet(), Duration.ofHours(1));
        String first = state.current();
        assertThat(state.current()).isEqualTo(first);
        assertThat(state.current()).isEqualTo(first);
        assertThat(asked).as("nothing written: asked once").hasValue(1);

        for (String table : List.of("local_authority", "statistical_neighbour", "inspection_activity", "on_site_range", "judgement")) {
            int before = asked.get();
            jdbc.sql("UPDATE " + table + " SET " + firstColumn(table) + " = " + firstColumn(table) + " WHERE false")
                    .update();
            assertThat(state.current()).as("a statement on " + table + " (even one changing no row)").isNotEqualTo("state " + before);
            assertThat(asked.get()).isEqualTo(before + 1);
        }
        jdbc.sql("UPDATE finding SET text = text WHERE false").update();
        int before = asked.get();
        state.current();
        assertThat(asked.get()).as("another table's statement does not count").isEqualTo(before);
    }

    @Test
    void withoutAStatementTheFullStateIsStillAskedOnceTheRecheckTimeHasPassed() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        ChangeCheckedState state = new ChangeCheckedState(jdbc, () -> "state " + asked.incrementAndGet(), Duration.ofMillis(200));
        state.current();
        state.current();
        assertThat(asked).hasValue(1);
        Thread.sleep(250);
        state.current();
        assertThat(asked).hasValue(2);
    }

    @Test
    void aRegisterChangeMadeByHandIsSeenAtOnce() {
        String name = localAuthorities.get(80450).name();
        jdbc.sql("UPDATE local_authority SET name = name || ' (renamed)' WHERE urn = 80450").update();
        try {
            assertThat(localAuthorities.get(80450).name()).isEqualTo(name + " (renamed)");
        } finally {
            jdbc.sql("UPDATE local_authority SET name = ? WHERE urn = 80450").param(name).update();
        }
        assertThat(localAuthorities.get(80450).name()).isEqualTo(name);
    }

    private String firstColumn(String table) {
        return jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = ? AND ordinal_position = 1")
                .param(table).query(String.class).single();
    }
}
