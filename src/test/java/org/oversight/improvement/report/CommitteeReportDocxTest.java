package org.oversight.improvement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.improvement.report.CommitteeReportContent.CommitteeDate;
import org.oversight.improvement.report.CommitteeReportContent.Consultation;
import org.oversight.improvement.report.CommitteeReportContent.JudgementFinding;

class CommitteeReportDocxTest {

    private static final CommitteeReportContent CONTENT = SeedReports.committeeReport();
    private static XWPFDocument doc;
    private static String text;

    @BeforeAll
    static void render() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommitteeReportDocx.write(CONTENT, out);
        doc = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            extractor.setCloseFilesystem(false);
            text = extractor.getText();
        }
    }

    @Test
    void thePageIsA4PortraitWithMarginsAndPageNumbersInTheFooter() {
        var section = doc.getDocument().getBody().getSectPr();
        assertThat(section).as("section properties (without them LibreOffice opens it on US Letter)").isNotNull();
        assertThat(((BigInteger) section.getPgSz().getW()).intValue()).isEqualTo(11906);
        assertThat(((BigInteger) section.getPgSz().getH()).intValue()).isEqualTo(16838);
        assertThat(((BigInteger) section.getPgMar().getLeft()).intValue()).isEqualTo(1134);
        assertThat(doc.getFooterList()).hasSize(1);
        String footer = doc.getFooterList().getFirst().getParagraphs().getFirst().getCTP().xmlText();
        assertThat(footer).contains("PAGE").contains("NUMPAGES");
        assertThat(doc.getFooterList().getFirst().getText()).startsWith("Page ");
    }

    @Test
    void everyTableHasAGridOfItsColumnWidthsAcrossTheTextWidthAndBodyRowsMaySplit() {
        for (XWPFTable table : doc.getTables()) {
            var grid = table.getCTTbl().getTblGrid();
            assertThat(grid).as("tblGrid of " + table.getText().lines().findFirst().orElse("")).isNotNull();
            int columns = table.getRow(0).getTableCells().size();
            assertThat(grid.sizeOfGridColArray()).isEqualTo(columns);
            long total = 0;
            for (var col : grid.getGridColList()) {
                total += ((BigInteger) col.getW()).longValue();
            }
            assertThat(total).as("the columns fill the text width").isEqualTo(9638L);
            for (int r = 1; r < table.getNumberOfRows(); r++) {
                if (!table.getRow(r).isRepeatHeader()) {
                    assertThat(table.getRow(r).isCantSplitRow()).as("a body row may split across pages").isFalse();
                }
            }
        }
        // Unequal where the layout says so: the action plan's description column is wider than its RAG column.
        var widths = DocxRenderer.columnWidths(List.of(40, 20, 10, 10, 20), 5);
        assertThat(widths[0]).isEqualTo(3855);
        assertThat(DocxRenderer.columnWidths(List.of(), 4)).containsExactly(2409, 2409, 2409, 2411);
    }

    @Test
    void firstTableListsEachCommitteeWithItsDateThenTheReportDetails() {
        XWPFTable cover = doc.getTables().getFirst();
        assertThat(cells(cover.getRow(0))).containsExactly("Committee(s):", "Date(s):");
        for (int i = 0; i < SeedReports.COMMITTEES.size(); i++) {
            CommitteeDate d = SeedReports.COMMITTEES.get(i);
            assertThat(cells(cover.getRow(i + 1))).containsExactly(d.committee(), d.date());
        }
        int details = SeedReports.COMMITTEES.size() + 1;
        assertThat(cover.getRow(details).getCell(0).getText()).contains("Subject:").contains("Ofsted Inspection 2020");
        assertThat(cover.getRow(details).getCell(1).getText()).isEqualTo("Public");
        assertThat(cover.getRow(details + 1).getCell(0).getText()).contains("Report of:").contains("Andrew Carter");
        assertThat(cover.getRow(details + 1).getCell(1).getText()).isEqualTo("For Information");
        assertThat(cover.getRow(details + 2).getCell(0).getText()).contains("Report author:").contains("Rachel Green");
        assertThat(cover.getRow(0).isRepeatHeader()).isTrue();
    }

    @Test
    void showsEachJudgementWithItsGradeAndBothInspectionRecommendations() {
        for (JudgementFinding f : CONTENT.findings()) {
            assertThat(text).contains(f.judgement() + ": " + f.grade());
        }
        assertThat(text).contains("The impact of leaders on social work practice with children and families: outstanding",
                "The experiences and progress of children who need help and protection: good",
                "The experiences and progress of children in care and care leavers: outstanding",
                "Overall effectiveness: outstanding");
        assertThat(text).contains(SeedReports.RECOMMENDATION_1, SeedReports.RECOMMENDATION_2);
        assertThat(text).contains(SeedReports.MEASURE_1);
        assertThat(text).contains("Members are asked to:", "Note the report.");
    }

    @Test
    void usesRealHeadingStylesWithOneTitle() {
        for (int level = 1; level <= 4; level++) {
            assertThat(doc.getStyles().styleExist("Heading" + level)).as("Heading%d style", level).isTrue();
        }
        assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
        List<XWPFParagraph> h1 = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).toList();
        assertThat(h1).extracting(XWPFParagraph::getText).containsExactly("Ofsted Inspection 2020");
        List<String> h2 = doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle()))
                .map(XWPFParagraph::getText).toList();
        assertThat(h2).containsSubsequence("Summary", "Recommendation(s)", "Main Report", "Appendices", "AUDIT TRAIL");
        List<String> h3 = doc.getParagraphs().stream().filter(p -> "Heading3".equals(p.getStyle()))
                .map(XWPFParagraph::getText).toList();
        assertThat(h3).containsExactly("Background", "Ofsted findings", "Proposals", "Conclusion");
    }

    @Test
    void mainReportParagraphsShareOneContinuousNumberedListAndRecommendationsAreBulleted() {
        List<XWPFParagraph> listed = doc.getParagraphs().stream().filter(p -> p.getNumID() != null).toList();
        List<BigInteger> ids = listed.stream().map(XWPFParagraph::getNumID).distinct().toList();
        assertThat(ids).hasSize(2);
        BigInteger numbered = listed.stream().filter(p -> p.getText().startsWith("Inspections of children"))
                .findFirst().orElseThrow().getNumID();
        assertThat(listed.stream().filter(p -> numbered.equals(p.getNumID())).count())
                .isEqualTo(SeedReports.numberedParagraphs(CONTENT));
        XWPFParagraph note = listed.stream().filter(p -> p.getText().equals("Note the report.")).findFirst().orElseThrow();
        assertThat(note.getNumID()).isNotEqualTo(numbered);
        assertThat(note.getNumFmt()).isEqualTo("bullet");
    }

    @Test
    void consultationTableHasItsHeaderRowAndEveryRow() {
        XWPFTable consultation = doc.getTables().stream()
                .filter(t -> cells(t.getRow(0)).equals(List.of("Role", "Officer", "Date consulted")))
                .findFirst().orElseThrow();
        assertThat(consultation.getNumberOfRows()).isEqualTo(SeedReports.CONSULTATIONS.size() + 1);
        for (int i = 0; i < SeedReports.CONSULTATIONS.size(); i++) {
            Consultation c = SeedReports.CONSULTATIONS.get(i);
            assertThat(cells(consultation.getRow(i + 1)))
                    .containsExactly(c.role(), c.name(), c.date());
        }
        assertThat(text).contains("Date final report sent to Constitutional Team: 05/06/2020");
    }

    @Test
    void auditTrailAndActionsTablesCarryTheirRows() {
        XWPFTable audit = doc.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals("Lead Officer")).findFirst().orElseThrow();
        assertThat(cells(audit.getRow(4))).containsExactly("Key Decision?", "No");
        XWPFTable actions = doc.getTables().stream()
                .filter(t -> t.getRow(0).getCell(0).getText().equals("Action")).findFirst().orElseThrow();
        assertThat(cells(actions.getRow(0)))
                .containsExactly("Action", "Owner", "Due", "Status", "RAG", "Latest progress", "Measure of success");
        assertThat(cells(actions.getRow(1))).contains("Amber", "30/09/2020", SeedReports.MEASURE_1);
        assertThat(actions.getRow(1).getCell(4).getColor()).isEqualTo("FCE5CD");
        assertThat(actions.getCTTbl().getTblPr().getTblCaption().getVal())
                .isEqualTo("Actions for Management oversight of step-down to early help");
    }

    @Test
    void setsCorePropertiesAndArialTwelvePointBritishEnglishDefaults() throws Exception {
        var core = doc.getProperties().getCoreProperties();
        assertThat(core.getTitle()).isEqualTo("Ofsted Inspection 2020");
        assertThat(core.getCreator()).isEqualTo("City of London");
        var rpr = doc.getStyle().getDocDefaults().getRPrDefault().getRPr();
        assertThat(rpr.getRFontsArray(0).getAscii()).isEqualTo("Arial");
        assertThat(Objects.toString(rpr.getSzArray(0).getVal())).isEqualTo("24");
        assertThat(rpr.getLangArray(0).getVal()).isEqualTo("en-GB");
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> c.getText().strip()).toList();
    }
}
