package org.oversight.childdata.annexa;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.oversight.childdata.ssda903.ValidationError;

/**
 * Reads Ofsted's Annex A workbook, lists 8 (children in care) and 9 (care leavers): the facts the SSDA903 return does
 * not hold. Columns are found by their Annex A heading, whatever their order; dates are dd/mm/yyyy text or date cells.
 * Every problem names the sheet, row (as the spreadsheet numbers it), column, value and an Oversight rule code.
 */
public final class AnnexAWorkbook {

    /** One row of list 8 or 9, as far as compliance needs it. */
    public record Row8or9(int list, String childRef, String team, String worker, LocalDate lastVisit, LocalDate lastIroContact,
                          LocalDate lastHealth, LocalDate lastDental, LocalDate placementStart, String permanencePlan,
                          LocalDate pathwayReview, LocalDate latestContact, String eligibility, int rowNumber) {
    }

    /** What was read: good rows, rows with errors left out, and every error. */
    public record Result(List<Row8or9> rows, int badRows, List<ValidationError> errors) {
        public LocalDate latestDate() {
            return rows.stream().flatMap(r -> java.util.stream.Stream.of(r.lastVisit(), r.lastIroContact(), r.lastHealth(), r.lastDental(),
                    r.placementStart(), r.pathwayReview(), r.latestContact())).filter(java.util.Objects::nonNull)
                    .max(LocalDate::compareTo).orElse(null);
        }
    }

    static final String CHILD = "Child Unique ID";
    static final String TEAM = "Allocated Team";
    static final String WORKER = "Allocated Worker";
    static final String VISIT = "Date of Last Social Work Visit";
    static final String IRO = "Date of Last IRO Visit / Contact to the Child";
    static final String HEALTH = "Date of Last Health Assessment";
    static final String DENTAL = "Date of Last Dental Check";
    static final String PLACEMENT = "Start Date of Most Recent Placement";
    static final String PERMANENCE = "What is the permanence plan for this child?";
    static final String PA = "Allocated Personal Advisor";
    static final String PATHWAY = "Latest Pathway Plan Review Date";
    static final String CONTACT = "Latest Date of Contact";
    static final String ELIGIBILITY = "Eligibility Category";

    private static final List<String> REQUIRED_8 = List.of(CHILD, TEAM, WORKER, VISIT, HEALTH);
    private static final List<String> REQUIRED_9 = List.of(CHILD, TEAM, WORKER);
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private AnnexAWorkbook() {
    }

    /** Whether a file name looks like a workbook (xlsx), as opposed to a CSV table of the 903 return. */
    public static boolean isWorkbook(String fileName) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    public static Result read(String fileName, byte[] content, LocalDate notAfter) {
        List<ValidationError> errors = new ArrayList<>();
        List<Row8or9> rows = new ArrayList<>();
        int[] bad = {0};
        if (content == null || content.length == 0) {
            errors.add(new ValidationError(fileName, 0, "", "", "OV-AA-EMPTY", "The file is empty"));
            return new Result(rows, 0, errors);
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            Sheet list8 = sheet(wb, "8");
            Sheet list9 = sheet(wb, "9");
            if (list8 == null && list9 == null) {
                errors.add(new ValidationError(fileName, 0, "", "", "OV-AA-NO-LISTS",
                        "The workbook has no sheet named 'List 8' or 'List 9' (Annex A children in care and care leavers)"));
                return new Result(rows, 0, errors);
            }
            if (list8 != null) {
                readList(fileName, list8, 8, REQUIRED_8, notAfter, rows, errors, bad);
            }
            if (list9 != null) {
                readList(fileName, list9, 9, REQUIRED_9, notAfter, rows, errors, bad);
            }
        } catch (IOException | RuntimeException e) {
            errors.add(new ValidationError(fileName, 0, "", "", "OV-AA-NOT-XLSX",
                    "The file could not be read as an Excel workbook (.xlsx): " + e.getClass().getSimpleName()));
        }
        return new Result(List.copyOf(rows), bad[0], List.copyOf(errors));
    }

    private static Sheet sheet(Workbook wb, String number) {
        for (Sheet s : wb) {
            String name = s.getSheetName().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
            if (name.equals("list " + number) || name.startsWith("list " + number + " ") || name.startsWith("list " + number + "-")
                    || name.startsWith("list " + number + ":")) {
                return s;
            }
        }
        return null;
    }

    private static void readList(String fileName, Sheet sheet, int list, List<String> required, LocalDate notAfter, List<Row8or9> out,
                                 List<ValidationError> errors, int[] bad) {
        String where = fileName + " (" + sheet.getSheetName() + ")";
        DataFormatter formatter = new DataFormatter(Locale.UK);
        Row header = sheet.getRow(sheet.getFirstRowNum());
        if (header == null || sheet.getPhysicalNumberOfRows() == 0) {
            errors.add(new ValidationError(where, 0, "", "", "OV-AA-EMPTY", "The sheet is empty"));
            return;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (Cell c : header) {
            String name = normal(formatter.formatCellValue(c));
            if (!name.isEmpty()) {
                columns.putIfAbsent(name, c.getColumnIndex());
            }
        }
        List<String> missing = required.stream().filter(r -> !columns.containsKey(normal(r))).toList();
        if (!missing.isEmpty()) {
            missing.forEach(m -> errors.add(new ValidationError(where, header.getRowNum() + 1, m, "", "OV-AA-COLUMN",
                    "The heading '" + m + "' is missing: use the Annex A template's headings")));
            return;
        }
        Set<String> seen = new HashSet<>();
        int dataRows = 0;
        for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, formatter)) {
                continue;
            }
            dataRows++;
            int human = r + 1;
            int before = errors.size();
            String child = text(row, columns, CHILD, formatter);
            if (child == null) {
                errors.add(new ValidationError(where, human, CHILD, "", "OV-AA-CHILD", "Every row needs the child's unique ID"));
            } else if (!seen.add(child)) {
                errors.add(new ValidationError(where, human, CHILD, child, "OV-AA-DUPLICATE", "This child is listed twice in list " + list));
            }
            LocalDate visit = date(row, columns, VISIT, where, human, notAfter, errors, formatter);
            LocalDate iro = date(row, columns, IRO, where, human, notAfter, errors, formatter);
            LocalDate health = date(row, columns, HEALTH, where, human, notAfter, errors, formatter);
            LocalDate dental = date(row, columns, DENTAL, where, human, notAfter, errors, formatter);
            LocalDate placement = date(row, columns, PLACEMENT, where, human, notAfter, errors, formatter);
            LocalDate pathway = date(row, columns, PATHWAY, where, human, notAfter, errors, formatter);
            LocalDate contact = date(row, columns, CONTACT, where, human, notAfter, errors, formatter);
            if (errors.size() > before) {
                bad[0]++;
                continue;
            }
            String worker = text(row, columns, WORKER, formatter);
            String pa = text(row, columns, PA, formatter);
            out.add(new Row8or9(list, child, text(row, columns, TEAM, formatter), list == 9 && pa != null ? pa : worker, visit, iro, health, dental, placement,
                    text(row, columns, PERMANENCE, formatter), pathway, contact, text(row, columns, ELIGIBILITY, formatter), human));
        }
        if (dataRows == 0) {
            errors.add(new ValidationError(where, 0, "", "", "OV-AA-NO-ROWS", "List " + list + " has headings but no children"));
        }
    }

    private static boolean blank(Row row, DataFormatter formatter) {
        for (Cell c : row) {
            if (!formatter.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, Map<String, Integer> columns, String heading, DataFormatter formatter) {
        Integer i = columns.get(normal(heading));
        if (i == null) {
            return null;
        }
        Cell c = row.getCell(i);
        String v = c == null ? "" : formatter.formatCellValue(c).trim();
        return v.isEmpty() ? null : v;
    }

    private static LocalDate date(Row row, Map<String, Integer> columns, String heading, String where, int human, LocalDate notAfter,
                                  List<ValidationError> errors, DataFormatter formatter) {
        Integer i = columns.get(normal(heading));
        if (i == null) {
            return null;
        }
        Cell c = row.getCell(i);
        if (c == null || c.getCellType() == CellType.BLANK) {
            return null;
        }
        LocalDate value;
        String shown = formatter.formatCellValue(c).trim();
        if (c.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(c)) {
            value = c.getLocalDateTimeCellValue().toLocalDate();
        } else {
            if (shown.isEmpty()) {
                return null;
            }
            try {
                value = LocalDate.parse(shown, DMY);
            } catch (DateTimeParseException e) {
                errors.add(new ValidationError(where, human, heading, shown, "OV-AA-DATE",
                        "Not a real date in the form dd/mm/yyyy"));
                return null;
            }
        }
        if (value.isBefore(EARLIEST) || (notAfter != null && value.isAfter(notAfter))) {
            errors.add(new ValidationError(where, human, heading, shown, "OV-AA-DATE-RANGE",
                    "The date is outside the possible range (after 01/01/1990 and not after " + org.oversight.shared.Dates.format(notAfter) + ")"));
            return null;
        }
        return value;
    }

    private static String normal(String heading) {
        return heading == null ? "" : heading.toLowerCase(Locale.ROOT).replace('\u2018', '\'').replace('\u2019', '\'')
                .replaceAll("[^a-z0-9/?']+", " ").trim();
    }
}
