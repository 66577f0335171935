package org.oversight.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.oversight.reports.extract.ExtractedReport;
import org.oversight.reports.extract.ExtractionResult;
import org.oversight.reports.extract.ReportExtractor;
import org.oversight.reports.national.DatasetBuilder;
import org.oversight.shared.Dates;

/**
 * 33 real focused visit and JTAI letters (2016 to 2025) chosen for the ways they differ: how they name the LA (councils,
 * trusts, short names, possessives, none in the title), how they give the visit dates (no year, lists, en dashes,
 * "on the 15 and 16 of May", after an introductory paragraph) and how they head their lists. Every expected value in
 * data/ofsted-letter-variants/expected.csv was read by hand from the letter. No rule names an LA.
 */
class LetterVariantsTest {

    private static final Path DIR = Path.of("data/ofsted-letter-variants");
    private static final ReportExtractor EXTRACTOR = new ReportExtractor();
    private static final Map<Integer, String> REGISTER = DatasetBuilder.bundledLaNames();

    record Named(int urn, String name) {
    }

    static List<CSVRecord> rows() throws IOException {
        try (Reader r = Files.newBufferedReader(DIR.resolve("expected.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    @Test
    void thereAreThirtyThreeLetters() throws IOException {
        assertThat(rows()).hasSize(33);
        try (var files = Files.list(DIR)) {
            assertThat(files.filter(p -> p.toString().endsWith(".pdf"))).hasSize(33);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readsEveryValueAsTheLetterPrintsIt(CSVRecord row) {
        String file = row.get("file");
        ExtractionResult result = EXTRACTOR.extract(DIR.resolve(file));
        assertThat(result).as(file).isInstanceOf(ExtractionResult.Success.class);
        ExtractedReport r = ((ExtractionResult.Success) result).report();
        assertThat(r.type().name().toLowerCase(Locale.ROOT)).as("type").isEqualTo(row.get("type"));
        assertThat(Dates.format(r.startDate())).as("start_date").isEqualTo(row.get("start_date"));
        assertThat(Dates.format(r.endDate())).as("end_date").isEqualTo(row.get("end_date"));
        assertThat(r.leadInspector() == null ? "" : r.leadInspector()).as("lead_inspector").isEqualTo(row.get("lead_inspector"));
        assertThat(r.priorityActions()).as("priority_actions").hasSize(Integer.parseInt(row.get("priority_actions")));
        assertThat(r.improvementItems()).as("improvement_items").hasSize(Integer.parseInt(row.get("improvement_items")));
        assertThat(Dates.format(r.publicationDate())).as("letter_date").isEqualTo(row.get("letter_date"));
        // the authority as printed matches the expected LA of the register, by the one rule every LA shares
        var matched = LaNames.match(r.localAuthorityName(), REGISTER.entrySet().stream()
                .map(e -> new Named(e.getKey(), e.getValue())).toList(), n -> List.of(n.name()));
        assertThat(matched).as("LA named '" + r.localAuthorityName() + "'").isPresent();
        assertThat(matched.get().name()).as("LA named '" + r.localAuthorityName() + "'").isEqualTo(row.get("la"));
        List<String> unexpected = new ArrayList<>(r.warnings());
        unexpected.removeIf(w -> w.equals("theme of the visit not found"));
        if (file.startsWith("darlington-")) {
            assertThat(unexpected).singleElement().asString().contains("span more than a month");
        } else {
            assertThat(unexpected).as("warnings").isEmpty();
        }
        assertThat(r.publicationDate() == null || !r.publicationDate().isBefore(r.endDate())).as("letter after the visit").isTrue();
    }

    /**
     * Every way the 435 letters of the two data-to-insight letter collections (371 focused visits, 64 JTAIs) print their
     * LA, as Oversight read it, with the URN of the folder the tool filed the letter under: all 259 match their LA.
     */
    @Test
    void everyPrintedLaNameOfFourHundredAndThirtyFiveLettersMatchesItsLa() throws IOException {
        List<Named> register = REGISTER.entrySet().stream().map(e -> new Named(e.getKey(), e.getValue())).toList();
        int checked = 0;
        try (Reader r = Files.newBufferedReader(DIR.resolve("printed-la-names.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                var matched = LaNames.match(rec.get("printed"), register, n -> List.of(n.name()));
                assertThat(matched).as(rec.get("printed")).isPresent();
                assertThat(matched.get().urn()).as(rec.get("printed")).isEqualTo(Integer.parseInt(rec.get("urn")));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(259);
    }

    @Test
    void aNameThatFitsTwoLasMatchesNeither() {
        List<Named> register = REGISTER.entrySet().stream().map(e -> new Named(e.getKey(), e.getValue())).toList();
        assertThat(LaNames.match("Royal Borough of Kingston upon", register, n -> List.of(n.name()))).isEmpty();
        assertThat(LaNames.match("Newcastle", register, n -> List.of(n.name())).map(Named::urn)).contains(80525);
        assertThat(LaNames.match("", register, n -> List.of(n.name()))).isEmpty();
    }

    @Test
    void theLettersDateIsNeverBeforeTheVisitExceptWhereOfstedMisprintedIt() throws IOException {
        for (CSVRecord row : rows()) {
            if (!row.get("letter_date").isEmpty()) {
                assertThat(LocalDate.parse(row.get("letter_date"), Dates.DATE)).as(row.get("file"))
                        .isAfter(LocalDate.parse(row.get("end_date"), Dates.DATE));
            }
        }
    }
}
