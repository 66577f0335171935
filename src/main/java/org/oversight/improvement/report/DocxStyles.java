package org.oversight.improvement.report;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The Word styles and list definitions the DOCX renderer uses: document defaults (Arial 12pt, en-GB),
 * Normal, Heading1–4 (built-in names, so they carry outline levels for navigation and accessibility
 * checkers), Caption, Quote, a letterhead style, List Paragraph, one decimal list for the Main
 * Report's continuous paragraph numbering and one bullet list.
 */
final class DocxStyles {

    static final String LETTERHEAD = "Letterhead";
    static final String QUOTE = "Quote";
    static final String CAPTION = "Caption";
    static final String LIST_PARAGRAPH = "ListParagraph";
    static final String HEADER_SHADE = "F3F2F1";

    private static final String FONT = "Arial";
    /** Half-points: 24 = 12pt. */
    private static final int[] HEADING_SIZES = {36, 30, 26, 24};

    /** Numbering ids of the two lists. */
    record Lists(BigInteger numberedId, BigInteger bulletId) {
    }

    private DocxStyles() {
    }

    static String headingStyleId(int level) {
        return "Heading" + level;
    }

    /** Cell shading for a tone, or {@code null} for none. */
    static String shade(Block.Tone tone) {
        return switch (tone) {
            case NONE -> null;
            case RED -> "F4CCCC";
            case AMBER -> "FCE5CD";
            case GREEN -> "D9EAD3";
            case COMPLETE -> "E8E8E8";
        };
    }

    /** Adds the styles and list definitions to a new document. */
    static Lists install(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        styles.setStyles(defaults());
        styles.addStyle(new XWPFStyle(normal(), styles));
        for (int level = 1; level <= 4; level++) {
            styles.addStyle(new XWPFStyle(heading(level), styles));
        }
        styles.addStyle(new XWPFStyle(paragraphStyle(CAPTION, "caption", true, false, 22, 120, 60), styles));
        CTStyle quote = paragraphStyle(QUOTE, "Quote", false, true, 24, 0, 160);
        quote.getPPr().addNewInd().setLeft(BigInteger.valueOf(567));
        styles.addStyle(new XWPFStyle(quote, styles));
        styles.addStyle(new XWPFStyle(paragraphStyle(LETTERHEAD, "Letterhead", true, false, 26, 0, 60), styles));
        CTStyle list = paragraphStyle(LIST_PARAGRAPH, "List Paragraph", false, false, 24, 0, 120);
        styles.addStyle(new XWPFStyle(list, styles));

        XWPFNumbering numbering = doc.createNumbering();
        BigInteger decimal = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum(0, STNumberFormat.DECIMAL, "%1.")));
        BigInteger bullet = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum(1, STNumberFormat.BULLET, "\u2022")));
        return new Lists(numbering.addNum(decimal), numbering.addNum(bullet));
    }

    private static CTStyles defaults() {
        CTStyles ct = CTStyles.Factory.newInstance();
        var docDefaults = ct.addNewDocDefaults();
        CTRPr rpr = docDefaults.addNewRPrDefault().addNewRPr();
        fonts(rpr);
        rpr.addNewSz().setVal(BigInteger.valueOf(24));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(24));
        var lang = rpr.addNewLang();
        lang.setVal("en-GB");
        lang.setEastAsia("en-GB");
        lang.setBidi("ar-SA");
        var ppr = docDefaults.addNewPPrDefault().addNewPPr();
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setAfter(BigInteger.valueOf(160));
        spacing.setLine(BigInteger.valueOf(276));
        spacing.setLineRule(org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule.AUTO);
        return ct;
    }

    private static void fonts(CTRPr rpr) {
        CTFonts fonts = rpr.addNewRFonts();
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setCs(FONT);
        fonts.setEastAsia(FONT);
    }

    private static CTStyle normal() {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setType(STStyleType.PARAGRAPH);
        s.setStyleId("Normal");
        s.setDefault(true);
        s.addNewName().setVal("Normal");
        s.addNewQFormat();
        return s;
    }

    private static CTStyle heading(int level) {
        CTStyle s = paragraphStyle(headingStyleId(level), "heading " + level, true, false,
                HEADING_SIZES[level - 1], level == 1 ? 240 : 300, 120);
        s.addNewUiPriority().setVal(BigInteger.valueOf(9));
        var ppr = s.getPPr();
        ppr.addNewKeepNext();
        ppr.addNewKeepLines();
        ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        return s;
    }

    private static CTStyle paragraphStyle(String id, String name, boolean bold, boolean italic, int halfPoints,
                                          int before, int after) {
        CTStyle s = CTStyle.Factory.newInstance();
        s.setType(STStyleType.PARAGRAPH);
        s.setStyleId(id);
        s.addNewName().setVal(name);
        s.addNewBasedOn().setVal("Normal");
        s.addNewNext().setVal("Normal");
        s.addNewQFormat();
        var ppr = s.addNewPPr();
        CTSpacing spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.valueOf(after));
        CTRPr rpr = s.addNewRPr();
        if (bold) {
            rpr.addNewB();
            rpr.addNewBCs();
        }
        if (italic) {
            rpr.addNewI();
            rpr.addNewICs();
        }
        rpr.addNewSz().setVal(BigInteger.valueOf(halfPoints));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(halfPoints));
        return s;
    }

    private static CTAbstractNum abstractNum(int id, STNumberFormat.Enum format, String text) {
        CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
        abs.setAbstractNumId(BigInteger.valueOf(id));
        CTLvl lvl = abs.addNewLvl();
        lvl.setIlvl(BigInteger.ZERO);
        lvl.addNewStart().setVal(BigInteger.ONE);
        lvl.addNewNumFmt().setVal(format);
        lvl.addNewLvlText().setVal(text);
        lvl.addNewLvlJc().setVal(STJc.LEFT);
        CTInd ind = lvl.addNewPPr().addNewInd();
        ind.setLeft(BigInteger.valueOf(567));
        ind.setHanging(BigInteger.valueOf(567));
        if (format == STNumberFormat.BULLET) {
            fonts(lvl.addNewRPr());
        }
        return abs;
    }
}
