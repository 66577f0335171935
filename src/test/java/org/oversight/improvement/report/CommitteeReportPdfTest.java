package org.oversight.improvement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.improvement.report.CommitteeReportContent.CommitteeDate;
import org.oversight.improvement.report.CommitteeReportContent.Consultation;
import org.oversight.improvement.report.CommitteeReportContent.JudgementFinding;

class CommitteeReportPdfTest {

    private static final CommitteeReportContent CONTENT = SeedReports.committeeReport();
    private static byte[] pdf;
    private static String text;

    @BeforeAll
    static void render() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommitteeReportPdf.write(CONTENT, out);
        pdf = out.toByteArray();
        text = PdfText.text(pdf);
    }

    @Test
    void isAPdfWithTitleAndAuthorMetadata() throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Ofsted Inspection 2020");
            assertThat(doc.getDocumentInformation().getAuthor()).isEqualTo("City of London");
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void showsTheCommitteesWithTheirDates() {
        for (CommitteeDate d : SeedReports.COMMITTEES) {
            assertThat(text).contains(d.committee(), d.date());
        }
        assertThat(text).containsSubsequence("Committee(s):", "Date(s):",
                "Community and Children's Services Committee", "17/06/2020",
                "Safeguarding Sub Committee", "24/06/2020",
                "Audit and Risk Management Committee", "14/07/2020",
                "Subject:", "Ofsted Inspection 2020", "Public");
    }

    @Test
    void showsEachJudgementWithItsGradeAndBothRecommendations() {
        for (JudgementFinding f : CONTENT.findings()) {
            assertThat(text).contains(f.judgement() + ": " + f.grade());
        }
        assertThat(text).contains(SeedReports.RECOMMENDATION_1, SeedReports.RECOMMENDATION_2);
        assertThat(text).containsSubsequence("Members are asked to:", "Note the report.", "Main Report", "Background");
    }

    @Test
    void showsTheConsultationTableRows() {
        assertThat(text).contains("Officer", "Role", "Date consulted", "Cllr Jasmine Ali", "2 June 2020");
        for (Consultation c : SeedReports.CONSULTATIONS) {
            assertThat(text).containsSubsequence(c.role(), c.name(), c.date());
        }
        assertThat(text).contains("Date final report sent to Constitutional Team: 05/06/2020");
    }

    @Test
    void numbersMainReportParagraphsContinuously() {
        int last = SeedReports.numberedParagraphs(CONTENT);
        assertThat(text).contains("1. Inspections of children's social care")
                .contains(last + ". Children's Social Care services are outstanding");
    }

    @Test
    void isTaggedPdfUaWhenAnEmbeddableFontIsAvailable() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            if (CommitteeReportPdf.isTagged()) {
                assertThat(catalog.getStructureTreeRoot()).isNotNull();
                assertThat(catalog.getMarkInfo()).isNotNull();
                assertThat(catalog.getMarkInfo().isMarked()).isTrue();
                assertThat(catalog.getLanguage()).isEqualToIgnoringCase("en-GB");
                assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
            } else {
                assertThat(catalog.getStructureTreeRoot()).isNull();
            }
        }
    }

    @Test
    void rendersHostileTextLiterally() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommitteeReportPdf.write(SeedReports.committeeReport("Review of <script>alert('x')</script> & \"care\""), out);
        assertThat(PdfText.text(out.toByteArray())).contains("Review of <script>alert('x')</script> & \"care\"");
    }
}
