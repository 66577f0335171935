package org.oversight.shared.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Values a spreadsheet would run as formulas are written as text, in CSV and in XLSX; plain numbers are left alone. */
class SpreadsheetSafeTest {

    static final List<String> FORMULAS = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "=1+1");

    @Test
    void everyFormulaStartIsRiskyAndNumbersAndTextAreNot() {
        assertThat(FORMULAS).allSatisfy(v -> assertThat(SpreadsheetSafe.risky(v)).as(v).isTrue());
        assertThat(List.of("-3", "+2.5", "-0.25", "1e5", "Team A", "", "a=b", "01/04/2026")).allSatisfy(v ->
                assertThat(SpreadsheetSafe.risky(v)).as(v).isFalse());
        assertThat(SpreadsheetSafe.risky(null)).isFalse();
        assertThat(SpreadsheetSafe.csv("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetSafe.csvValue(-5)).isEqualTo(-5);
    }

    @Test
    void aCsvResponseWritesEveryFormulaAsTextAndKeepsTheRest() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvResponse.write(out, List.of("=header", "value"), csv -> {
            for (String f : FORMULAS) {
                csv.printRecord(f, -3);
            }
            csv.printRecord(List.of("Team A", "-7"));
        });
        String text = out.toString(StandardCharsets.UTF_8).substring(1); // the byte order mark
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new java.io.StringReader(text)).getRecords();
        assertThat(rows.getFirst().get(0)).isEqualTo("'=header");
        for (int i = 0; i < FORMULAS.size(); i++) {
            assertThat(rows.get(i + 1).get(0)).isEqualTo("'" + FORMULAS.get(i));
            assertThat(rows.get(i + 1).get(1)).isEqualTo("-3");
        }
        assertThat(rows.getLast().get(0)).isEqualTo("Team A");
        assertThat(rows.getLast().get(1)).isEqualTo("-7");
    }

    @Test
    void anXlsxCellKeepsTheValueAsQuotePrefixedText() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            SpreadsheetSafe.Cells cells = new SpreadsheetSafe.Cells(wb);
            var row = wb.createSheet("S").createRow(0);
            cells.text(row.createCell(0), "=HYPERLINK(\"http://evil.example\")");
            cells.text(row.createCell(1), "Team A");
            wb.write(out);
            bytes = out.toByteArray();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            var row = wb.getSheet("S").getRow(0);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\")");
            assertThat(row.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(row.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }
}
