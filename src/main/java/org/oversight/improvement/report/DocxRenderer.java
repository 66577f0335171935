package org.oversight.improvement.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.oversight.improvement.report.Block.Bullets;
import org.oversight.improvement.report.Block.Cell;
import org.oversight.improvement.report.Block.Heading;
import org.oversight.improvement.report.Block.Numbered;
import org.oversight.improvement.report.Block.Para;
import org.oversight.improvement.report.Block.Row;
import org.oversight.improvement.report.Block.Table;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;

/**
 * Renders a {@link LaidOutDocument} as a Word document with real headings (Heading1–4 styles, which
 * Word's navigation pane and screen readers use), automatic paragraph numbering, bulleted lists and
 * real tables with repeating header rows and table titles. Arial 12pt, British English.
 * <p>
 * The page is stated, not left to the reader's defaults: A4 portrait with 2 cm margins (a section properties block,
 * without which LibreOffice and US Word open it on Letter paper), "Page n of m" in the footer, and every table with a
 * grid of column widths in twentieths of a point across the text width, fixed, so that no reader falls back to equal
 * columns and breaks words. Body rows may split across pages (a long row that may not split leaves half-empty pages);
 * header rows repeat and do not split.
 */
final class DocxRenderer {

    /** A4 in twentieths of a point (dxa): 210 mm by 297 mm. */
    static final int PAGE_WIDTH = 11906;
    static final int PAGE_HEIGHT = 16838;
    /** 2 cm margins all round. */
    static final int MARGIN = 1134;
    /** Left and right cell margins, in dxa (0.1 cm). */
    static final int CELL_MARGIN = 57;
    /** Tables of this many columns or more are set in {@link #DENSE_FONT_SIZE} point. */
    static final int DENSE_COLUMNS = 6;
    static final int DENSE_FONT_SIZE = 9;

    /** The width tables fill. */
    static final int TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

    private final XWPFDocument doc;
    private final DocxStyles.Lists lists;

    private DocxRenderer(XWPFDocument doc) {
        this.doc = doc;
        this.lists = DocxStyles.install(doc);
    }

    /** Writes the document as DOCX to {@code out} (the stream is not closed). */
    static void write(LaidOutDocument laidOut, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            DocxRenderer renderer = new DocxRenderer(doc);
            renderer.properties(laidOut);
            boolean previousSignOff = false;
            for (Block block : laidOut.blocks()) {
                boolean signOff = block instanceof Para p && p.style() == Block.ParaStyle.SIGN_OFF;
                switch (block) {
                    case Heading h -> renderer.heading(h);
                    case Para p -> renderer.para(p, signOff && !previousSignOff);
                    case Numbered n -> renderer.numbered(n);
                    case Bullets b -> renderer.bullets(b);
                    case Table t -> renderer.table(t);
                }
                previousSignOff = signOff;
            }
            renderer.page();
            doc.write(out);
        }
    }

    /** A4 portrait, 2 cm margins, and a footer with "Page n of m". */
    private void page() {
        org.apache.poi.xwpf.usermodel.XWPFFooter footer = doc.createFooter(org.apache.poi.wp.usermodel.HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(org.apache.poi.xwpf.usermodel.ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        p.createRun().setText("Page ");
        field(p, "PAGE");
        p.createRun().setText(" of ");
        field(p, "NUMPAGES");
        var body = doc.getDocument().getBody();
        var section = body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
        var size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation.PORTRAIT);
        var margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN));
        margins.setBottom(BigInteger.valueOf(MARGIN));
        margins.setLeft(BigInteger.valueOf(MARGIN));
        margins.setRight(BigInteger.valueOf(MARGIN));
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));
        margins.setGutter(BigInteger.ZERO);
    }

    /** A field Word and LibreOffice compute when they lay the page out (PAGE, NUMPAGES), with "1" until they do. */
    private static void field(XWPFParagraph p, String instruction) {
        var field = p.getCTP().addNewFldSimple();
        field.setInstr(instruction + " \\* MERGEFORMAT");
        field.addNewR().addNewT().setStringValue("1");
    }

    /** Column widths in dxa across the text width: the table's own percentages, or equal. */
    static int[] columnWidths(List<Integer> percents, int columns) {
        int[] widths = new int[columns];
        int total = 0;
        for (int c = 0; c < columns; c++) {
            total += c < percents.size() ? percents.get(c) : 0;
        }
        int given = 0;
        for (int c = 0; c < columns; c++) {
            boolean known = total > 0 && c < percents.size();
            widths[c] = known ? (int) Math.round(TEXT_WIDTH * (percents.get(c) / (double) Math.max(total, 100))) : 0;
            given += widths[c];
        }
        int unknown = 0;
        for (int w : widths) {
            unknown += w == 0 ? 1 : 0;
        }
        for (int c = 0; c < columns; c++) {
            if (widths[c] == 0) {
                widths[c] = (TEXT_WIDTH - given) / unknown;
            }
        }
        // What rounding left over (or took) goes to the last column, so the table fills the text width exactly.
        int sum = 0;
        for (int w : widths) {
            sum += w;
        }
        widths[columns - 1] += TEXT_WIDTH - sum;
        return widths;
    }

    private void properties(LaidOutDocument laidOut) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        core.setTitle(Text.xmlSafe(laidOut.title()));
        core.setCreator(Text.xmlSafe(laidOut.author()));
        core.setLastModifiedByUser(Text.xmlSafe(laidOut.author()));
        if (Text.hasText(laidOut.subject())) {
            core.setSubjectProperty(Text.xmlSafe(laidOut.subject()));
        }
    }

    private void heading(Heading h) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(DocxStyles.headingStyleId(h.level()));
        p.createRun().setText(Text.xmlSafe(h.text()));
    }

    private void para(Para para, boolean firstSignOff) {
        XWPFParagraph p = doc.createParagraph();
        switch (para.style()) {
            case LETTERHEAD -> p.setStyle(DocxStyles.LETTERHEAD);
            case QUOTE -> p.setStyle(DocxStyles.QUOTE);
            case SIGN_OFF -> {
                p.setSpacingAfter(0);
                if (firstSignOff) {
                    p.setSpacingBefore(360);
                }
            }
            case NORMAL -> {
            }
        }
        if (Text.hasText(para.label())) {
            XWPFRun label = p.createRun();
            label.setBold(true);
            label.setText(Text.xmlSafe(para.label()) + (Text.hasText(para.text()) ? " " : ""));
        }
        if (Text.hasText(para.text())) {
            p.createRun().setText(Text.xmlSafe(para.text()));
        }
    }

    private void numbered(Numbered n) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(DocxStyles.LIST_PARAGRAPH);
        p.setNumID(lists.numberedId());
        p.setNumILvl(BigInteger.ZERO);
        p.createRun().setText(Text.xmlSafe(n.text()));
    }

    private void bullets(Bullets b) {
        for (String item : b.items()) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle(DocxStyles.LIST_PARAGRAPH);
            p.setNumID(lists.bulletId());
            p.setNumILvl(BigInteger.ZERO);
            p.createRun().setText(Text.xmlSafe(item));
        }
    }

    private void table(Table t) {
        XWPFParagraph caption = doc.createParagraph();
        caption.setStyle(DocxStyles.CAPTION);
        caption.setKeepNext(true);
        caption.createRun().setText(Text.xmlSafe(t.caption()));

        int columns = t.columnCount();
        boolean hasHeader = !t.columnHeaders().isEmpty();
        int rowCount = t.rows().size() + (hasHeader ? 1 : 0);
        XWPFTable table = doc.createTable(rowCount, columns);
        int[] widths = columnWidths(t.widths(), columns);
        table.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
        table.setWidth(String.valueOf(TEXT_WIDTH));
        CTTblPr tblPr = table.getCTTbl().getTblPr();
        tblPr.addNewTblCaption().setVal(Text.xmlSafe(t.caption()));
        (tblPr.isSetTblLayout() ? tblPr.getTblLayout() : tblPr.addNewTblLayout())
                .setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        // Narrow cell margins (0.1 cm, Word's default is 0.19 cm), so a column keeps room for its longest word.
        var margins = tblPr.isSetTblCellMar() ? tblPr.getTblCellMar() : tblPr.addNewTblCellMar();
        for (var side : new org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth[] {margins.addNewLeft(), margins.addNewRight()}) {
            side.setW(BigInteger.valueOf(CELL_MARGIN));
            side.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
        }
        // A table of many columns (the plan's actions) in 9pt, as councils' reports set them: words like "Assurance"
        // and "September" then fit their columns in Word and LibreOffice instead of breaking mid-word.
        Integer fontSize = columns >= DENSE_COLUMNS ? DENSE_FONT_SIZE : null;
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }

        int r = 0;
        if (hasHeader) {
            XWPFTableRow header = table.getRow(r++);
            header.setRepeatHeader(true);
            header.setCantSplitRow(true);
            for (int c = 0; c < columns; c++) {
                String text = c < t.columnHeaders().size() ? t.columnHeaders().get(c) : "";
                XWPFTableCell cell = header.getCell(c);
                cell.setColor(DocxStyles.HEADER_SHADE);
                fill(cell, new Cell(null, text, Block.Tone.NONE), true, widths, c, fontSize);
            }
        }
        boolean shadeRowHeaders = !hasHeader;
        for (Row row : t.rows()) {
            XWPFTableRow tableRow = table.getRow(r++);
            XWPFTableCell first = tableRow.getCell(0);
            if (shadeRowHeaders) {
                first.setColor(DocxStyles.HEADER_SHADE);
            }
            fill(first, row.header(), shadeRowHeaders, widths, 0, fontSize);
            for (int c = 1; c < columns; c++) {
                Cell cell = c - 1 < row.cells().size() ? row.cells().get(c - 1) : Cell.of(null);
                XWPFTableCell tableCell = tableRow.getCell(c);
                String shade = DocxStyles.shade(cell.tone());
                if (shade != null) {
                    tableCell.setColor(shade);
                }
                fill(tableCell, cell, false, widths, c, fontSize);
            }
        }
        // a little space after the table before the next paragraph
        doc.createParagraph().setSpacingAfter(0);
    }

    private static void fill(XWPFTableCell cell, Cell content, boolean bold, int[] widths, int column, Integer fontSize) {
        cell.setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
        cell.setWidth(String.valueOf(widths[column]));
        XWPFParagraph p = cell.getParagraphs().getFirst();
        p.setSpacingAfter(0);
        if (Text.hasText(content.label())) {
            XWPFRun label = p.createRun();
            label.setBold(true);
            if (fontSize != null) {
                label.setFontSize(fontSize);
            }
            label.setText(Text.xmlSafe(content.label()));
            if (Text.hasText(content.text())) {
                p = cell.addParagraph();
                p.setSpacingAfter(0);
            }
        }
        if (Text.hasText(content.text())) {
            XWPFRun run = p.createRun();
            if (bold) {
                run.setBold(true);
            }
            if (fontSize != null) {
                run.setFontSize(fontSize);
            }
            run.setText(Text.xmlSafe(content.text()));
        }
    }
}
