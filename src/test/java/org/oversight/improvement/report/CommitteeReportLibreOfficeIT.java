package org.oversight.improvement.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committee report's DOCX as a council officer's Word or LibreOffice lays it out, checked by converting it with
 * Debian's LibreOffice (headless) and reading the result with PDFBox, beside Oversight's own PDF of the same report:
 * A4 pages, page numbers in the footer, about as many pages, and no word broken across lines by a column too narrow
 * ("managem/ent", "30/09/202/0" when every table's columns were equal).
 */
class CommitteeReportLibreOfficeIT {

    private static final String SOFFICE = "/usr/bin/soffice";

    @Test
    void libreOfficeLaysTheDocxOutOnA4LikeOversightsOwnPdfWithNoWordBroken() throws Exception {
        assertThat(Path.of(SOFFICE)).as("Debian's LibreOffice (bin/test installs libreoffice-writer-nogui)").isExecutable();
        CommitteeReportContent content = SeedReports.committeeReport();
        Path dir = Files.createTempDirectory("oversight-docx-libreoffice");
        try {
            Path docx = dir.resolve("committee-report.docx");
            try (OutputStream out = Files.newOutputStream(docx)) {
                CommitteeReportDocx.write(content, out);
            }
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            CommitteeReportPdf.write(content, ours);

            Process convert = new ProcessBuilder(SOFFICE, "-env:UserInstallation=" + dir.resolve("profile").toUri(), "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("soffice.log").toFile()).start();
            assertThat(convert.waitFor(4, TimeUnit.MINUTES)).as("LibreOffice converts within 4 minutes").isTrue();
            Path converted = dir.resolve("committee-report.pdf");
            assertThat(converted).as("LibreOffice's PDF; its log: " + Files.readString(dir.resolve("soffice.log"))).exists();

            try (PDDocument lo = Loader.loadPDF(converted.toFile()); PDDocument own = Loader.loadPDF(ours.toByteArray())) {
                PDRectangle page = lo.getPage(0).getMediaBox();
                PDRectangle ownPage = own.getPage(0).getMediaBox();
                assertThat(page.getWidth()).as("A4 width in points, as Oversight's PDF").isCloseTo(ownPage.getWidth(), org.assertj.core.data.Offset.offset(1f))
                        .isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
                assertThat(page.getHeight()).as("A4 height").isCloseTo(ownPage.getHeight(), org.assertj.core.data.Offset.offset(1f))
                        .isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
                int pages = lo.getNumberOfPages();
                int ownPages = own.getNumberOfPages();
                System.out.printf("Committee report: LibreOffice lays the DOCX out on %d A4 pages, Oversight's PDF has %d%n", pages, ownPages);
                assertThat(Math.abs(pages - ownPages)).as("LibreOffice %d pages, Oversight %d: about the same (no half-empty pages)", pages, ownPages)
                        .isLessThanOrEqualTo(Math.max(1, ownPages / 4));

                String loText = new PDFTextStripper().getText(lo);
                assertThat(loText).as("page numbers in the footer").contains("Page 1 of " + pages);
                Set<String> loWords = words(loText);
                List<String> broken = new ArrayList<>();
                for (String word : longWords(docx)) {
                    if (!loWords.contains(word)) {
                        broken.add(word);
                    }
                }
                System.out.printf("Committee report: %d long words and dates of the DOCX, %d not found whole in LibreOffice's PDF %s%n",
                        longWords(docx).size(), broken.size(), broken.stream().limit(10).toList());
                assertThat(broken).as("words and dates broken across lines by narrow columns").isEmpty();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Words of 9 letters or more, and dd/mm/yyyy dates, as the DOCX holds them (hyphenated words left out: a line may break at the hyphen). */
    private static Set<String> longWords(Path docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(Files.newInputStream(docx)); XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            Set<String> out = new LinkedHashSet<>();
            for (String w : extractor.getText().split("[\\s\"“”‘’(),.;:!?\\[\\]]+")) {
                if ((w.length() >= 9 && w.chars().allMatch(Character::isLetter)) || w.matches("\\d{2}/\\d{2}/\\d{4}")) {
                    out.add(w);
                }
            }
            return out;
        }
    }

    private static Set<String> words(String text) {
        return new LinkedHashSet<>(List.of(text.split("[\\s\"“”‘’(),.;:!?\\[\\]]+")));
    }
}
