package org.oversight.shared.web;

import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Every CSV and XLSX Oversight writes goes through here, so a value that a spreadsheet would take for a formula
 * (starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return: "CSV injection") is shown as
 * text. In CSV it gets a leading apostrophe; in XLSX it stays a text cell and is marked "quote prefixed", which is
 * what Excel itself does when someone types an apostrophe first. Plain numbers ("-3", "+2.5") are left alone: they
 * are not formulas.
 */
public final class SpreadsheetSafe {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetSafe() {
    }

    /** Whether a spreadsheet would read this text as a formula (or the start of one). */
    public static boolean risky(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        boolean formulaStart = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaStart && !NUMBER.matcher(value).matches();
    }

    /** The text as it should be written to a CSV file. */
    public static String csv(String value) {
        return risky(value) ? "'" + value : value;
    }

    /** A CSV field: text made safe, anything else (numbers, null) as it is. */
    public static Object csvValue(Object value) {
        return value instanceof CharSequence text ? csv(text.toString()) : value;
    }

    /**
     * Writes text cells of one workbook: a risky value is written as it is, in a text cell marked quote prefixed (one
     * style per workbook and base style, made when first needed).
     */
    public static final class Cells {
        private final Workbook workbook;
        private final java.util.Map<Short, CellStyle> quoted = new java.util.HashMap<>();

        public Cells(Workbook workbook) {
            this.workbook = workbook;
        }

        public void text(Cell cell, String value) {
            cell.setCellValue(value);
            if (risky(value)) {
                CellStyle base = cell.getCellStyle();
                cell.setCellStyle(quoted.computeIfAbsent(base.getIndex(), i -> {
                    CellStyle style = workbook.createCellStyle();
                    style.cloneStyleFrom(base);
                    style.setQuotePrefixed(true);
                    return style;
                }));
            }
        }
    }
}
