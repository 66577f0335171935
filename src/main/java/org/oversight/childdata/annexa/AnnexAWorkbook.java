package org.oversight.childdata.annexa;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

import org.oversight.childdata.ssda903.ErrorList;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.shared.upload.LimitedInputStream;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;

/**
 * Reads Ofsted's Annex A workbook, lists 8 (children in care) and 9 (care leavers): the facts the SSDA903 return does
 * not hold. Columns are found by their Annex A heading, whatever their order; dates are dd/mm/yyyy text or date cells.
 * Every problem names the sheet, row (as the spreadsheet numbers it), column, value and an Oversight rule code. The
 * workbook is read as a stream of rows ({@link XlsxStream}) under the {@link UploadLimits}, never as a whole document.
 */
public final class AnnexAWorkbook {

    /** One row of list 8 or 9, as far as compliance needs it. */
    public record Row8or9(int list, String childRef, String team, String worker, LocalDate lastVisit, LocalDate lastIroContact,
                          LocalDate lastHealth, LocalDate lastDental, LocalDate placementStart, String permanencePlan,
                          LocalDate pathwayReview, LocalDate latestContact, String eligibility, int rowNumber) {
    }

    /** What was read: good rows, rows with errors left out, the errors kept and how many there were in all. */
    public record Result(List<Row8or9> rows, int badRows, List<ValidationError> errors, long errorTotal) {
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

    /** Reads a workbook given as bytes, under the default limits. */
    public static Result read(String fileName, byte[] content, LocalDate notAfter) {
        return read(fileName, new java.io.ByteArrayInputStream(content == null ? new byte[0] : content), notAfter, UploadLimits.defaults());
    }

    /**
     * Reads a workbook from a stream (kept in a temporary file while it is read, at most
     * {@link UploadLimits#maxFileSize()} bytes), as a stream of rows under the limits: a breach is an
     * {@link UploadLimitException} in words; a file that is not a workbook, or has no list 8 or 9, is an error.
     */
    public static Result read(String fileName, InputStream content, LocalDate notAfter, UploadLimits limits) {
        Path file = null;
        try {
            file = Files.createTempFile("oversight-annex-a", ".xlsx");
            long maxBytes = limits.maxFileSize().toBytes();
            try (InputStream in = new LimitedInputStream(content, maxBytes, () -> new UploadLimitException(
                    fileName + ": the file is larger than " + UploadLimits.words(maxBytes), "oversight.imports.max-file-size"))) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return read(fileName, file, notAfter, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left behind is removed with the temporary folder
                }
            }
        }
    }

    /** Reads a workbook file (see {@link #read(String, InputStream, LocalDate, UploadLimits)}). */
    public static Result read(String fileName, Path file, LocalDate notAfter, UploadLimits limits) throws IOException {
        List<ValidationError> errors = new ErrorList(limits.maxErrors());
        List<Row8or9> rows = new ArrayList<>();
        int[] bad = {0};
        if (Files.size(file) == 0) {
            errors.add(new ValidationError(fileName, 0, "", "", "OV-AA-EMPTY", "The file is empty"));
            return new Result(rows, 0, errors, 1);
        }
        try (XlsxStream workbook = XlsxStream.open(fileName, file, limits)) {
            String list8 = sheet(workbook.sheetNames(), "8");
            String list9 = sheet(workbook.sheetNames(), "9");
            if (list8 == null && list9 == null) {
                errors.add(new ValidationError(fileName, 0, "", "", "OV-AA-NO-LISTS",
                        "The workbook has no sheet named 'List 8' or 'List 9' (Annex A children in care and care leavers)"));
                return new Result(rows, 0, errors, 1);
            }
            if (list8 != null) {
                readList(fileName, workbook, list8, 8, REQUIRED_8, notAfter, rows, errors, bad, limits);
            }
            if (list9 != null) {
                readList(fileName, workbook, list9, 9, REQUIRED_9, notAfter, rows, errors, bad, limits);
            }
        } catch (XlsxStream.NotAWorkbook e) {
            errors.add(new ValidationError(fileName, 0, "", "", "OV-AA-NOT-XLSX", "The file could not be read: " + e.getMessage()));
        }
        return new Result(List.copyOf(rows), bad[0], List.copyOf(errors), ((ErrorList) errors).total());
    }

    private static String sheet(List<String> names, String number) {
        for (String sheetName : names) {
            String name = sheetName.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
            if (name.equals("list " + number) || name.startsWith("list " + number + " ") || name.startsWith("list " + number + "-")
                    || name.startsWith("list " + number + ":")) {
                return sheetName;
            }
        }
        return null;
    }

    private static void readList(String fileName, XlsxStream workbook, String sheet, int list, List<String> required, LocalDate notAfter,
                                 List<Row8or9> out, List<ValidationError> errors, int[] bad, UploadLimits limits) throws XlsxStream.NotAWorkbook {
        String where = fileName + " (" + sheet + ")";
        Map<String, Integer> columns = new HashMap<>();
        boolean[] headed = {false};
        boolean[] complete = {true};
        int[] headerRow = {0};
        int[] dataRows = {0};
        Set<String> seen = new HashSet<>();
        workbook.read(sheet, row -> {
            if (!complete[0] || row.blank()) {
                return;
            }
            if (!headed[0]) {
                headed[0] = true;
                headerRow[0] = row.number();
                for (int c = 0; c < row.values().size(); c++) {
                    String name = normal(row.value(c));
                    if (!name.isEmpty()) {
                        columns.putIfAbsent(name, c);
                    }
                }
                List<String> missing = required.stream().filter(r -> !columns.containsKey(normal(r))).toList();
                if (!missing.isEmpty()) {
                    missing.forEach(m -> errors.add(new ValidationError(where, row.number(), m, "", "OV-AA-COLUMN",
                            "The heading '" + m + "' is missing: use the Annex A template's headings")));
                    complete[0] = false;
                }
                return;
            }
            if (++dataRows[0] > limits.maxRows()) {
                throw new UploadLimitException(where + ": list " + list + " has more than " + UploadLimits.count(limits.maxRows()) + " rows",
                        "oversight.imports.max-rows");
            }
            int human = row.number();
            int before = errors.size();
            long totalBefore = ((ErrorList) errors).total();
            String child = text(row, columns, CHILD);
            if (child == null) {
                errors.add(new ValidationError(where, human, CHILD, "", "OV-AA-CHILD", "Every row needs the child's unique ID"));
            } else if (!seen.add(child)) {
                errors.add(new ValidationError(where, human, CHILD, child, "OV-AA-DUPLICATE", "This child is listed twice in list " + list));
            }
            LocalDate visit = date(row, columns, VISIT, where, human, notAfter, errors);
            LocalDate iro = date(row, columns, IRO, where, human, notAfter, errors);
            LocalDate health = date(row, columns, HEALTH, where, human, notAfter, errors);
            LocalDate dental = date(row, columns, DENTAL, where, human, notAfter, errors);
            LocalDate placement = date(row, columns, PLACEMENT, where, human, notAfter, errors);
            LocalDate pathway = date(row, columns, PATHWAY, where, human, notAfter, errors);
            LocalDate contact = date(row, columns, CONTACT, where, human, notAfter, errors);
            if (errors.size() > before || ((ErrorList) errors).total() > totalBefore) {
                bad[0]++;
                return;
            }
            String worker = text(row, columns, WORKER);
            String pa = text(row, columns, PA);
            out.add(new Row8or9(list, child, text(row, columns, TEAM), list == 9 && pa != null ? pa : worker, visit, iro, health, dental, placement,
                    text(row, columns, PERMANENCE), pathway, contact, text(row, columns, ELIGIBILITY), human));
        });
        if (!headed[0]) {
            errors.add(new ValidationError(where, 0, "", "", "OV-AA-EMPTY", "The sheet is empty"));
        } else if (complete[0] && dataRows[0] == 0) {
            errors.add(new ValidationError(where, 0, "", "", "OV-AA-NO-ROWS", "List " + list + " has headings but no children"));
        }
    }

    private static String text(XlsxStream.Row row, Map<String, Integer> columns, String heading) {
        Integer i = columns.get(normal(heading));
        if (i == null) {
            return null;
        }
        String v = row.value(i);
        v = v == null ? "" : v.trim();
        return v.isEmpty() ? null : v;
    }

    private static LocalDate date(XlsxStream.Row row, Map<String, Integer> columns, String heading, String where, int human, LocalDate notAfter,
                                  List<ValidationError> errors) {
        String shown = text(row, columns, heading);
        if (shown == null) {
            return null;
        }
        LocalDate value;
        try {
            value = LocalDate.parse(shown, DMY);
        } catch (DateTimeParseException e) {
            errors.add(new ValidationError(where, human, heading, shown, "OV-AA-DATE", "Not a real date in the form dd/mm/yyyy"));
            return null;
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
