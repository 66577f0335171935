package org.oversight.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps its data between runs: two separate Oversight processes on one data directory, the
 * second finds the document the first imported.
 */
class RestartIT {

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("oversight-restart");
        String letter = Path.of("data/ofsted-letters/harrow-focused-visit-2018-10-09.pdf").toAbsolutePath().toString();
        String first = runCli(dataDir, "import-reports", letter);
        assertThat(first).contains(": imported (Harrow)");
        String second = runCli(dataDir, "import-reports", letter);
        assertThat(second).contains(": unchanged (Harrow)").contains("already imported");
        assertThat(dataDir.resolve("pgdata/PG_VERSION")).hasContent("17");
    }

    private static String runCli(Path dataDir, String... command) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> args = new java.util.ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Doversight.reports.import-on-start=false", "org.oversight.OversightApplication", "cli"));
        args.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        pb.environment().put("OVERSIGHT_DATA_DIR", dataDir.toString());
        pb.environment().remove("SPRING_DATASOURCE_URL");
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
