package org.oversight.shared.upload;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence is typed from its bytes, and its name must agree; what the browser claimed plays no part. */
class FileTypesTest {

    static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'};

    @Test
    void eachKindIsRecognisedFromItsContent() throws Exception {
        assertThat(FileTypes.check("plan.pdf", PDF).kind()).isEqualTo(FileTypes.Kind.PDF);
        assertThat(FileTypes.check("chart.PNG", PNG).kind()).isEqualTo(FileTypes.Kind.PNG);
        assertThat(FileTypes.check("photo.jpeg", JPEG).kind()).isEqualTo(FileTypes.Kind.JPEG);
        assertThat(FileTypes.check("figures.csv", "team,visits\nA,3\n".getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(FileTypes.Kind.CSV);
        assertThat(FileTypes.check("notes.txt", "Visited on 6 April 2026 — £12\n".getBytes(StandardCharsets.UTF_8)).kind())
                .isEqualTo(FileTypes.Kind.TEXT);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("A");
            wb.write(out);
            assertThat(FileTypes.check("data.xlsx", out.toByteArray()).kind()).isEqualTo(FileTypes.Kind.XLSX);
            assertThat(FileTypes.check("data.docx", out.toByteArray()).problem()).isEqualTo(
                    "The file data.docx is named as a Word document but it is an Excel workbook");
        }
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("Minutes");
            doc.write(out);
            assertThat(FileTypes.check("minutes.docx", out.toByteArray()).kind()).isEqualTo(FileTypes.Kind.DOCX);
        }
    }

    @Test
    void aFileWhoseContentIsNotWhatItsNameSaysIsRefusedInWords() {
        String html = "<html><script>alert(1)</script></html>";
        assertThat(FileTypes.check("evidence.pdf", html.getBytes(StandardCharsets.UTF_8)).problem())
                .isEqualTo("The file evidence.pdf is named as a PDF but it is a text file");
        assertThat(FileTypes.check("photo.png", PDF).problem()).isEqualTo("The file photo.png is named as a PNG image but it is a PDF");
        assertThat(FileTypes.check("data.csv", PNG).problem()).isEqualTo("The file data.csv is named as a CSV file but it is a PNG image");
        assertThat(FileTypes.check("page.html", html.getBytes(StandardCharsets.UTF_8)).problem())
                .isEqualTo("The file page.html must be a PDF, Word (.docx), Excel (.xlsx), CSV, text, PNG or JPEG file");
        byte[] ole2 = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a, (byte) 0xe1, 0, 0};
        assertThat(FileTypes.check("old.xlsx", ole2).problem()).startsWith("The file old.xlsx is named as an Excel workbook but its content is not");
        assertThat(FileTypes.check("empty.pdf", new byte[0]).ok()).isFalse();
    }
}
