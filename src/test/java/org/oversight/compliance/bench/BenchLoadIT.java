package org.oversight.compliance.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.oversight.compliance.ComplianceFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load of {@code bin/oversight bench-load}, briefly: its users sign in and every page group answers without error. */
class BenchLoadIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBenchmarkUsersSignInAndRequestEveryPageGroupWithoutErrors() throws Exception {
        ComplianceFixture.southwark(jdbc, null);
        UUID plan = jdbc.sql("SELECT p.id FROM improvement_plan p JOIN local_authority la ON la.id = p.la_id WHERE la.urn = 80450 LIMIT 1")
                .query(UUID.class).single();
        BenchLoadCommand.Load.Report report = new BenchLoadCommand.Load("http://localhost:" + port, PASSWORD, plan, 4, Duration.ZERO,
                Duration.ofSeconds(10), true).run(); // long enough for the slowest group (national compliance) on a busy machine
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8), 4);
        assertThat(report.errors()).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        for (int g = 0; g < BenchLoadCommand.Load.GROUPS.size(); g++) {
            assertThat(report.count(g)).as(BenchLoadCommand.Load.GROUPS.get(g)).isPositive();
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("single record").contains("baseline /actuator/health")
                .contains("goal no errors: 0 errors, met");
    }

    @Test
    void aUserThatCannotSignInStopsTheBenchmark() {
        assertThatThrownBy(() -> new BenchLoadCommand.Load("http://localhost:" + port, "wrong-password", UUID.randomUUID(), 1,
                Duration.ZERO, Duration.ofSeconds(1), false).run()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not sign in as col.manager");
    }
}
