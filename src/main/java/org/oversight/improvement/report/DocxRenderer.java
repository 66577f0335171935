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
 */
final class DocxRenderer {

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
            doc.write(out);
        }
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
        table.setWidth("100%");
        CTTblPr tblPr = table.getCTTbl().getTblPr();
        tblPr.addNewTblCaption().setVal(Text.xmlSafe(t.caption()));

        int r = 0;
        if (hasHeader) {
            XWPFTableRow header = table.getRow(r++);
            header.setRepeatHeader(true);
            header.setCantSplitRow(true);
            for (int c = 0; c < columns; c++) {
                String text = c < t.columnHeaders().size() ? t.columnHeaders().get(c) : "";
                XWPFTableCell cell = header.getCell(c);
                cell.setColor(DocxStyles.HEADER_SHADE);
                fill(cell, new Cell(null, text, Block.Tone.NONE), true, t.widths(), c);
            }
        }
        boolean shadeRowHeaders = !hasHeader;
        for (Row row : t.rows()) {
            XWPFTableRow tableRow = table.getRow(r++);
            tableRow.setCantSplitRow(true);
            XWPFTableCell first = tableRow.getCell(0);
            if (shadeRowHeaders) {
                first.setColor(DocxStyles.HEADER_SHADE);
            }
            fill(first, row.header(), shadeRowHeaders, t.widths(), 0);
            for (int c = 1; c < columns; c++) {
                Cell cell = c - 1 < row.cells().size() ? row.cells().get(c - 1) : Cell.of(null);
                XWPFTableCell tableCell = tableRow.getCell(c);
                String shade = DocxStyles.shade(cell.tone());
                if (shade != null) {
                    tableCell.setColor(shade);
                }
                fill(tableCell, cell, false, t.widths(), c);
            }
        }
        // a little space after the table before the next paragraph
        doc.createParagraph().setSpacingAfter(0);
    }

    private static void fill(XWPFTableCell cell, Cell content, boolean bold, List<Integer> widths, int column) {
        if (widths.size() > column) {
            cell.setWidth(widths.get(column) + "%");
        }
        XWPFParagraph p = cell.getParagraphs().getFirst();
        p.setSpacingAfter(0);
        if (Text.hasText(content.label())) {
            XWPFRun label = p.createRun();
            label.setBold(true);
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
            run.setText(Text.xmlSafe(content.text()));
        }
    }
}
