package org.oversight.childdata.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CinCliTest {

    record Run(int status, String out, String err) {
    }

    static Run run(String command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CinCli.run(command, List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void validatePrintsEveryFindingAndASummaryByRuleAndFailsOnErrors() {
        Run r = run("validate-cin", "data/child-data/cin-fake/CIN_Census_2026.xml", "data/child-data/cin-fake/fake_CIN_data.xml");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains("data/child-data/cin-fake/CIN_Census_2026.xml line 85, child child_fails_assessments,"
                + " CINdetails[1], CINreferralDate '2024-10-24': 8600 error: Child referral date missing or after data collection"
                + " period");
        assertThat(r.out()).contains("data/child-data/cin-fake/fake_CIN_data.xml: 332 children, ");
        assertThat(r.out()).containsPattern("\\n  1510 +error +321  UPN invalid \\(wrong check letter at character 1\\)\\n");
        assertThat(r.out()).containsPattern("\\n  8569Q +query +321  A case with referral date before one working day");
        assertThat(r.out()).containsPattern("Total: 2 files, \\d+ errors, \\d+ queries");
    }

    @Test
    void aCleanFilePassesAndAQueryAloneDoesNotFail(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("clean.xml");
        assertThat(run("generate-cin", "--la", "201", "--children", "300", "--seed", "4", "--out", file.toString()).status()).isZero();
        Run clean = run("validate-cin", file.toString());
        assertThat(clean.status()).isZero();
        assertThat(clean.out()).contains(file + ": 300 children, 0 errors, 0 queries").doesNotContain("By rule");
        Path queried = dir.resolve("queried.xml");
        Files.writeString(queried, Files.readString(file).replaceFirst("</LAchildID>", "</LAchildID><FormerUPN>X12</FormerUPN>"));
        Run query = run("validate-cin", queried.toString());
        assertThat(query.status()).isZero();
        assertThat(query.out()).contains("FormerUPN 'X12': 1560Q query: Please check and either amend or provide a reason:"
                + " Former UPN wrongly formatted").contains(": 300 children, 0 errors, 1 queries");
    }

    @Test
    void aFileThatCannotBeReadSaysWhyAndFails(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<?xml version=\"1.0\"?>\n<!DOCTYPE Message SYSTEM \"http://example.org/x.dtd\">\n<Message/>");
        Run r = run("validate-cin", bad.toString(), dir.resolve("missing.xml").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains(bad + " line 2, column ").contains("OV-CIN-DOCTYPE error").contains(bad + ": not validated.")
                .contains(dir.resolve("missing.xml") + ": no such file");
    }

    @Test
    void aFileOverTheSizeLimitIsNotRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.xml");
        run("generate-cin", "--la", "201", "--children", "1500", "--out", file.toString());
        Run r = run("validate-cin", "--max-mb", "1", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).contains("OV-CIN-LIMIT error: The file is ").contains("over the limit of 1048576 bytes; it was not read.");
    }

    @Test
    void generateIsDeterministicAndUsageMistakesAreNamed(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.xml");
        Path b = dir.resolve("sub/b.xml");
        run("generate-cin", "--la", "886", "--children", "50", "--seed", "8", "--out", a.toString());
        Run gen = run("generate-cin", "--la", "886", "--children", "50", "--seed", "8", "--out", b.toString());
        assertThat(gen.out()).startsWith("Wrote " + b + ": CIN census of LA 886, 50 children, reference date 2026-03-31,");
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(run("generate-cin", "--la", "886").err()).contains("--la, --children and --out are required");
        assertThat(run("generate-cin", "--la", "88", "--children", "1", "--out", a.toString()).err()).contains("three digits");
        Run none = run("validate-cin");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("Usage: bin/oversight validate-cin [--max-mb N] FILE|FOLDER...");
        Run folder = run("validate-cin", "data/child-data/cin-fake");
        assertThat(folder.out()).contains("Total: 9 files, ");
        assertThat(run("validate-cin", "--fast", "x.xml").err()).contains("unknown option --fast");
    }
}
