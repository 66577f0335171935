package org.oversight.childdata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.childdata.annexa.AnnexAWorkbook;
import org.oversight.childdata.ssda903.ReadResult;
import org.oversight.childdata.ssda903.Ssda903Reader;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;
import org.oversight.support.HostileFiles;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The readers stop at every limit with words that say which, before building what is past it: CSV rows, columns,
 * value length, file size and errors; workbook expanded size (counted as inflated, for a workbook that passes POI's own
 * checks), parts POI reads whole, sheets, rows, columns and value length; and a file that is not a workbook.
 */
class ImportLimitsTest {

    private static final LocalDate YEAR_END = LocalDate.of(2027, 3, 31);

    private static UploadLimits limits(long fileBytes, long expandedBytes, int sheets, int rows, int columns, int cellChars, int errors) {
        return new UploadLimits(DataSize.ofBytes(fileBytes), DataSize.ofMegabytes(200), DataSize.ofBytes(expandedBytes), sheets, rows, columns,
                cellChars, errors, 100, 2, DataSize.ofMegabytes(1));
    }

    private static final UploadLimits SMALL = limits(1_000_000, 2L * 1024 * 1024, 3, 50, 20, 100, 10);

    private static ReadResult csv(String name, String text, UploadLimits limits) {
        return Ssda903Reader.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limits);
    }

    @Test
    void aCsvTablePastTheRowLimitIsRefusedNamingTheLimit(@TempDir Path dir) throws IOException {
        String fifty = Files.readString(HostileFiles.header(dir.resolve("h50.csv"), 50));
        assertThat(csv("header.csv", fifty, SMALL).rows()).hasSize(50);
        String more = Files.readString(HostileFiles.header(dir.resolve("h51.csv"), 51));
        assertThatThrownBy(() -> csv("header.csv", more, SMALL)).isInstanceOf(UploadLimitException.class)
                .hasMessage("header.csv: the Header table has more than 50 rows")
                .extracting(e -> ((UploadLimitException) e).setting()).isEqualTo("oversight.imports.max-rows");
    }

    @Test
    void aCsvRowWithTooManyColumnsOrAValueTooLongIsStoppedBeforeTheParserBuildsIt(@TempDir Path dir) throws IOException {
        String wide = Files.readString(HostileFiles.manyColumns(dir.resolve("wide.csv"), 50));
        assertThatThrownBy(() -> csv("header.csv", wide, SMALL)).isInstanceOf(UploadLimitException.class)
                .hasMessage("header.csv: row 1 has more than 20 columns");
        String longValue = Files.readString(HostileFiles.hugeValue(dir.resolve("long.csv"), 101));
        assertThatThrownBy(() -> csv("header.csv", longValue, SMALL)).isInstanceOf(UploadLimitException.class)
                .hasMessage("header.csv: a value in row 2 is longer than 100 characters");
        // Quoted commas and line breaks are inside one value: counted as the parser counts them.
        String quoted = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n\"C,1\",M,01/01/2012,WBRI,\"UN1\n,,,,,,,,,,,,,,,,,,,,,,,,,\",,\n";
        assertThat(csv("header.csv", quoted, SMALL).rows()).hasSize(1);
    }

    @Test
    void aCsvFilePastTheSizeLimitIsRefusedAndErrorsPastTheirLimitAreCountedNotKept(@TempDir Path dir) throws IOException {
        UploadLimits tiny = limits(1024, 2_000_000, 3, 1000, 20, 100, 10);
        String big = Files.readString(HostileFiles.header(dir.resolve("h.csv"), 100));
        assertThatThrownBy(() -> csv("header.csv", big, tiny)).isInstanceOf(UploadLimitException.class)
                .hasMessage("header.csv: the file is larger than 1 KB");
        StringBuilder bad = new StringBuilder("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
        for (int i = 0; i < 40; i++) {
            bad.append(",X,31/02/2012,ZZZZ,,9,\n"); // the reader's own checks: no CHILD, MOTHER not a code (DfE's rules run later)
        }
        ReadResult result = csv("header.csv", bad.toString(), SMALL);
        assertThat(result.errors()).hasSize(10);
        assertThat(result.errorTotal()).isEqualTo(80); // CHILD and MOTHER on each of 40 rows
    }

    @Test
    void aWorkbookThatPassesPoisChecksButExpandsPastTheLimitIsStoppedAsItIsInflated(@TempDir Path dir) throws IOException {
        HostileFiles.Workbook bomb = HostileFiles.annexABomb(dir.resolve("annex-a.xlsx"), 2, 3L * 1024 * 1024, 1);
        assertThat(bomb.smallestRatio()).as("above POI's ZipSecureFile minimum inflate ratio (1%%)").isGreaterThan(0.01);
        assertThat(bomb.expanded()).isGreaterThan(6L * 1024 * 1024);
        UploadLimits capped = limits(50_000_000, 2L * 1024 * 1024, 3, 100_000, 200, 32_767, 1000);
        assertThatThrownBy(() -> AnnexAWorkbook.read("annex-a.xlsx", bomb.file(), YEAR_END, capped)).isInstanceOf(UploadLimitException.class)
                .hasMessage("annex-a.xlsx: the workbook expands to more than 2 MB when unzipped");
        // Within the limit, the same workbook reads, every row of both lists.
        UploadLimits roomy = limits(50_000_000, 20L * 1024 * 1024, 3, 10_000, 200, 32_767, 1000);
        AnnexAWorkbook.Result read = AnnexAWorkbook.read("annex-a.xlsx", bomb.file(), YEAR_END, roomy);
        assertThat(read.rows()).isNotEmpty();
        assertThat(read.errors()).allSatisfy(e -> assertThat(e.ruleCode()).isIn("OV-AA-DUPLICATE", "OV-AA-COLUMN"));
    }

    @Test
    void aWorkbookWithTooManySheetsRowsColumnsOrTooLongAValueIsRefusedInWords(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> read(dir, wb -> {
            for (int i = 0; i < 4; i++) {
                wb.createSheet("S" + i);
            }
        })).isInstanceOf(UploadLimitException.class).hasMessage("a.xlsx: the workbook has more than 3 sheets");
        assertThatThrownBy(() -> read(dir, wb -> {
            var sheet = list8(wb);
            for (int r = 1; r <= 51; r++) {
                row(sheet, r, "C" + r, "Team", "Worker", "01/02/2026", "01/01/2026");
            }
        })).isInstanceOf(UploadLimitException.class).hasMessage("a.xlsx (List 8): list 8 has more than 50 rows");
        assertThatThrownBy(() -> read(dir, wb -> {
            var sheet = list8(wb);
            row(sheet, 1, "C1", "Team", "Worker", "01/02/2026", "01/01/2026").createCell(300).setCellValue("far right");
        })).isInstanceOf(UploadLimitException.class).hasMessage("a.xlsx (List 8): a row has a value in column 301, more than 20 columns");
        assertThatThrownBy(() -> read(dir, wb -> {
            var sheet = list8(wb);
            row(sheet, 1, "C1", "Team", "W".repeat(101), "01/02/2026", "01/01/2026");
        })).isInstanceOf(UploadLimitException.class).hasMessageContaining("is longer than 100 characters");
    }

    @Test
    void aFileThatIsNotAWorkbookIsSaidInWordsWithNoClassName(@TempDir Path dir) throws IOException {
        assertThat(AnnexAWorkbook.read("a.xlsx", "CHILD,DOB\n".getBytes(StandardCharsets.UTF_8), YEAR_END).errors().getFirst().message())
                .isEqualTo("The file could not be read: it is not an Excel workbook (.xlsx)");
        byte[] ole2 = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1}, 0, ole2, 0, 8);
        assertThat(AnnexAWorkbook.read("a.xlsx", ole2, YEAR_END).errors().getFirst().message())
                .startsWith("The file could not be read: it is an older Excel file (.xls)");
        byte[] truncated;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            list8(wb);
            wb.write(out);
            truncated = java.util.Arrays.copyOf(out.toByteArray(), out.size() / 2);
        }
        assertThat(AnnexAWorkbook.read("a.xlsx", truncated, YEAR_END).errors().getFirst().message()).startsWith("The file could not be read: it is")
                .doesNotContainPattern("[A-Z][a-z]+Exception");
    }

    private static AnnexAWorkbook.Result read(Path dir, java.util.function.Consumer<XSSFWorkbook> build) throws IOException {
        Path file = dir.resolve("a-" + System.nanoTime() + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            build.accept(wb);
            wb.write(out);
        }
        return AnnexAWorkbook.read("a.xlsx", file, YEAR_END, SMALL);
    }

    private static org.apache.poi.ss.usermodel.Sheet list8(XSSFWorkbook wb) {
        var sheet = wb.createSheet("List 8");
        row(sheet, 0, "Child Unique ID", "Allocated Team", "Allocated Worker", "Date of Last Social Work Visit", "Date of Last Health Assessment");
        return sheet;
    }

    private static org.apache.poi.ss.usermodel.Row row(org.apache.poi.ss.usermodel.Sheet sheet, int index, String... values) {
        var row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
        return row;
    }
}
