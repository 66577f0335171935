package org.oversight.childdata.annexa;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.childdata.ssda903.ValidationError;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading Annex A lists 8 and 9: the synthetic workbook reads clean; each kind of bad input is named with its place. */
class AnnexAWorkbookTest {

    private static final LocalDate YEAR_END = LocalDate.of(2027, 3, 31);

    @Test
    void theSyntheticWorkbookOfAnLaReadsWithoutErrorsAndMatchesItsReturn(@TempDir Path dir) throws IOException {
        var summary = SyntheticData.generate(SyntheticData.Scale.LA, 11, List.of("201"), dir);
        byte[] xlsx = Files.readAllBytes(dir.resolve("201").resolve(SyntheticData.ANNEX_A_FILE));
        AnnexAWorkbook.Result result = AnnexAWorkbook.read("annex-a.xlsx", xlsx, YEAR_END);
        assertThat(result.errors()).isEmpty();
        var counts = summary.byLa().get("201");
        assertThat(result.rows().stream().filter(r -> r.list() == 8)).hasSize(counts.childrenInCare());
        assertThat(result.rows().stream().filter(r -> r.list() == 9)).hasSize(counts.careLeavers());
        assertThat(result.rows()).allSatisfy(r -> assertThat(r.team()).isNotBlank());
        assertThat(result.rows().stream().filter(r -> r.list() == 8)).allSatisfy(r -> assertThat(r.placementStart()).isNotNull());
        assertThat(result.rows().stream().filter(r -> r.list() == 9)).allSatisfy(r -> assertThat(r.pathwayReview()).isNotNull());
        assertThat(result.latestDate()).isBeforeOrEqualTo(YEAR_END);
    }

    @Test
    void badDatesDuplicatesAndMissingHeadingsAreNamedWithSheetRowAndColumn() throws IOException {
        byte[] xlsx = workbook(list8 -> {
            row(list8, 1, "C1", "Team A", "Worker 1", "31/02/2026", "01/01/2026");
            row(list8, 2, "C1", "Team A", "Worker 1", "01/02/2026", "01/01/2026");
            row(list8, 3, "C3", "Team B", "Worker 2", "2026-02-01", "01/01/2026");
            row(list8, 4, "C4", "Team B", "Worker 2", "01/02/2028", "");
            row(list8, 5, "C5", "Team B", "Worker 2", "01/02/2026", "");
        });
        AnnexAWorkbook.Result result = AnnexAWorkbook.read("annex.xlsx", xlsx, YEAR_END);
        assertThat(result.errors()).extracting(ValidationError::ruleCode)
                .containsExactly("OV-AA-DATE", "OV-AA-DUPLICATE", "OV-AA-DATE", "OV-AA-DATE-RANGE");
        ValidationError impossible = result.errors().getFirst();
        assertThat(impossible.file()).isEqualTo("annex.xlsx (List 8)");
        assertThat(impossible.row()).isEqualTo(2);
        assertThat(impossible.column()).isEqualTo("Date of Last Social Work Visit");
        assertThat(impossible.value()).isEqualTo("31/02/2026");
        assertThat(result.rows()).extracting(AnnexAWorkbook.Row8or9::childRef).containsExactly("C5");
        assertThat(result.badRows()).isEqualTo(4);
    }

    @Test
    void aMissingHeadingAnEmptyFileAndAFileThatIsNotAWorkbookAreRefused() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row h = wb.createSheet("List 8").createRow(0);
            h.createCell(0).setCellValue("Child Unique ID");
            h.createCell(1).setCellValue("Allocated Team");
            wb.write(out);
            var result = AnnexAWorkbook.read("a.xlsx", out.toByteArray(), YEAR_END);
            assertThat(result.errors()).extracting(ValidationError::column)
                    .containsExactly("Allocated Worker", "Date of Last Social Work Visit", "Date of Last Health Assessment");
            assertThat(result.errors()).allSatisfy(e -> assertThat(e.ruleCode()).isEqualTo("OV-AA-COLUMN"));
        }
        assertThat(AnnexAWorkbook.read("a.xlsx", new byte[0], YEAR_END).errors()).extracting(ValidationError::ruleCode).containsExactly("OV-AA-EMPTY");
        assertThat(AnnexAWorkbook.read("a.xlsx", "CHILD,DOB\n".getBytes(), YEAR_END).errors()).extracting(ValidationError::ruleCode)
                .containsExactly("OV-AA-NOT-XLSX");
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Contacts");
            wb.write(out);
            assertThat(AnnexAWorkbook.read("a.xlsx", out.toByteArray(), YEAR_END).errors()).extracting(ValidationError::ruleCode)
                    .containsExactly("OV-AA-NO-LISTS");
        }
    }

    private static byte[] workbook(java.util.function.Consumer<Sheet> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet list8 = wb.createSheet("List 8");
            row(list8, 0, "Child Unique ID", "Allocated Team", "Allocated Worker", "Date of Last Social Work Visit", "Date of Last Health Assessment");
            rows.accept(list8);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (!values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }
}
