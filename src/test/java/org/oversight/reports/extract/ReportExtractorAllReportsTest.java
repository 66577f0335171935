package org.oversight.reports.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs the extractor over every report in data/ofsted-reports (2012 to 2025, SIF and ILACS) and checks
 * that each result is plausible for its era. Prints the CSV summary.
 */
class ReportExtractorAllReportsTest {

    private static final LocalDate ILACS_START = LocalDate.of(2018, 1, 1);

    @Test
    void everyRealReportExtractsPlausibly() throws IOException {
        ReportExtractor extractor = new ReportExtractor();
        List<Path> files;
        try (Stream<Path> s = Files.list(TestData.dir("ofsted-reports"))) {
            files = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        assertThat(files).hasSize(66);

        StringWriter csv = new StringWriter();
        List<String> problems = new ArrayList<>();
        int successes = 0;
        int sif = 0;
        int notPdf = 0;
        try (ExtractionCsv out = new ExtractionCsv(csv)) {
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                ExtractionResult result = extractor.extract(file.getFileName().toString(), bytes);
                out.write(result);
                if (!ReportExtractor.isPdf(bytes)) {
                    // one file in the set is an Ofsted "report not found" web page saved with a .pdf name
                    notPdf++;
                    if (!(result instanceof ExtractionResult.Failure f) || !f.reason().contains("not a PDF")) {
                        problems.add(file + ": a non-PDF file must be rejected as not a PDF, got " + result);
                    }
                    continue;
                }
                if (!(result instanceof ExtractionResult.Success s)) {
                    problems.add(file + ": " + ((ExtractionResult.Failure) result).reason());
                    continue;
                }
                successes++;
                ExtractedReport r = s.report();
                String name = file.getFileName().toString();
                check(problems, name, r.type() == ActivityKind.INSPECTION, "type " + r.type());
                check(problems, name, r.leadInspector() != null, "no lead inspector");
                check(problems, name, !r.improvementItems().isEmpty(), "no improvement items");
                check(problems, name, r.framework() != null, "no framework");
                check(problems, name, r.startDate() != null && !r.endDate().isBefore(r.startDate()), "dates " + r.onSite());
                check(problems, name, r.warnings().isEmpty(), "warnings " + r.warnings());
                if (r.startDate() == null) {
                    continue;
                }
                LocalDate published = LocalDate.parse(name.substring(name.length() - 14, name.length() - 4));
                check(problems, name, r.endDate().isBefore(published), "inspection ends after publication");
                check(problems, name, r.helpAndProtection() != null && r.leaders() != null && r.inCare() != null,
                        "a practice judgement is missing");
                if (r.framework() == Framework.SIF) {
                    sif++;
                    check(problems, name, r.careLeavers() == null, "SIF care leavers sub-judgement reported");
                    check(problems, name, r.overall() != null, "SIF overall missing");
                } else {
                    check(problems, name, !r.startDate().isBefore(ILACS_START), "ILACS before 2018");
                    check(problems, name, r.overall() != null, "overall missing before 27/04/2026");
                    boolean from2023 = !r.startDate().isBefore(LocalDate.of(2023, 1, 1));
                    check(problems, name, (r.careLeavers() != null) == from2023,
                            "care leavers judgement must exist exactly from 2023");
                    long days = r.endDate().toEpochDay() - r.startDate().toEpochDay();
                    check(problems, name, r.framework() == (days >= 9 ? Framework.STANDARD : Framework.SHORT),
                            "framework " + r.framework() + " for " + days + " days on site");
                }
            }
        }
        System.out.println(csv);
        System.out.printf("reports: %d files, %d extracted (%d SIF), %d not PDFs, %d problems%n",
                files.size(), successes, sif, notPdf, problems.size());
        assertThat(problems).isEmpty();
        assertThat(notPdf).isEqualTo(1);
        assertThat(successes).isEqualTo(65);
        assertThat(sif).as("SIF-era reports in the set (2014 to 2017 inspections)").isEqualTo(22);
    }

    private static void check(List<String> problems, String file, boolean ok, String what) {
        if (!ok) {
            problems.add(file + ": " + what);
        }
    }
}
