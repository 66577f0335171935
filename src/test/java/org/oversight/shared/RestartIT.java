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

    @Test
    void theCommitteeReportCommandWorksOnAFreshDataDirectory() throws Exception {
        Path dataDir = Files.createTempDirectory("oversight-cli");
        Path out = Files.createTempDirectory("oversight-report");
        String output = runCli(dataDir, "committee-report", "--la", "80450", "--start", "02/03/2020", "--out", out.toString());
        assertThat(output).contains("Wrote");
        try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(out.resolve("report.docx")))) {
            String header = docx.getTables().getFirst().getText();
            assertThat(header).contains("Community and Children's Services Committee").contains("17 June 2020")
                    .contains("Safeguarding Sub Committee").contains("24 June 2020")
                    .contains("Audit and Risk Management Committee").contains("14 July 2020");
        }
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertThat(text).contains("Overall effectiveness").contains("Note the report");
        }
        String bad = runCliExpectingFailure(dataDir, "committee-report", "--la", "80450", "--start", "31/02/2020", "--out", out.toString());
        assertThat(bad).contains("--start: '31/02/2020' is not a real date");
    }

    private static String runCliExpectingFailure(Path dataDir, String... command) throws IOException, InterruptedException {
        Process process = start(dataDir, command);
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(2);
        return output;
    }

    private static String runCli(Path dataDir, String... command) throws IOException, InterruptedException {
        Process process = start(dataDir, command);
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("process finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static Process start(Path dataDir, String... command) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> args = new java.util.ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Doversight.reports.import-on-start=false", "org.oversight.OversightApplication", "cli"));
        args.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        pb.environment().put("OVERSIGHT_DATA_DIR", dataDir.toString());
        pb.environment().remove("SPRING_DATASOURCE_URL");
        return pb.start();
    }
}
