package org.oversight.childdata.ssd;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oversight.childdata.ImportFile;
import org.oversight.childdata.ssda903.ValidationError;
import org.oversight.shared.upload.LimitedInputStream;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;

/**
 * Reads an SSD extract: CSV files (given one by one, or in a ZIP), one per SSD table, named by the table
 * ({@code ssd_contacts.csv}), with the SSD field names as headers. Tables and columns Oversight does not store are
 * reported as notes and skipped, never fatal; a missing required column, an empty required value, an impossible date,
 * a row given twice, a row naming a child, referral, conference or plan the extract does not have, an episode that ends
 * before it starts and a child's CIN episodes, CP plans, CLA episodes, placements or legal statuses that overlap are
 * errors naming file, row, column and value.
 * Files are read as streams under the {@link UploadLimits}.
 */
public final class SsdExtract {

    /** What reading gave: the good rows, the errors (they stop an import unless bad rows may be left out), and notes. */
    public record Result(SsdData data, List<ValidationError> errors, List<ValidationError> notes, long rows, long rejected,
                         LocalDate latestDate, List<String> files) {
    }

    /** One table as read, with each row's place in its file and whether it has an error. */
    private static final class Read {
        final SsdSchema.Table table;
        final String file;
        final List<String[]> rows = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();
        final BitSet bad = new BitSet();
        /** True when the file leaves out the child's column and each row's child is found from its period of care. */
        boolean personFromPeriod;

        Read(SsdSchema.Table table, String file) {
            this.table = table;
            this.file = file;
        }
    }

    private final UploadLimits limits;
    private final SsdSchema schema = SsdSchema.get();
    private final Map<String, Read> tables = new LinkedHashMap<>();
    private final List<ValidationError> errors = new ArrayList<>();
    private final List<ValidationError> notes = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private LocalDate latest;
    /** Dates that are plans, not events: they do not make the date the data describes. */
    private static final java.util.Set<String> PLANNED = java.util.Set.of("pers_expected_dob", "icpc_icpc_target_date", "cppr_cp_review_due",
            "clar_cla_review_due_date");

    /**
     * The SSD's reviews of a child looked after name only their period of care ({@code clar_cla_id}); the store links
     * every row to its child by {@code clar_person_id}, an Oversight addition (V45_16). An extract made by the SSD's own
     * script has no such column: its rows' children are then the children of the CLA episodes of the same period.
     */
    private record PersonFrom(String link, String table, String field, String person) {
    }

    private static final Map<String, PersonFrom> PERSON_FROM = Map.of("ssd_cla_reviews",
            new PersonFrom("clar_cla_id", "ssd_cla_episodes", "clae_cla_id", "clae_person_id"));

    private final int maxRows;

    private SsdExtract(UploadLimits limits, int maxRows) {
        this.limits = limits;
        this.maxRows = maxRows;
    }

    /** {@link #read(List, UploadLimits, SsdImportLimits, LocalDate)} with the SSD extract's default cap of rows per table. */
    public static Result read(List<ImportFile> input, UploadLimits limits, LocalDate notAfter) {
        return read(input, limits, SsdImportLimits.DEFAULT, notAfter);
    }

    /**
     * Reads the files (CSV or ZIP) and checks them; {@code notAfter} caps the date the data is said to describe. Every
     * upload limit applies but the rows per table, which is the extract's own ({@code oversight.imports.ssd.max-rows}).
     */
    public static Result read(List<ImportFile> input, UploadLimits limits, SsdImportLimits ssd, LocalDate notAfter) {
        SsdExtract x = new SsdExtract(limits, ssd.maxRows());
        LimitedInputStream.Budget expanded = new LimitedInputStream.Budget(limits.maxExpandedSize().toBytes(), () -> new UploadLimitException(
                "the ZIP file expands to more than " + UploadLimits.words(limits.maxExpandedSize().toBytes()), "oversight.imports.max-expanded-size"));
        for (ImportFile f : input) {
            try (InputStream in = f.open()) {
                if (f.name().toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    x.zip(f.name(), in, expanded);
                } else {
                    x.csv(f.name(), limited(f.name(), in, limits));
                }
            } catch (UploadLimitException e) {
                throw e.in(f.name());
            } catch (IOException e) {
                x.errors.add(new ValidationError(f.name(), 0, "", "", "OV-SSD-UNREADABLE", "The file could not be read: " + e.getMessage()));
            }
        }
        x.crossCheck(notAfter);
        return x.result();
    }

    private static InputStream limited(String name, InputStream in, UploadLimits limits) {
        long max = limits.maxFileSize().toBytes();
        return new LimitedInputStream(in, max, () -> new UploadLimitException(name + ": the file is larger than " + UploadLimits.words(max),
                "oversight.imports.max-file-size"));
    }

    private void zip(String name, InputStream in, LimitedInputStream.Budget expanded) throws IOException {
        ZipInputStream zip = new ZipInputStream(limited(name, in, limits), StandardCharsets.UTF_8);
        int entries = 0;
        for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            if (e.isDirectory()) {
                continue;
            }
            if (++entries > 200) {
                throw new UploadLimitException(name + ": the ZIP file has more than 200 files", "oversight.imports.max-sheets");
            }
            String entry = name + "/" + e.getName();
            if (!e.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                notes.add(new ValidationError(entry, 0, "", "", "OV-SSD-NOT-CSV", "Not a CSV file: skipped"));
                continue;
            }
            InputStream body = new FilterInputStream(new LimitedInputStream(zip, expanded)) {
                @Override
                public void close() {
                    // the ZIP stream goes on to its next entry
                }
            };
            csv(entry, limited(entry, body, limits));
        }
        if (entries == 0) {
            errors.add(new ValidationError(name, 0, "", "", "OV-SSD-EMPTY-ZIP", "The ZIP file has no CSV files of an SSD extract"));
        }
    }

    private void csv(String file, InputStream in) throws IOException {
        files.add(file);
        String name = SsdSchema.tableOf(file);
        if (!schema.knows(name)) {
            notes.add(new ValidationError(file, 0, "", "", "OV-SSD-UNKNOWN-TABLE", "'" + name + "' is not a table of the Standard Safeguarding "
                    + "Dataset: the file was skipped. Name each file after its SSD table, for example ssd_contacts.csv"));
            return;
        }
        if (!schema.stores(name)) {
            notes.add(new ValidationError(file, 0, "", "", "OV-SSD-NOT-STORED", name + " is an SSD table Oversight does not store yet: the file "
                    + "was skipped"));
            return;
        }
        if (tables.containsKey(name)) {
            errors.add(new ValidationError(file, 0, "", "", "OV-SSD-TABLE-TWICE", "The extract has " + name + " twice (also "
                    + tables.get(name).file + "): give each table once"));
            return;
        }
        SsdSchema.Table table = schema.table(name);
        Read read = new Read(table, file);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                errors.add(new ValidationError(file, 0, "", "", "OV-SSD-EMPTY", "The file is empty: it needs a header row with the SSD field names"));
                return;
            }
            int[] source = header(read, records.next());
            if (source == null) {
                return;
            }
            tables.put(name, read);
            while (records.hasNext()) {
                CSVRecord r = records.next();
                if (read.rows.size() >= maxRows) {
                    throw new UploadLimitException(file + ": the table has more than " + UploadLimits.count(maxRows) + " rows",
                            "oversight.imports.ssd.max-rows");
                }
                row(read, r, source, (int) r.getRecordNumber());
            }
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() != null && e.getCause().getMessage() != null && e.getCause().getMessage().contains("EOF")) {
                errors.add(new ValidationError(file, 0, "", "", "OV-SSD-CSV", "The file is not valid CSV: " + e.getCause().getMessage()));
                return;
            }
            throw e;
        } catch (IllegalStateException e) {
            errors.add(new ValidationError(file, 0, "", "", "OV-SSD-CSV", "The file is not valid CSV: " + e.getMessage()));
        }
    }

    /** Where each stored column is in the file (-1 when absent), or null when a required column is missing. */
    private int[] header(Read read, CSVRecord header) {
        SsdSchema.Table t = read.table;
        Map<String, Integer> at = new HashMap<>();
        List<String> ssdFields = schema.fieldsOf(t.name());
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
            if (h.isEmpty()) {
                continue;
            }
            if (at.putIfAbsent(h, i) != null) {
                errors.add(new ValidationError(read.file, 1, h, h, "OV-SSD-COLUMN-TWICE", "The header has " + h + " twice"));
                return null;
            }
            if (SsdSchema.NEVER_STORED.contains(h)) {
                notes.add(new ValidationError(read.file, 1, h, "", "OV-SSD-NOT-KEPT", "Oversight never stores a child's names or NHS number: "
                        + "the column was ignored and may be left out of the extract"));
            } else if (t.column(h).isEmpty()) {
                notes.add(new ValidationError(read.file, 1, h, h, ssdFields.contains(h) ? "OV-SSD-NOT-STORED" : "OV-SSD-UNKNOWN-COLUMN",
                        ssdFields.contains(h) ? "Oversight does not store this SSD field yet: the column was ignored"
                                : "Not a field of " + t.name() + " in the Standard Safeguarding Dataset: the column was ignored"));
            }
        }
        int[] source = new int[t.columns().size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < source.length; i++) {
            SsdSchema.Column c = t.columns().get(i);
            source[i] = at.getOrDefault(c.name(), -1);
            if (source[i] < 0 && c.name().equals(t.person()) && PERSON_FROM.containsKey(t.name())) {
                read.personFromPeriod = true;
                notes.add(new ValidationError(read.file, 1, c.name(), "", "OV-SSD-CHILD-FROM-PERIOD", "No " + c.name() + " column: each row's child is "
                        + "the child of the CLA episodes its " + PERSON_FROM.get(t.name()).link() + " names"));
            } else if (source[i] < 0 && c.required()) {
                missing.add(c.name());
            }
        }
        if (!missing.isEmpty()) {
            errors.add(new ValidationError(read.file, 1, String.join(", ", missing), "", "OV-SSD-MISSING-COLUMN", "The header lacks "
                    + (missing.size() == 1 ? "the required field " : "the required fields ") + String.join(", ", missing)
                    + " of " + t.name() + ": the table was not read"));
            return null;
        }
        return source;
    }

    private void row(Read read, CSVRecord r, int[] source, int line) {
        SsdSchema.Table t = read.table;
        String[] values = new String[source.length];
        boolean bad = false;
        for (int i = 0; i < source.length; i++) {
            SsdSchema.Column c = t.columns().get(i);
            String raw = source[i] < 0 || source[i] >= r.size() ? "" : r.get(source[i]).strip();
            if (raw.length() > limits.maxCellChars()) {
                throw new UploadLimitException(read.file + ": a value in row " + line + " is longer than " + UploadLimits.count(limits.maxCellChars())
                        + " characters", "oversight.imports.max-cell-chars");
            }
            if (raw.isEmpty() || raw.equalsIgnoreCase("NULL")) {
                if (c.required() && !(read.personFromPeriod && c.name().equals(t.person()))) {
                    errors.add(new ValidationError(read.file, line, c.name(), "", "OV-SSD-REQUIRED", c.name() + " is required in " + t.name()));
                    bad = true;
                }
                continue;
            }
            switch (c.type()) {
                case DATE -> {
                    LocalDate d = SsdValues.date(raw);
                    if (d == null) {
                        errors.add(new ValidationError(read.file, line, c.name(), raw, "OV-SSD-DATE",
                                "Not a real date: write it as yyyy-mm-dd or dd/mm/yyyy"));
                        bad = true;
                    } else {
                        values[i] = d.toString();
                    }
                }
                case INTEGER -> {
                    values[i] = SsdValues.integer(raw);
                    if (values[i] == null) {
                        errors.add(new ValidationError(read.file, line, c.name(), raw, "OV-SSD-NUMBER", "Not a whole number"));
                        bad = true;
                    }
                }
                case NUMERIC -> {
                    values[i] = SsdValues.decimal(raw);
                    if (values[i] == null) {
                        errors.add(new ValidationError(read.file, line, c.name(), raw, "OV-SSD-NUMBER", "Not a number"));
                        bad = true;
                    }
                }
                case TEXT -> values[i] = raw;
            }
        }
        if (bad) {
            read.bad.set(read.rows.size());
        }
        read.rows.add(values);
        read.lines.add(line);
    }

    /** Checks across rows and tables: rows twice, links to rows that are not there, dates out of order, overlaps. */
    private void crossCheck(LocalDate notAfter) {
        tables.values().stream().filter(r -> r.personFromPeriod).forEach(this::personsFromPeriods);
        // Dates are held as yyyy-mm-dd, so compared as text; the bounds' text made once, not once a value (JFR).
        String cap = notAfter.toString();
        String latestText = latest == null ? null : latest.toString();
        Map<String, Set<String>> keys = new HashMap<>();
        for (Read read : tables.values()) {
            int key = read.table.index(read.table.key());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < read.rows.size(); i++) {
                String k = read.rows.get(i)[key];
                if (k != null && !seen.add(k)) {
                    error(read, i, read.table.key(), k, "OV-SSD-DUPLICATE", read.table.name().equals("ssd_person")
                            ? "The child is in the extract twice" : "The extract has this " + read.table.key() + " twice");
                }
            }
            keys.put(read.table.name(), seen);
        }
        boolean personLinked = tables.values().stream().anyMatch(r -> r.table.person() != null);
        if (personLinked && !tables.containsKey("ssd_person")) {
            errors.add(new ValidationError(String.join(", ", files), 0, "", "", "OV-SSD-NO-PERSON-TABLE",
                    "The extract has no ssd_person table: every child its other tables name must be in it"));
        }
        for (Read read : tables.values()) {
            SsdSchema.Table t = read.table;
            Map<String, String> links = new LinkedHashMap<>(t.links());
            if (t.person() != null && tables.containsKey("ssd_person")) {
                links.put(t.person(), "ssd_person");
            }
            for (var link : links.entrySet()) {
                Set<String> targets = targets(link.getValue(), keys);
                if (targets == null) {
                    continue;
                }
                int at = t.index(link.getKey());
                for (int i = 0; i < read.rows.size(); i++) {
                    String v = read.rows.get(i)[at];
                    if (v != null && !targets.contains(v)) {
                        error(read, i, link.getKey(), v, link.getValue().equals("ssd_person") ? "OV-SSD-NO-PERSON" : "OV-SSD-LINK",
                                link.getValue().equals("ssd_person") ? "The child is not in ssd_person"
                                        : link.getValue().contains(".") ? "No row of " + link.getValue().replace(".", " has this ")
                                        + (link.getValue().equals("ssd_cla_episodes.clae_cla_id") ? ": it must name a period of care of a CLA episode" : "")
                                        : "No row of " + link.getValue() + " has this id" + (link.getKey().equals("cppl_icpc_id")
                                        ? ": a child protection plan must name its initial conference" : ""));
                    }
                }
            }
            if (t.period() != null) {
                int from = t.index(t.period()[0]);
                int to = t.index(t.period()[1]);
                for (int i = 0; i < read.rows.size(); i++) {
                    String[] row = read.rows.get(i);
                    if (row[from] != null && row[to] != null && row[to].compareTo(row[from]) < 0) {
                        error(read, i, t.period()[1], row[to], "OV-SSD-DATE-ORDER", t.period()[1] + " is before " + t.period()[0] + " (" + row[from] + ")");
                    }
                }
                if (t.noOverlap() && t.person() != null) {
                    overlaps(read, t.index(t.person()), from, to);
                }
            }
            boolean[] dated = new boolean[t.columns().size()];
            for (int i = 0; i < dated.length; i++) {
                dated[i] = t.columns().get(i).type() == SsdSchema.Type.DATE && !PLANNED.contains(t.columns().get(i).name());
            }
            for (String[] row : read.rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] != null && dated[i] && row[i].compareTo(cap) <= 0 && (latestText == null || row[i].compareTo(latestText) > 0)) {
                        latestText = row[i];
                    }
                }
            }
        }
        latest = latestText == null ? null : LocalDate.parse(latestText);
    }

    /** Each row's child from the CLA episodes of the period of care it names; an error where none (or two children) do. */
    private void personsFromPeriods(Read read) {
        PersonFrom from = PERSON_FROM.get(read.table.name());
        Read periods = tables.get(from.table());
        Map<String, String> childOf = new HashMap<>();
        Set<String> shared = new HashSet<>();
        if (periods != null) {
            int period = periods.table.index(from.field());
            int person = periods.table.index(from.person());
            for (String[] row : periods.rows) {
                if (row[period] != null && row[person] != null) {
                    String before = childOf.putIfAbsent(row[period], row[person]);
                    if (before != null && !before.equals(row[person])) {
                        shared.add(row[period]);
                    }
                }
            }
        }
        int link = read.table.index(from.link());
        int person = read.table.index(read.table.person());
        for (int i = 0; i < read.rows.size(); i++) {
            String[] row = read.rows.get(i);
            String child = row[link] == null || shared.contains(row[link]) ? null : childOf.get(row[link]);
            if (child != null) {
                row[person] = child;
            } else {
                error(read, i, from.link(), row[link] == null ? "" : row[link], "OV-SSD-REQUIRED", read.table.person() + " is not in the file, and "
                        + (row[link] == null ? "the row names no period of care"
                        : shared.contains(row[link]) ? "the CLA episodes of this period of care name more than one child"
                        : "no CLA episode of " + from.table() + " has this " + from.field()) + ": the row's child is not known");
            }
        }
    }

    /**
     * The values a link may name: the keys of its table, or for {@code table.field} that field's values in the table's
     * rows; null when the extract does not have the table (a link is checked only against what the extract holds).
     */
    private Set<String> targets(String target, Map<String, Set<String>> keys) {
        int dot = target.indexOf('.');
        if (dot < 0) {
            return keys.get(target);
        }
        Read read = tables.get(target.substring(0, dot));
        if (read == null) {
            return null;
        }
        int at = read.table.index(target.substring(dot + 1));
        Set<String> values = new HashSet<>();
        read.rows.forEach(row -> {
            if (row[at] != null) {
                values.add(row[at]);
            }
        });
        return values;
    }

    /** One child's periods (CIN episodes, CP plans) may not overlap: a later one must start after the earlier one ends. */
    private void overlaps(Read read, int person, int from, int to) {
        Map<String, List<Integer>> byChild = new HashMap<>();
        for (int i = 0; i < read.rows.size(); i++) {
            String[] row = read.rows.get(i);
            if (row[person] != null && row[from] != null) {
                byChild.computeIfAbsent(row[person], k -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> rows : byChild.values()) {
            if (rows.size() < 2) {
                continue;
            }
            rows.sort(Comparator.comparing(i -> read.rows.get(i)[from]));
            String end = null;
            for (int i : rows) {
                String[] row = read.rows.get(i);
                if (end != null && row[from].compareTo(end) < 0) {
                    error(read, i, read.table.period()[0], row[from], "OV-SSD-OVERLAP", "The child's " + read.table.name().substring(4).replace('_', ' ')
                            + " overlap: this one starts before the one before it ends (" + end + ")");
                }
                String thisEnd = row[to] == null ? "9999-12-31" : row[to];
                if (end == null || thisEnd.compareTo(end) > 0) {
                    end = thisEnd;
                }
            }
        }
    }

    private void error(Read read, int index, String column, String value, String code, String message) {
        errors.add(new ValidationError(read.file, read.lines.get(index), column, value, code, message));
        read.bad.set(index);
    }

    private Result result() {
        SsdData data = new SsdData();
        long rows = 0;
        long rejected = 0;
        Set<String> persons = new LinkedHashSet<>();
        Read person = tables.get("ssd_person");
        if (person != null) {
            int key = person.table.index("pers_person_id");
            for (int i = 0; i < person.rows.size(); i++) {
                if (!person.bad.get(i)) {
                    persons.add(person.rows.get(i)[key]);
                }
            }
        }
        for (SsdSchema.Table t : schema.tables()) {
            Read read = tables.get(t.name());
            if (read == null) {
                continue;
            }
            int p = t.person() == null ? -1 : t.index(t.person());
            for (int i = 0; i < read.rows.size(); i++) {
                rows++;
                String[] row = read.rows.get(i);
                // A row of a child left out is left out too (the store links every row to its child).
                if (read.bad.get(i) || p >= 0 && !persons.contains(row[p])) {
                    rejected++;
                    continue;
                }
                data.add(t.name(), row);
            }
        }
        return new Result(data, List.copyOf(errors), List.copyOf(notes), rows, rejected, latest, List.copyOf(files));
    }
}
