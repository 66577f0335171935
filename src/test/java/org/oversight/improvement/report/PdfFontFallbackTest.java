package org.oversight.improvement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no font to embed, the PDF is still produced, untagged, with its text and title. */
class PdfFontFallbackTest {

    @Test
    void fallsBackToUntaggedPdfWhenNoFontCanBeEmbedded(@TempDir Path emptyFontDir) throws Exception {
        String previous = System.getProperty(PdfRenderer.FONT_DIR_PROPERTY);
        System.setProperty(PdfRenderer.FONT_DIR_PROPERTY, emptyFontDir.toString());
        try {
            assertThat(CommitteeReportPdf.isTagged()).isFalse();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CommitteeReportPdf.write(SeedReports.committeeReport(), out);
            try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
                assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNull();
                assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Ofsted Inspection 2020");
            }
            assertThat(PdfText.text(out.toByteArray()))
                    .contains("Safeguarding Sub Committee", "24/06/2020", SeedReports.RECOMMENDATION_2);
        } finally {
            if (previous == null) {
                System.clearProperty(PdfRenderer.FONT_DIR_PROPERTY);
            } else {
                System.setProperty(PdfRenderer.FONT_DIR_PROPERTY, previous);
            }
        }
    }

    @Test
    void findsFontsInAConfiguredDirectory(@TempDir Path fontDir) throws Exception {
        Path dejavu = Path.of("/usr/share/fonts/truetype/dejavu");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(dejavu.resolve("DejaVuSans.ttf")),
                "needs Debian's fonts-dejavu-core");
        Files.copy(dejavu.resolve("DejaVuSans.ttf"), fontDir.resolve("DejaVuSans.ttf"));
        Files.copy(dejavu.resolve("DejaVuSans-Bold.ttf"), fontDir.resolve("DejaVuSans-Bold.ttf"));
        String previous = System.getProperty(PdfRenderer.FONT_DIR_PROPERTY);
        System.setProperty(PdfRenderer.FONT_DIR_PROPERTY, fontDir.toString());
        try {
            assertThat(CommitteeReportPdf.isTagged()).isTrue();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WrittenStatementPdf.write(SeedReports.writtenStatement(), out);
            try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
                assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            }
        } finally {
            if (previous == null) {
                System.clearProperty(PdfRenderer.FONT_DIR_PROPERTY);
            } else {
                System.setProperty(PdfRenderer.FONT_DIR_PROPERTY, previous);
            }
        }
    }
}
