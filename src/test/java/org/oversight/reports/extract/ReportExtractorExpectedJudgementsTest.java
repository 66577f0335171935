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

/** Every row of data/ofsted-reports/expected-judgements.csv must be extracted exactly, field by field. */
class ReportExtractorExpectedJudgementsTest {

    private static final ReportExtractor EXTRACTOR = new ReportExtractor();
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static List<CSVRecord> rows() throws IOException {
        Path csv = TestData.dir("ofsted-reports").resolve("expected-judgements.csv");
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void theExpectedFileHasTwentyOneRows() throws IOException {
        assertThat(rows()).hasSize(21);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void extractsFrameworkDatesAndAllFiveJudgements(CSVRecord row) {
        Path pdf = TestData.dir("ofsted-reports").resolve(row.get("file"));
        ExtractionResult result = EXTRACTOR.extract(pdf);
        assertThat(result).as(row.get("file")).isInstanceOf(ExtractionResult.Success.class);
        ExtractedReport r = ((ExtractionResult.Success) result).report();

        assertThat(r.type()).isEqualTo(ActivityKind.INSPECTION);
        assertThat(lower(r.framework())).as("framework").isEqualTo(row.get("framework"));
        assertThat(r.startDate()).as("start_date").isEqualTo(LocalDate.parse(row.get("start_date"), DMY));
        assertThat(r.endDate()).as("end_date").isEqualTo(LocalDate.parse(row.get("end_date"), DMY));
        assertThat(label(r.overall())).as("overall").isEqualTo(row.get("overall"));
        assertThat(label(r.leaders())).as("leaders").isEqualTo(row.get("leaders"));
        assertThat(label(r.helpAndProtection())).as("help_and_protection").isEqualTo(row.get("help_and_protection"));
        assertThat(label(r.inCare())).as("in_care").isEqualTo(row.get("in_care"));
        assertThat(label(r.careLeavers())).as("care_leavers").isEqualTo(row.get("care_leavers"));
        assertThat(r.publicationDate()).as("publication date is not printed in ILACS reports").isNull();
        assertThat(r.warnings()).as("warnings").isEmpty();
    }

    private static String lower(Enum<?> e) {
        return e == null ? "" : e.name().toLowerCase(Locale.ROOT);
    }

    private static String label(Grade g) {
        return g == null ? "" : g.label();
    }
}
