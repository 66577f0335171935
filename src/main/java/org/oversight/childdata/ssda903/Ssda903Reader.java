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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oversight.childdata.ssda903.Rows.Episode;
import org.oversight.childdata.ssda903.Rows.Header;
import org.oversight.childdata.ssda903.Rows.Missing;
import org.oversight.childdata.ssda903.Rows.Oc3;
import org.oversight.childdata.ssda903.Rows.Other;
import org.oversight.childdata.ssda903.Rows.Review;
import org.oversight.childdata.ssda903.Rows.Ssda903Row;
import org.oversight.childdata.ssda903.Rows.Uasc;
import org.oversight.shared.upload.LimitedInputStream;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;

/**
 * Reads one SSDA903 CSV table (any of the twelve) and runs Oversight's own single-table checks (DfE's rules run later).
 * Detects the table from the header row; tolerates a UTF-8 BOM, CRLF, blank lines and spaces around values.
 * Never throws on bad input: every problem becomes a {@link ValidationError}, except a file past one of the
 * {@link UploadLimits}, which stops reading with an {@link UploadLimitException}.
 */
public final class Ssda903Reader {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .setIgnoreEmptyLines(false)
            .get();

    private enum Kind { TEXT, CODE, DATE }

    /** How to check one column: the rule for a bad value, and the rule for a blank (null = blank allowed). */
    private record Field(String column, Kind kind, String badRule, String blankRule) {
    }

    private static final Field CHILD = new Field("CHILD", Kind.TEXT, null, "OV-REQUIRED");

    /**
     * Oversight's own field checks, for what DfE's rules leave open: a row needs a CHILD, an episode needs its start
     * date and codes, and the DOB and sex other tables repeat must be readable. Every DfE rule runs in the rule book.
     */
    private static final Map<Ssda903Table, List<Field>> FIELDS = Map.ofEntries(
            Map.entry(Ssda903Table.HEADER, List.of(CHILD,
                    new Field("MOTHER", Kind.CODE, "OV-CODE", null))),
            Map.entry(Ssda903Table.EPISODES, List.of(CHILD,
                    new Field("DECOM", Kind.DATE, null, "OV-REQUIRED"),
                    new Field("RNE", Kind.TEXT, null, "OV-REQUIRED"),
                    new Field("LS", Kind.TEXT, null, "OV-REQUIRED"),
                    new Field("CIN", Kind.TEXT, null, "OV-REQUIRED"),
                    new Field("PLACE", Kind.TEXT, null, "OV-REQUIRED"))),
            Map.entry(Ssda903Table.REVIEWS, List.of(CHILD,
                    new Field("DOB", Kind.DATE, "OV-DATE", "OV-REQUIRED"))),
            Map.entry(Ssda903Table.OC3, List.of(CHILD,
                    new Field("DOB", Kind.DATE, "OV-DATE", "OV-REQUIRED"))),
            Map.entry(Ssda903Table.MISSING, List.of(CHILD,
                    new Field("DOB", Kind.DATE, "OV-DATE", "OV-REQUIRED"))),
            Map.entry(Ssda903Table.UASC, List.of(CHILD,
                    new Field("SEX", Kind.CODE, "OV-CODE", "OV-REQUIRED"),
                    new Field("DOB", Kind.DATE, "OV-DATE", "OV-REQUIRED"))),
            Map.entry(Ssda903Table.OC2, List.of(CHILD)),
            Map.entry(Ssda903Table.AD1, List.of(CHILD)),
            Map.entry(Ssda903Table.PLACED_ADOPTION, List.of(CHILD)),
            Map.entry(Ssda903Table.PREV_PERM, List.of(CHILD)),
            Map.entry(Ssda903Table.SW_EPISODES, List.of(CHILD)),
            Map.entry(Ssda903Table.DOLO, List.of(CHILD)));


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
        List<String[]> values = new ArrayList<>();
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
                return new ReadResult(file, null, List.of(), List.of(), errors, errors.total());
            }
            int headerRow = (int) headerRecord.getRecordNumber();
            List<String> names = new ArrayList<>();
            for (String s : headerRecord) {
                names.add(normaliseName(s));
            }
            table = detect(names, file);
            if (table == null) {
                errors.add(ValidationError.of(file, headerRow, "", String.join(",", names), "OV-TABLE"));
                return new ReadResult(file, null, List.of(), List.of(), errors, errors.total());
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
                return new ReadResult(file, table, List.of(), List.of(), errors, errors.total());
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
                String[] raw = new String[columns.size()];
                int k = 0;
                for (String c : columns) {
                    int i = index.get(c);
                    String value = i < rec.size() ? clean(rec.get(i)) : "";
                    v.put(c, value);
                    raw[k++] = value.isEmpty() ? null : value; // the same string the row holds: no copy
                }
                rows.add(readRow(file, table, rowNo, v, errors));
                values.add(raw);
            }
            if (rows.isEmpty()) {
                errors.add(ValidationError.of(file, headerRow, "", "", "OV-NO-ROWS"));
            }
        } catch (UploadLimitException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return unreadable(file, e.getMessage());
        }
        duplicateEpisodes(file, table, rows, errors);
        errors.sort(Comparator.comparingInt(ValidationError::row));
        return new ReadResult(file, table, rows, values, errors, errors.total());
    }

    private static ReadResult unreadable(String file, String why) {
        return new ReadResult(file, null, List.of(), List.of(), List.of(ValidationError.of(file, 0, "", "", "OV-READ",
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
                    if (d == null && f.badRule() != null) {
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
                }
            }
        }
        String child = v.get("CHILD");
        return switch (table) {
            case HEADER -> new Header(row, child, v.get("SEX"), Dates.parse(v.get("DOB")), v.get("ETHNIC"),
                    v.get("UPN"), v.get("MOTHER"), Dates.parse(v.get("MC_DOB")));
            case EPISODES -> new Episode(row, child, dates.get("DECOM"), v.get("RNE"), v.get("LS"), v.get("CIN"),
                    v.get("PLACE"), v.get("PLACE_PROVIDER"), Dates.parse(v.get("DEC")), v.get("REC"),
                    v.get("REASON_PLACE_CHANGE"), v.get("HOME_POST"), v.get("PL_POST"), v.get("URN"));
            case REVIEWS -> new Review(row, child, dates.get("DOB"), Dates.parse(v.get("REVIEW")), v.get("REVIEW_CODE"));
            case OC3 -> new Oc3(row, child, dates.get("DOB"), v.get("IN_TOUCH"), v.get("ACTIV"), v.get("ACCOM"));
            case MISSING -> new Missing(row, child, dates.get("DOB"), v.get("MISSING"), Dates.parse(v.get("MIS_START")),
                    Dates.parse(v.get("MIS_END")));
            case UASC -> new Uasc(row, child, v.get("SEX"), dates.get("DOB"), Dates.parse(v.get("DUC")));
            default -> new Other(row, child, table, table.columns().stream()
                    .map(c -> v.get(c) == null || v.get(c).isEmpty() ? null : v.get(c)).toList());
        };
    }

    // ---------------------------------------------------------------------------------------------------------
    // Whole-table checks

    /** Two episodes of one child starting the same day: OV-DUPLICATE on the later row (DfE's rules see overlaps). */
    private static void duplicateEpisodes(String file, Ssda903Table table, List<Ssda903Row> rows,
                                          List<ValidationError> errors) {
        if (table != Ssda903Table.EPISODES) {
            return;
        }
        for (List<Episode> eps : episodesByChild(rows).values()) {
            for (int i = 1; i < eps.size(); i++) {
                Episode prev = eps.get(i - 1);
                Episode e = eps.get(i);
                if (prev.decom().equals(e.decom())) {
                    String decom = Dates.format(e.decom());
                    errors.add(ValidationError.of(file, e.row(), "DECOM", decom, "OV-DUPLICATE",
                            "Duplicate episode: child " + e.child() + " already has an episode starting " + decom
                                    + " (row " + prev.row() + ")."));
                }
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

    static Map<String, List<Episode>> episodesByChildForReturn(List<Episode> episodes) {
        return episodesByChild(Objects.requireNonNull(episodes));
    }
}
