package org.oversight.improvement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class WrittenStatementTest {

    private static final WrittenStatementContent CONTENT = SeedReports.writtenStatement();

    /** Finding, then its plan item, then its measure, for every finding, in the given (non-alphabetical) order. */
    private static final List<String> ORDER = List.of(
            SeedReports.WSOA_FINDINGS.get(0), "Item Z recording", "90% of audited files show a management rationale",
            SeedReports.WSOA_FINDINGS.get(1), "Item A step-down", SeedReports.MEASURE_1,
            SeedReports.WSOA_FINDINGS.get(2), "Item M permanence", "Permanence planning meeting by the second review");

    @Test
    void docxShowsFindingsInTheGivenOrderWithTheirPlanItemsAndActions() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WrittenStatementDocx.write(CONTENT, out);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            String text;
            try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
                extractor.setCloseFilesystem(false);
                text = extractor.getText();
            }
            assertThat(text).containsSubsequence(ORDER);
            assertThat(text).contains("2 to 13 March 2020", "01/07/2020");
            assertThat(doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                    .map(XWPFParagraph::getText)).containsExactly("Written statement of action");
            assertThat(doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle()))
                    .map(XWPFParagraph::getText)).containsExactly("Finding 1", "Finding 2", "Finding 3");
            XWPFTable actions = doc.getTables().get(1);
            assertThat(actions.getRow(0).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("Action", "Owner", "Due", "Measure of success");
            assertThat(actions.getRow(1).getTableCells()).extracting(c -> c.getText())
                    .containsExactly("Introduce a decision template", "Head of Quality Assurance", "31/12/2020",
                            "90% of audited files show a management rationale");
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo("City of London");
        }
    }

    @Test
    void pdfShowsFindingsInTheGivenOrderAndHasATitle() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WrittenStatementPdf.write(CONTENT, out);
        assertThat(PdfText.text(out.toByteArray())).containsSubsequence(ORDER);
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            assertThat(doc.getDocumentInformation().getTitle())
                    .isEqualTo("City of London – Written statement of action");
        }
    }

    @Test
    void htmlHasOneH1AndCaptionedTables() throws Exception {
        var doc = CommitteeReportHtmlTest.parse(WrittenStatementHtml.render(CONTENT));
        assertThat(CommitteeReportHtmlTest.xpath(doc, "//h1").getLength()).isOne();
        int tables = CommitteeReportHtmlTest.xpath(doc, "//table").getLength();
        assertThat(tables).isEqualTo(4);
        assertThat(CommitteeReportHtmlTest.xpath(doc, "//table/caption").getLength()).isEqualTo(tables);
    }
}
