package org.oversight.reports.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Focused visit and JTAI letters against data/ofsted-letters/expected.csv. */
class ReportExtractorLettersTest {

    private static final ReportExtractor EXTRACTOR = new ReportExtractor();
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static List<CSVRecord> rows() throws IOException {
        Path csv = TestData.dir("ofsted-letters").resolve("expected.csv");
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void theExpectedFileHasTenLetters() throws IOException {
        assertThat(rows()).hasSize(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void extractsTypeDatesLeadInspectorAndPriorityActions(CSVRecord row) {
        ExtractionResult result = EXTRACTOR.extract(TestData.dir("ofsted-letters").resolve(row.get("file")));
        assertThat(result).as(row.get("file")).isInstanceOf(ExtractionResult.Success.class);
        ExtractedReport r = ((ExtractionResult.Success) result).report();

        assertThat(r.type().name().toLowerCase(Locale.ROOT)).as("type").isEqualTo(row.get("type"));
        assertThat(r.framework()).as("letters have no framework").isNull();
        assertThat(r.startDate()).as("start_date").isEqualTo(LocalDate.parse(row.get("start_date"), DMY));
        assertThat(r.endDate()).as("end_date").isEqualTo(LocalDate.parse(row.get("end_date"), DMY));
        assertThat(r.leadInspector() == null ? "" : r.leadInspector()).as("lead_inspector")
                .isEqualTo(row.get("lead_inspector"));
        assertThat(r.priorityActions()).as("priority_actions").hasSize(Integer.parseInt(row.get("priority_actions")));
        assertThat(r.overall()).isNull();
        assertThat(r.leaders()).isNull();
        assertThat(r.helpAndProtection()).isNull();
        assertThat(r.inCare()).isNull();
        assertThat(r.careLeavers()).isNull();
        assertThat(r.improvementItems()).as("every letter here has improvement items").isNotEmpty();
        assertThat(r.theme()).as("theme").isNotBlank();
        assertThat(r.publicationDate()).as("letter date").isNotNull().isAfter(r.endDate());
    }
}
