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

/** The load of {@code bin/oversight bench-load}, briefly: its users sign in and every page group answers without error. */
class BenchLoadIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBenchmarkUsersSignInAndRequestEveryPageGroupWithoutErrors() throws Exception {
        ComplianceFixture.southwark(jdbc, null);
        UUID plan = jdbc.sql("SELECT p.id FROM improvement_plan p JOIN local_authority la ON la.id = p.la_id WHERE la.urn = 80450 LIMIT 1")
                .query(UUID.class).single();
        // One user starting at each page group, so that every group is requested even on a slow machine.
        int users = BenchLoadCommand.Load.GROUPS.size();
        BenchLoadCommand.Load load = new BenchLoadCommand.Load("http://localhost:" + port, PASSWORD, plan, users, Duration.ZERO,
                Duration.ofSeconds(3), true);
        load.saturationSeconds = 2;
        load.databaseBackend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
        BenchLoadCommand.Load.Report report = load.run();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8), users);
        assertThat(report.errors()).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        for (int g = 0; g < BenchLoadCommand.Load.GROUPS.size(); g++) {
            assertThat(report.count(g)).as(BenchLoadCommand.Load.GROUPS.get(g)).isPositive();
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("single record").contains("baseline /actuator/health")
                .contains("goal no errors: 0 errors (0 users could not sign in), met").contains("goal single record at saturation");
        for (int g = 0; g < BenchLoadCommand.Load.GROUPS.size(); g++) {
            // Measured for every group (a slow page on a busy machine may complete none in the short window of this test).
            assertThat(report.saturation()[g]).as("requests a second at saturation: " + BenchLoadCommand.Load.GROUPS.get(g)).isNotNaN()
                    .isGreaterThanOrEqualTo(0);
        }
        assertThat(report.saturation()[BenchLoadCommand.Load.GROUPS.size() - 1]).as("the health endpoint at saturation").isPositive();
        // CPU per request at saturation, the app's and the database's: a page reads the database, so both are used.
        int single = BenchLoadCommand.Load.GROUPS.indexOf("single record");
        assertThat(report.appCpuMs()[single]).as("JVM CPU ms per single-record request").isPositive();
        assertThat(report.dbCpuMs()[single]).as("PostgreSQL CPU ms per single-record request").isPositive();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("CPU per request at saturation").contains("costliest page group: ");
    }

    @Test
    void usersThatCannotSignInAreCountedAsErrorsAndTheBenchmarkStillEnds() throws Exception {
        BenchLoadCommand.Load load = new BenchLoadCommand.Load("http://localhost:" + port, "wrong-password", UUID.randomUUID(), 2,
                Duration.ZERO, Duration.ofSeconds(1), false);
        load.signInDeadline = Duration.ofSeconds(60);
        BenchLoadCommand.Load.Report report;
        try {
            report = load.run();
        } finally {
            // The wrong passwords must not make the other tests' sign-ins wait.
            jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key LIKE 'staff%'").update();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        report.print(new PrintStream(printed, true, StandardCharsets.UTF_8), 2);
        assertThat(report.signInFailures()).isEqualTo(2);
        assertThat(report.errors()).isGreaterThanOrEqualTo(3); // the two users and the first user's pages alone
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("could not sign in as col.manager").contains("NOT met");
    }
}
