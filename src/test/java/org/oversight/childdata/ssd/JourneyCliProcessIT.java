package org.oversight.childdata.ssd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a user runs it, each command a separate process on a fresh data directory: {@code generate-data}
 * writes an SSD extract and a CIN census per LA, {@code import-ssd} and {@code import-cin} store them (the first start
 * makes the database), and a census with errors is refused with its places printed.
 */
class JourneyCliProcessIT {

    private static String run(Path dataDir, Path log, String... words) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.oversight.OversightApplication", "cli"));
        command.addAll(List.of(words));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("SPRING_DATASOURCE_URL");
        pb.environment().put("OVERSIGHT_DATA_DIR", dataDir.toString());
        Process p = pb.start();
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("the command finished within ten minutes").isTrue();
        return p.exitValue() + "\n" + Files.readString(log);
    }

    @Test
    void generateThenImportAnSsdExtractAndACinCensusOnAFreshDataDirectory(@TempDir Path tmp) throws IOException, InterruptedException {
        Path out = tmp.resolve("generated");
        Path dataDir = tmp.resolve("data");
        Files.createDirectories(dataDir);
        String generated = run(dataDir, tmp.resolve("generate.log"), "generate-data", "--scale", "la", "--la", "201", "--seed", "3", "--out", out.toString());
        assertThat(generated).startsWith("0\n").contains("Wrote a CIN census (cin-census.xml) and an SSD extract (ssd/) per LA");
        assertThat(out.resolve("201/cin-census.xml")).exists();
        assertThat(out.resolve("201/ssd/ssd_person.csv")).exists();

        String ssd = run(dataDir, tmp.resolve("ssd.log"), "import-ssd", "--la", "80450", "--year", "2026", out.resolve("201/ssd").toString());
        assertThat(ssd).as(ssd).startsWith("0\n").contains("Stored snapshot").contains(" 0 left out");

        String cin = run(dataDir, tmp.resolve("cin.log"), "import-cin", "--la", "80450", out.resolve("201/cin-census.xml").toString());
        assertThat(cin).as(cin).startsWith("0\n").contains("Stored snapshot");

        String bad = run(dataDir, tmp.resolve("bad.log"), "import-cin", "--la", "80450", Path.of("data/child-data/cin-fake/CIN_Census_2021.xml")
                .toAbsolutePath().toString());
        assertThat(bad).as(bad).startsWith("2\n").contains("Nothing stored").containsPattern("CIN_Census_2021\\.xml row \\d+, column \\S+.*: \\d{4}Q? Child ");
    }
}
