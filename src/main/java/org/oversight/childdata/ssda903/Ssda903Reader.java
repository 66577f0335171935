package org.oversight.childdata.ssda903;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oversight.childdata.ssda903.Rows.Episode;
import org.oversight.childdata.ssda903.Rows.Header;
import org.oversight.childdata.ssda903.Rows.Missing;
import org.oversight.childdata.ssda903.Rows.Oc3;
import org.oversight.childdata.ssda903.Rows.Review;
import org.oversight.childdata.ssda903.Rows.Ssda903Row;
import org.oversight.childdata.ssda903.Rows.Uasc;
import org.oversight.shared.upload.LimitedInputStream;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;

/**
 * Reads one SSDA903 CSV table (Header, Episodes, Reviews, OC3, Missing or UASC) and runs the single-table checks.
 * Detects the table from the header row; tolerates a UTF-8 BOM, CRLF, blank lines and spaces around values.
 * Never throws on bad input: every problem becomes a {@link ValidationError}, except a file past one of the
 * {@link UploadLimits}, which stops reading with an {@link UploadLimitException}.
 */
public final class Ssda903Reader {

    private static final Pattern UPN = Pattern.compile(Codes.UPN_PATTERN);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setIgnoreEmptyLines(false)
            .get();

    private enum Kind { TEXT, CODE, DATE }

    /** How to check one column: the rule for a bad value, and the rule for a blank (null = blank allowed). */
    private record Field(String column, Kind kind, String badRule, String blankRule) {
    }

    private static final Map<Ssda903Table, List<Field>> FIELDS = Map.of(
            Ssda903Table.HEADER, List.of(
                    new Field("CHILD", Kind.TEXT, null, "OV-REQUIRED"),
                    new Field("SEX", Kind.CODE, "101", "101"),
                    new Field("DOB", Kind.DATE, "102", "102"),
                    new Field("ETHNIC", Kind.CODE, "103", "103"),
                    new Field("UPN", Kind.TEXT, "168", null),
                    new Field("MOTHER", Kind.CODE, "OV-CODE", null),
                    new Field("MC_DOB", Kind.DATE, "171", null)),
            Ssda903Table.EPISODES, List.of(
                    new Field("CHILD", Kind.TEXT, null, "OV-REQUIRED"),
                    new Field("DECOM", Kind.DATE, "141", "OV-REQUIRED"),
                    new Field("RNE", Kind.CODE, "143", "OV-REQUIRED"),
                    new Field("LS", Kind.CODE, "144", "OV-REQUIRED"),
                    new Field("CIN", Kind.CODE, "145", "OV-REQUIRED"),
                    new Field("PLACE", Kind.CODE, "146", "OV-REQUIRED"),
                    new Field("PLACE_PROVIDER", Kind.CODE, "178", null),
                    new Field("DEC", Kind.DATE, "147", null),
                    new Field("REC", Kind.CODE, "149", null),
                    new Field("REASON_PLACE_CHANGE", Kind.CODE, "1009", null)),
            Ssda903Table.REVIEWS, List.of(
                    new Field("CHILD", Kind.TEXT, null, "OV-REQUIRED"),
                    new Field("DOB", Kind.DATE, "OV-DATE", "OV-REQUIRED"),
                    new Field("REVIEW", Kind.DATE, "166", "166"),
                    new Field("REVIEW_CODE", Kind.CODE, "167", "167")),
            Ssda903Table.OC3, List.of(
                    new Field("CHILD", Kind.TEXT, null, "OV-REQUIRED"),
                    new Field("DOB", Kind.DATE, "OV-DATE", "OV-REQUIRED"),
                    new Field("IN_TOUCH", Kind.CODE, "131", null),
                    new Field("ACTIV", Kind.CODE, "132", null),
                    new Field("ACCOM", Kind.CODE, "133", null)),
            Ssda903Table.MISSING, List.of(
                    new Field("CHILD", Kind.TEXT, null, "OV-REQUIRED"),
                    new Field("DOB", Kind.DATE, "OV-DATE", "OV-REQUIRED"),
                    new Field("MISSING", Kind.CODE, "1006", null),
                    new Field("MIS_START", Kind.DATE, "1004", "1004"),
                    new Field("MIS_END", Kind.DATE, "1005", null)),
            Ssda903Table.UASC, List.of(
                    new Field("CHILD", Kind.TEXT, null, "OV-REQUIRED"),
                    new Field("SEX", Kind.CODE, "OV-CODE", "OV-REQUIRED"),
                    new Field("DOB", Kind.DATE, "OV-DATE", "OV-REQUIRED"),
                    new Field("DUC", Kind.DATE, "104", null)));

    private Ssda903Reader() {
    }

    /** Reads a file given its bytes (UTF-8, with or without BOM), under the default limits. */
    public static ReadResult read(String fileName, byte[] bytes) {
        return read(fileName, new ByteArrayInputStream(bytes == null ? new byte[0] : bytes), UploadLimits.defaults());
    }

    /** Reads a file given its text, under the default limits. */
    public static ReadResult read(String fileName, String text) {
        return read(fileName == null ? "" : fileName, new StringReader(text == null ? "" : text), UploadLimits.defaults());
    }

    /**
     * Reads a file as a stream (UTF-8, with or without BOM), never holding more than one row of it: at most
     * {@link UploadLimits#maxFileSize()} bytes, {@link UploadLimits#maxRows()} rows, {@link UploadLimits#maxColumns()}
     * columns and {@link UploadLimits#maxCellChars()} characters a value, each breach an {@link UploadLimitException}
     * naming the file; errors are kept up to {@link UploadLimits#maxErrors()} and counted beyond.
     */
    public static ReadResult read(String fileName, InputStream in, UploadLimits limits) {
        String file = fileName == null ? "" : fileName;
        long maxBytes = limits.maxFileSize().toBytes();
        InputStream limited = new LimitedInputStream(in, maxBytes, () -> new UploadLimitException(
                file + ": the file is larger than " + UploadLimits.words(maxBytes), "oversight.imports.max-file-size"));
        return read(file, new InputStreamReader(limited, StandardCharsets.UTF_8), limits);
    }

    private static ReadResult read(String file, Reader text, UploadLimits limits) {
        ErrorList errors = new ErrorList(limits.maxErrors());
        List<Ssda903Row> rows = new ArrayList<>();
        Ssda903Table table = null;
        try (CSVParser parser = CSVParser.parse(new CsvGuard(withoutBom(text), file, limits), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            // The header is the first non-blank record; rows keep their spreadsheet number (record index + 1).
            CSVRecord headerRecord = null;
            while (records.hasNext()) {
                CSVRecord r = records.next();
                if (!isBlank(r)) {
                    headerRecord = r;
                    break;
                }
            }
            if (headerRecord == null) {
                errors.add(ValidationError.of(file, 0, "", "", "OV-EMPTY"));
                return new ReadResult(file, null, List.of(), errors, errors.total());
            }
            int headerRow = (int) headerRecord.getRecordNumber();
            List<String> names = new ArrayList<>();
            for (String s : headerRecord) {
                names.add(normaliseName(s));
            }
            table = detect(names, file);
            if (table == null) {
                errors.add(ValidationError.of(file, headerRow, "", String.join(",", names), "OV-TABLE"));
                return new ReadResult(file, null, List.of(), errors, errors.total());
            }
            List<String> columns = table.columns();
            List<String> missing = columns.stream().filter(c -> !names.contains(c)).toList();
            Set<String> seen = new HashSet<>();
            for (String n : names) {
                if (!columns.contains(n)) {
                    errors.add(ValidationError.of(file, headerRow, n, n, "OV-HEADER",
                            "Unexpected column '" + n + "' in " + table.dfeName() + " table; expected columns: "
                                    + String.join(",", columns) + "."));
                } else if (!seen.add(n)) {
                    errors.add(ValidationError.of(file, headerRow, n, n, "OV-HEADER",
                            "Column '" + n + "' appears more than once in the header row."));
                }
            }
            for (String m : missing) {
                errors.add(ValidationError.of(file, headerRow, m, "", "OV-HEADER",
                        "Missing column '" + m + "' in " + table.dfeName() + " table; expected columns: "
                                + String.join(",", columns) + "."));
            }
            if (!missing.isEmpty()) {
                // Without every column the rows cannot be read reliably.
                return new ReadResult(file, table, List.of(), errors, errors.total());
            }
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i), i);
            }
            while (records.hasNext()) {
                CSVRecord rec = records.next();
                if (isBlank(rec)) {
                    continue;
                }
                if (rows.size() >= limits.maxRows()) {
                    throw new UploadLimitException(file + ": the " + table.dfeName() + " table has more than "
                            + UploadLimits.count(limits.maxRows()) + " rows", "oversight.imports.max-rows");
                }
                int rowNo = (int) rec.getRecordNumber();
                if (rec.size() != names.size()) {
                    errors.add(ValidationError.of(file, rowNo, "", String.valueOf(rec.size()), "OV-ROW",
                            "The row has " + rec.size() + " fields but the header has " + names.size() + "."));
                }
                Map<String, String> v = new LinkedHashMap<>();
                for (String c : columns) {
                    int i = index.get(c);
                    v.put(c, i < rec.size() ? clean(rec.get(i)) : "");
                }
                rows.add(readRow(file, table, rowNo, v, errors));
            }
            if (rows.isEmpty()) {
                errors.add(ValidationError.of(file, headerRow, "", "", "OV-NO-ROWS"));
            }
        } catch (UploadLimitException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return unreadable(file, e.getMessage());
        }
        tableChecks(file, table, rows, errors);
        errors.sort(Comparator.comparingInt(ValidationError::row));
        return new ReadResult(file, table, rows, errors, errors.total());
    }

    private static ReadResult unreadable(String file, String why) {
        return new ReadResult(file, null, List.of(), List.of(ValidationError.of(file, 0, "", "", "OV-READ",
                RuleMessages.message("OV-READ") + " " + (why == null ? "" : why))));
    }

    /** Leaves out a UTF-8 byte order mark at the start. */
    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        int first = in.read();
        if (first >= 0 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Table detection

    static Ssda903Table detect(List<String> names, String fileName) {
        Set<String> present = new HashSet<>(names);
        String hint = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        Ssda903Table best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Ssda903Table t : Ssda903Table.values()) {
            int matched = (int) t.columns().stream().filter(present::contains).count();
            if (matched < 2 || !present.contains("CHILD") && matched < t.columns().size() - 1) {
                continue;
            }
            int unmatched = names.size() - matched;
            int missing = t.columns().size() - matched;
            // Most columns matched wins; then fewest missing and unexpected columns; then the file name.
            int score = matched * 100 - (missing + unmatched) * 10
                    + (hint.contains(t.name().toLowerCase(Locale.ROOT)) ? 5 : 0);
            if (score > bestScore) {
                bestScore = score;
                best = t;
            }
        }
        return best;
    }

    private static String normaliseName(String s) {
        String n = s == null ? "" : s.replace("\uFEFF", "").trim();
        return n.toUpperCase(Locale.ROOT);
    }

    private static boolean isBlank(CSVRecord r) {
        for (String s : r) {
            if (s != null && !s.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String clean(String s) {
        return s == null ? "" : s.replace("\uFEFF", "").strip();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Per-row checks

    private static Ssda903Row readRow(String file, Ssda903Table table, int row, Map<String, String> v,
                                      List<ValidationError> errors) {
        Map<String, LocalDate> dates = new HashMap<>();
        for (Field f : FIELDS.get(table)) {
            String value = v.get(f.column());
            if (value.isEmpty()) {
                if (f.blankRule() != null) {
                    errors.add(ValidationError.of(file, row, f.column(), value, f.blankRule()));
                }
                continue;
            }
            switch (f.kind()) {
                case DATE -> {
                    LocalDate d = Dates.parse(value);
                    if (d == null) {
                        errors.add(ValidationError.of(file, row, f.column(), value, f.badRule()));
                    }
                    dates.put(f.column(), d);
                }
                case CODE -> {
                    if (!Codes.BY_COLUMN.get(f.column()).contains(value)) {
                        errors.add(ValidationError.of(file, row, f.column(), value, f.badRule()));
                    }
                }
                case TEXT -> {
                    if (f.column().equals("UPN") && !UPN.matcher(value).matches()) {
                        errors.add(ValidationError.of(file, row, f.column(), value, f.badRule()));
                    }
                }
            }
        }
        String child = v.get("CHILD");
        return switch (table) {
            case HEADER -> {
                Header h = new Header(row, child, v.get("SEX"), dates.get("DOB"), v.get("ETHNIC"), v.get("UPN"),
                        v.get("MOTHER"), dates.get("MC_DOB"));
                String mcDob = v.get("MC_DOB");
                if (h.sex().equals("M") && !mcDob.isEmpty()) {
                    errors.add(ValidationError.of(file, row, "MC_DOB", mcDob, "174"));
                }
                if (h.mother().equals("1") && mcDob.isEmpty()) {
                    errors.add(ValidationError.of(file, row, "MC_DOB", mcDob, "611"));
                }
                if ((h.mother().equals("0") || h.mother().isEmpty()) && h.sex().equals("F") && !mcDob.isEmpty()) {
                    errors.add(ValidationError.of(file, row, "MOTHER", h.mother(), "612"));
                }
                yield h;
            }
            case EPISODES -> {
                Episode e = new Episode(row, child, dates.get("DECOM"), v.get("RNE"), v.get("LS"), v.get("CIN"),
                        v.get("PLACE"), v.get("PLACE_PROVIDER"), dates.get("DEC"), v.get("REC"),
                        v.get("REASON_PLACE_CHANGE"), v.get("HOME_POST"), v.get("PL_POST"), v.get("URN"));
                episodeRowChecks(file, e, v, errors);
                yield e;
            }
            case REVIEWS -> {
                Review r = new Review(row, child, dates.get("DOB"), dates.get("REVIEW"), v.get("REVIEW_CODE"));
                if (r.dob() != null && r.review() != null) {
                    LocalDate fourth = r.dob().plusYears(4);
                    if (r.reviewCode().equals("PN0") && r.review().isAfter(fourth)) {
                        errors.add(ValidationError.of(file, row, "REVIEW_CODE", r.reviewCode(), "440"));
                    }
                    if (!r.reviewCode().equals("PN0") && Codes.REVIEW_CODE.contains(r.reviewCode())
                            && r.review().isBefore(fourth)) {
                        errors.add(ValidationError.of(file, row, "REVIEW_CODE", r.reviewCode(), "441"));
                    }
                }
                yield r;
            }
            case OC3 -> {
                Oc3 o = new Oc3(row, child, dates.get("DOB"), v.get("IN_TOUCH"), v.get("ACTIV"), v.get("ACCOM"));
                int filled = (o.inTouch().isEmpty() ? 0 : 1) + (o.activ().isEmpty() ? 0 : 1)
                        + (o.accom().isEmpty() ? 0 : 1);
                if (filled != 0 && filled != 3) {
                    String col = o.inTouch().isEmpty() ? "IN_TOUCH" : o.activ().isEmpty() ? "ACTIV" : "ACCOM";
                    errors.add(ValidationError.of(file, row, col, "", "153"));
                }
                if (o.inTouch().equals("YES") && (o.activ().equals("0") || o.accom().equals("0"))) {
                    String col = o.activ().equals("0") ? "ACTIV" : "ACCOM";
                    errors.add(ValidationError.of(file, row, col, "0", "345"));
                }
                yield o;
            }
            case MISSING -> {
                Missing m = new Missing(row, child, dates.get("DOB"), v.get("MISSING"), dates.get("MIS_START"),
                        dates.get("MIS_END"));
                if (!v.get("MIS_START").isEmpty() && m.missing().isEmpty()) {
                    errors.add(ValidationError.of(file, row, "MISSING", "", "565"));
                }
                if (!m.missing().isEmpty() && v.get("MIS_START").isEmpty()) {
                    errors.add(ValidationError.of(file, row, "MIS_START", "", "564"));
                }
                if (m.misStart() != null && m.misEnd() != null && m.misStart().isAfter(m.misEnd())) {
                    errors.add(ValidationError.of(file, row, "MIS_END", v.get("MIS_END"), "567"));
                }
                if (m.misStart() != null && m.dob() != null && !m.misStart().isAfter(m.dob())) {
                    errors.add(ValidationError.of(file, row, "MIS_START", v.get("MIS_START"), "586"));
                }
                yield m;
            }
            case UASC -> {
                Uasc u = new Uasc(row, child, v.get("SEX"), dates.get("DOB"), dates.get("DUC"));
                if (u.duc() != null && u.dob() != null && u.duc().isAfter(u.dob().plusYears(18))) {
                    errors.add(ValidationError.of(file, row, "DUC", v.get("DUC"), "304"));
                }
                yield u;
            }
        };
    }

    private static void episodeRowChecks(String file, Episode e, Map<String, String> v, List<ValidationError> errors) {
        int row = e.row();
        boolean hasDec = !v.get("DEC").isEmpty();
        boolean hasRec = !e.rec().isEmpty();
        if (hasDec != hasRec) {
            errors.add(ValidationError.of(file, row, hasDec ? "REC" : "DEC", "", "148"));
        }
        if (e.dec() != null && e.decom() != null) {
            if (e.dec().isBefore(e.decom())) {
                errors.add(ValidationError.of(file, row, "DEC", v.get("DEC"), "356"));
            } else if (e.dec().equals(e.decom())) {
                errors.add(ValidationError.of(file, row, "DEC", v.get("DEC"), "355"));
            }
        }
        if (!hasDec && !e.reasonPlaceChange().isEmpty()) {
            errors.add(ValidationError.of(file, row, "REASON_PLACE_CHANGE", e.reasonPlaceChange(), "233"));
        }
        String place = e.place();
        String pp = e.placeProvider();
        if (Codes.PLACE_NO_PROVIDER.contains(place) && !pp.isEmpty()) {
            errors.add(ValidationError.of(file, row, "PLACE_PROVIDER", pp, "213"));
        }
        if (!place.isEmpty() && !Codes.PLACE_NO_PROVIDER.contains(place) && pp.isEmpty()) {
            errors.add(ValidationError.of(file, row, "PLACE_PROVIDER", pp, "526"));
        }
        String providerRule = switch (pp) {
            case "PR0" -> place.equals("P1") ? null : "550";
            case "PR1" -> Set.of("P1", "R2", "R5").contains(place) ? "527" : null;
            case "PR2" -> Set.of("P1", "R2", "R5").contains(place) ? "528" : null;
            case "PR3" -> Set.of("A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2", "U3", "U4", "U5", "U6")
                    .contains(place) ? "529" : null;
            case "PR4" -> place.equals("P1") ? "530" : null;
            case "PR5" -> place.equals("P1") ? "531" : null;
            default -> null;
        };
        if (providerRule != null && !place.isEmpty()) {
            errors.add(ValidationError.of(file, row, "PLACE_PROVIDER", pp, providerRule));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Whole-table checks

    private static void tableChecks(String file, Ssda903Table table, List<Ssda903Row> rows,
                                    List<ValidationError> errors) {
        switch (table) {
            case HEADER -> onceOnly(file, rows, "INT32", errors);
            case OC3 -> onceOnly(file, rows, "INT34", errors);
            case UASC -> onceOnly(file, rows, "INT36", errors);
            case EPISODES -> episodeSequence(file, rows, errors);
            case MISSING -> missingSequence(file, rows, errors);
            default -> {
            }
        }
    }

    private static void onceOnly(String file, List<Ssda903Row> rows, String rule, List<ValidationError> errors) {
        Set<String> seen = new HashSet<>();
        for (Ssda903Row r : rows) {
            if (!r.child().isEmpty() && !seen.add(r.child())) {
                errors.add(ValidationError.of(file, r.row(), "CHILD", r.child(), rule));
            }
        }
    }

    private static Map<String, List<Episode>> episodesByChild(List<? extends Ssda903Row> rows) {
        Map<String, List<Episode>> byChild = new LinkedHashMap<>();
        for (Ssda903Row r : rows) {
            if (r instanceof Episode e && !e.child().isEmpty() && e.decom() != null) {
                byChild.computeIfAbsent(e.child(), k -> new ArrayList<>()).add(e);
            }
        }
        byChild.values().forEach(l -> l.sort(Comparator.comparing(Episode::decom)
                .thenComparing(Episode::dec, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparingInt(Episode::row)));
        return byChild;
    }

    private static void episodeSequence(String file, List<Ssda903Row> rows, List<ValidationError> errors) {
        for (List<Episode> eps : episodesByChild(rows).values()) {
            Episode prev = null;
            for (int i = 0; i < eps.size(); i++) {
                Episode e = eps.get(i);
                Episode next = i + 1 < eps.size() ? eps.get(i + 1) : null;
                String decom = Dates.format(e.decom());
                if (prev != null && prev.decom().equals(e.decom())) {
                    errors.add(ValidationError.of(file, e.row(), "DECOM", decom, "OV-DUPLICATE",
                            "Duplicate episode: child " + e.child() + " already has an episode starting " + decom
                                    + " (row " + prev.row() + ")."));
                    continue; // compare later episodes with the first of the duplicates
                }
                if (prev != null && prev.dec() != null && e.decom().isBefore(prev.dec())) {
                    errors.add(ValidationError.of(file, e.row(), "DECOM", decom, "501"));
                }
                if (prev != null && Set.of("P", "L", "T", "U", "B").contains(e.rne())
                        && (prev.dec() == null || !prev.dec().equals(e.decom()))) {
                    errors.add(ValidationError.of(file, e.row(), "RNE", e.rne(), "433"));
                }
                if (next != null && !next.decom().equals(e.decom()) && (e.dec() == null || e.rec().isEmpty())) {
                    errors.add(ValidationError.of(file, e.row(), e.dec() == null ? "DEC" : "REC",
                            "", "142"));
                }
                if (e.dec() != null && !e.rec().isEmpty()) {
                    boolean x1 = e.rec().equals("X1");
                    boolean continues = next != null && e.dec().equals(next.decom());
                    if (next != null && x1 && !continues || next != null && !x1 && continues
                            || next == null && x1) {
                        errors.add(ValidationError.of(file, e.row(), "REC", e.rec(), "388"));
                    }
                }
                if (Codes.PLACE_TEMPORARY.contains(e.place())
                        && (!e.reasonPlaceChange().isEmpty() || prev != null && !prev.reasonPlaceChange().isEmpty())) {
                    errors.add(ValidationError.of(file, e.row(), "REASON_PLACE_CHANGE", e.reasonPlaceChange(),
                            "226"));
                }
                prev = e;
            }
        }
    }

    private static void missingSequence(String file, List<Ssda903Row> rows, List<ValidationError> errors) {
        Map<String, List<Missing>> byChild = new LinkedHashMap<>();
        for (Ssda903Row r : rows) {
            if (r instanceof Missing m && !m.child().isEmpty() && m.misStart() != null) {
                byChild.computeIfAbsent(m.child(), k -> new ArrayList<>()).add(m);
            }
        }
        for (List<Missing> list : byChild.values()) {
            list.sort(Comparator.comparing(Missing::misStart).thenComparingInt(Missing::row));
            for (int i = 1; i < list.size(); i++) {
                Missing prev = list.get(i - 1);
                Missing cur = list.get(i);
                if (prev.misEnd() == null || cur.misStart().isBefore(prev.misEnd())) {
                    errors.add(ValidationError.of(file, cur.row(), "MIS_START", Dates.format(cur.misStart()),
                            "574"));
                }
            }
        }
    }

    static Map<String, List<Episode>> episodesByChildForReturn(List<Episode> episodes) {
        return episodesByChild(Objects.requireNonNull(episodes));
    }
}
