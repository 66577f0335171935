package org.oversight.selfeval.document;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.oversight.selfeval.Theme;
import org.oversight.selfeval.Trend;
import org.oversight.selfeval.SelfEvaluationViews.Citation;
import org.oversight.selfeval.SelfEvaluationViews.Section;
import org.oversight.selfeval.SelfEvaluationViews.SelfEvaluation;

/**
 * The self-evaluation as a Word document (Apache POI) in a council document format: A4 with page numbers, a title page,
 * contents, one Heading 1 per judgement area with the three questions and then its themes as Heading 2, and the evidence
 * appendix as tables, with each cited figure's trend as a table and a line chart of the same numbers (XDDF).
 * Headings use Word's built-in style names, so navigation panes and accessibility checkers see the outline.
 */
public final class SelfEvaluationDocx {

    private static final String FONT = "Arial";
    /** A4 in twentieths of a point, and 2 cm margins. */
    private static final long A4_WIDTH = 11906;
    private static final long A4_HEIGHT = 16838;
    private static final long MARGIN = 1134;
    /** A trend chart: 12 cm by 6 cm, in EMU. */
    private static final int CHART_WIDTH = 12 * 360_000;
    private static final int CHART_HEIGHT = 6 * 360_000;

    private SelfEvaluationDocx() {
    }

    public static void write(SelfEvaluation se, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            styles(doc);
            doc.getProperties().getCoreProperties().setTitle(se.title());
            doc.getProperties().getCoreProperties().setCreator(se.laName());
            doc.getProperties().getCoreProperties().setSubjectProperty("Self-evaluation of social work practice " + se.year());
            page(doc);

            para(doc, null, se.laName(), true);
            heading(doc, "Title", "Self-evaluation of social work practice with children and families " + se.year());
            para(doc, null, se.signedOff() ? "Signed off by " + se.signedOffName() + " on " + DocumentText.date(se.signedOffAt()) + "."
                    : "Draft: not signed off.", true);
            para(doc, null, "Written for the annual engagement meeting with Ofsted. It answers three questions for each area of the inspection of "
                    + "local authority children's services (ILACS): what we know about the quality and impact of social work practice, how we know "
                    + "it, and what we plan. The figures cited are as they stood on the date given beside each.", false);
            heading(doc, "Heading1", "Contents");
            int n = 1;
            for (Section s : se.sections()) {
                para(doc, null, n++ + ". " + DocumentText.area(s.area()), false);
            }
            para(doc, null, "Appendix: the evidence cited", false);
            doc.getParagraphs().getLast().createRun().addBreak(BreakType.PAGE);

            n = 1;
            for (Section s : se.sections()) {
                heading(doc, "Heading1", n++ + ". " + DocumentText.area(s.area()));
                answer(doc, DocumentText.KNOW, s.know());
                answer(doc, DocumentText.HOW, s.how());
                answer(doc, DocumentText.PLANS, s.plans());
                cited(doc, s.citedFor(null));
                for (Theme t : s.themesInUse()) {
                    heading(doc, "Heading2", DocumentText.theme(t));
                    for (String p : DocumentText.paragraphs(s.themeText(t))) {
                        para(doc, null, p, false);
                    }
                    cited(doc, s.citedFor(t));
                }
            }
            doc.getParagraphs().getLast().createRun().addBreak(BreakType.PAGE);
            heading(doc, "Heading1", "Appendix: the evidence cited");
            for (Section s : se.sections()) {
                if (s.citations().isEmpty()) {
                    continue;
                }
                heading(doc, "Heading2", DocumentText.area(s.area()));
                table(doc, s.citations());
                for (Citation c : s.citations()) {
                    trend(doc, c);
                }
            }
            doc.write(out);
        }
    }

    private static void cited(XWPFDocument doc, List<Citation> citations) {
        if (citations.isEmpty()) {
            return;
        }
        StringBuilder cited = new StringBuilder("Evidence cited: ");
        for (int i = 0; i < citations.size(); i++) {
            Citation c = citations.get(i);
            cited.append(i == 0 ? "" : "; ").append(c.label()).append(" ").append(SelfEvaluationHtml.shortValue(c)).append(" (")
                    .append(DocumentText.date(c.asOf())).append(")");
        }
        para(doc, null, cited.append('.').toString(), false);
    }

    /**
     * A cited figure's trend as it stood when cited: the move in words, the comparisons, and, when earlier figures were
     * kept, the figures as a table (the accessible version) and the same numbers as a small line chart (an XDDF chart
     * part with its own embedded data, described for screen readers).
     */
    private static void trend(XWPFDocument doc, Citation c) {
        if (c.valueNumber() == null) {
            return;
        }
        heading(doc, "Heading3", "Trend: " + c.label());
        String words = DocumentText.trend(c);
        if (!words.isEmpty()) {
            para(doc, null, words, false);
        }
        String benchmarks = DocumentText.benchmarks(c);
        if (!benchmarks.isEmpty()) {
            para(doc, null, benchmarks, false);
        }
        List<Trend.Point> series = c.series();
        if (series.size() < 2) {
            return;
        }
        XWPFTable t = doc.createTable(series.size() + 1, 2);
        t.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
        int[] widths = {2600, 1400};
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        cell(header, 0, "As at", true, widths[0]);
        cell(header, 1, "Value", true, widths[1]);
        for (int i = 0; i < series.size(); i++) {
            cell(t.getRow(i + 1), 0, DocumentText.date(series.get(i).asOf()), false, widths[0]);
            cell(t.getRow(i + 1), 1, DocumentText.value(c, series.get(i).value()), false, widths[1]);
        }
        chart(doc, c, series);
    }

    private static void chart(XWPFDocument doc, Citation c, List<Trend.Point> series) {
        try {
            XWPFRun run = doc.createParagraph().createRun();
            XWPFChart chart = doc.createChart(run, CHART_WIDTH, CHART_HEIGHT);
            chart.setTitleText(c.label());
            chart.setTitleOverlay(false);
            XDDFCategoryAxis dates = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
            values.setCrosses(AxisCrosses.AUTO_ZERO);
            if (c.valueText().endsWith("%")) {
                values.setMinimum(0);
                values.setMaximum(100);
            }
            String[] labels = series.stream().map(p -> DocumentText.date(p.asOf())).toArray(String[]::new);
            Double[] numbers = series.stream().map(p -> p.value().doubleValue()).toArray(Double[]::new);
            XDDFDataSource<String> x = XDDFDataSourcesFactory.fromArray(labels);
            XDDFNumericalDataSource<Double> y = XDDFDataSourcesFactory.fromArray(numbers);
            XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, dates, values);
            XDDFLineChartData.Series line = (XDDFLineChartData.Series) data.addSeries(x, y);
            line.setTitle(c.label(), null);
            line.setMarkerStyle(MarkerStyle.CIRCLE);
            line.setSmooth(false);
            chart.plot(data);
            // The chart's alternative text says what the table above it says.
            var inline = run.getCTR().getDrawingArray(0).getInlineArray(0);
            StringBuilder alt = new StringBuilder(c.label()).append(": ");
            for (int i = 0; i < series.size(); i++) {
                alt.append(i == 0 ? "" : ", ").append(labels[i]).append(' ').append(DocumentText.value(c, series.get(i).value()));
            }
            inline.getDocPr().setDescr(alt.toString());
            inline.getDocPr().setTitle("Trend: " + c.label());
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | IOException e) {
            throw new IllegalStateException("The chart of " + c.label() + " could not be made: " + e.getMessage(), e);
        }
    }

    private static void answer(XWPFDocument doc, String question, String text) {
        heading(doc, "Heading2", question);
        List<String> paragraphs = DocumentText.paragraphs(text);
        if (paragraphs.isEmpty()) {
            para(doc, null, "Not written yet.", true);
        }
        for (String p : paragraphs) {
            para(doc, null, p, false);
        }
    }

    private static void table(XWPFDocument doc, List<Citation> cited) {
        XWPFTable t = doc.createTable(cited.size() + 1, 5);
        t.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.PCT);
        t.setWidth("100%");
        String[] head = {"Evidence", "Value", "As at", "Rating", "Source"};
        int[] widths = {3000, 1400, 1500, 1000, 2738};
        var grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        for (int i = 0; i < head.length; i++) {
            cell(header, i, head[i], true, widths[i]);
        }
        for (int r = 0; r < cited.size(); r++) {
            Citation c = cited.get(r);
            XWPFTableRow row = t.getRow(r + 1);
            row.setCantSplitRow(true);
            cell(row, 0, c.theme() == null ? c.label() : c.label() + " (for " + DocumentText.theme(c.theme()) + ")", false, widths[0]);
            cell(row, 1, c.valueText(), false, widths[1]);
            cell(row, 2, DocumentText.date(c.asOf()), false, widths[2]);
            cell(row, 3, c.rating() == null ? "" : c.rating().name().charAt(0) + c.rating().name().substring(1).toLowerCase(java.util.Locale.UK),
                    false, widths[3]);
            cell(row, 4, c.source(), false, widths[4]);
        }
        doc.createParagraph();
    }

    private static void cell(XWPFTableRow row, int i, String text, boolean bold, int width) {
        var cell = row.getCell(i);
        var tcPr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        var w = tcPr.isSetTcW() ? tcPr.getTcW() : tcPr.addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(width));
        XWPFParagraph p = cell.getParagraphs().getFirst();
        XWPFRun run = p.createRun();
        run.setText(text == null ? "" : text);
        run.setBold(bold);
        run.setFontFamily(FONT);
        run.setFontSize(10);
    }

    private static void heading(XWPFDocument doc, String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        p.createRun().setText(text);
    }

    private static void para(XWPFDocument doc, String style, String text, boolean bold) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        var size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH));
        size.setH(BigInteger.valueOf(A4_HEIGHT));
        var mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(MARGIN));
        mar.setBottom(BigInteger.valueOf(MARGIN));
        mar.setLeft(BigInteger.valueOf(MARGIN));
        mar.setRight(BigInteger.valueOf(MARGIN));
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
        p.createRun().setText("Page ");
        XWPFRun begin = p.createRun();
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = p.createRun();
        instr.getCTR().addNewInstrText().setStringValue(" PAGE ");
        XWPFRun end = p.createRun();
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private static void styles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        var ct = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles.Factory.newInstance();
        var rpr = ct.addNewDocDefaults().addNewRPrDefault().addNewRPr();
        var fonts = rpr.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        rpr.addNewSz().setVal(BigInteger.valueOf(24));
        rpr.addNewLang().setVal("en-GB");
        styles.setStyles(ct);
        styles.addStyle(new XWPFStyle(style("Normal", "Normal", 24, false, -1), styles));
        styles.addStyle(new XWPFStyle(style("Title", "Title", 44, true, -1), styles));
        styles.addStyle(new XWPFStyle(style("Heading1", "heading 1", 32, true, 0), styles));
        styles.addStyle(new XWPFStyle(style("Heading2", "heading 2", 26, true, 1), styles));
        styles.addStyle(new XWPFStyle(style("Heading3", "heading 3", 24, true, 2), styles));
    }

    private static CTStyle style(String id, String name, int halfPoints, boolean bold, int outline) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setType(STStyleType.PARAGRAPH);
        s.setStyleId(id);
        s.addNewName().setVal(name);
        if (!"Normal".equals(id)) {
            s.addNewBasedOn().setVal("Normal");
            s.addNewNext().setVal("Normal");
        } else {
            s.setDefault(true);
        }
        s.addNewQFormat();
        var ppr = s.addNewPPr();
        var spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(outline >= 0 ? 240 : 0));
        spacing.setAfter(BigInteger.valueOf(120));
        if (outline >= 0) {
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
            ppr.addNewKeepNext();
        }
        var rpr = s.addNewRPr();
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        if (bold) {
            rpr.addNewB();
        }
        return s;
    }
}
