package org.oversight.childdata.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/oversight validate-cin} as a user runs it: a separate process on a fresh data directory, no database
 * configured. It must answer without starting one (nothing is written to the data directory).
 */
class ValidateCinProcessIT {

    @Test
    void validatesWithoutADatabase(@TempDir Path dataDir) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dataDir.resolve("../validate-cin.log").normalize();
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.oversight.OversightApplication", "cli", "validate-cin", "data/child-data/cin-fake/CIN2rows.xml"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("SPRING_DATASOURCE_URL");
        pb.environment().put("OVERSIGHT_DATA_DIR", dataDir.toString());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).contains("data/child-data/cin-fake/CIN2rows.xml line 18, child DfEX0000001, ChildIdentifiers, UPN"
                + " 'A123456789123': 1510 error").contains("data/child-data/cin-fake/CIN2rows.xml: 1 children, ")
                .contains("By rule:").doesNotContain("PostgreSQL");
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }
}
