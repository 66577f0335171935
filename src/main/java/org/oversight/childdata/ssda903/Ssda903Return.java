package org.oversight.childdata.ssda903;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import org.oversight.childdata.ssda903.Rows.Episode;
import org.oversight.childdata.ssda903.Rows.Header;
import org.oversight.childdata.ssda903.Rows.Missing;
import org.oversight.childdata.ssda903.Rows.Oc3;
import org.oversight.childdata.ssda903.Rows.Review;
import org.oversight.childdata.ssda903.Rows.Ssda903Row;
import org.oversight.childdata.ssda903.Rows.Uasc;
import org.oversight.childdata.ssda903.rules.Flags;
import org.oversight.childdata.ssda903.rules.Postcodes;
import org.oversight.childdata.ssda903.rules.Rule903;
import org.oversight.childdata.ssda903.rules.ProviderInfo;
import org.oversight.childdata.ssda903.rules.ReturnData;
import org.oversight.childdata.ssda903.rules.RuleBook;
import org.oversight.childdata.ssda903.rules.RuleOutcome;
import org.oversight.childdata.ssda903.rules.Table;

/**
 * A set of SSDA903 tables validated together: every file's own checks, then every DfE rule of the collection year's
 * rule set ({@link RuleBook}), in one list of errors and queries, plus each rule's outcome (how many rows it flagged,
 * or why it could not be checked). {@link #acceptWithBadRows()} keeps only the rows that have no error.
 */
public final class Ssda903Return {

    private final List<ReadResult> files;
    private final CollectionYear year;
    private final List<ValidationError> errors;
    private final long errorTotal;
    private final long queryTotal;
    private final List<RuleOutcome> outcomes;
    private final int ruleSetYear;

    private Ssda903Return(List<ReadResult> files, CollectionYear year, ErrorList errors, List<RuleOutcome> outcomes,
                          int ruleSetYear) {
        this.files = files.stream().map(ReadResult::withoutValues).toList(); // the rules have run: their copy can go
        this.year = year;
        this.errors = List.copyOf(errors);
        this.errorTotal = errors.total();
        this.queryTotal = errors.queries();
        this.outcomes = List.copyOf(outcomes);
        this.ruleSetYear = ruleSetYear;
    }

    /**
     * What else the rules can use: the LA whose return it is (its ONS code, e.g. E09000001, for the rules about where
     * children are placed), last year's return (for the rules that compare years) and Ofsted's provider lists (for the
     * rules about URNs). Each may be null/empty; rules that need one are then reported as not checked.
     */
    public record Options(CollectionYear year, String laOnsCode, List<ReadResult> lastYear, ProviderInfo providers) {

        public Options {
            year = year == null ? CollectionYear.current() : year;
            lastYear = lastYear == null ? List.of() : List.copyOf(lastYear);
        }

        public static Options of(CollectionYear year) {
            return new Options(year, null, List.of(), null);
        }

        public Options withLa(String onsCode) {
            return new Options(year, onsCode, lastYear, providers);
        }

        public Options withLastYear(List<ReadResult> files) {
            return new Options(year, laOnsCode, files, providers);
        }

        public Options withProviders(ProviderInfo p) {
            return new Options(year, laOnsCode, lastYear, p);
        }
    }

    /** Reads and validates files given as name → bytes, as a return for the current collection year. */
    public static Ssda903Return read(Map<String, byte[]> files) {
        return read(files, Options.of(null));
    }

    /** Reads and validates files given as name → bytes for a collection year (null: the current one). */
    public static Ssda903Return read(Map<String, byte[]> files, CollectionYear year) {
        return read(files, Options.of(year));
    }

    /** Reads and validates files given as name → bytes. */
    public static Ssda903Return read(Map<String, byte[]> files, Options options) {
        return validate(readAll(files), options);
    }

    /** Reads each file (name → bytes) with {@link Ssda903Reader}. */
    public static List<ReadResult> readAll(Map<String, byte[]> files) {
        List<ReadResult> read = new ArrayList<>();
        files.forEach((name, bytes) -> read.add(Ssda903Reader.read(name, bytes)));
        return read;
    }

    /** Validates files already read for a collection year (null: the current one). */
    public static Ssda903Return validate(List<ReadResult> files, CollectionYear year) {
        return validate(files, Options.of(year));
    }

    /** Validates files already read. */
    public static Ssda903Return validate(List<ReadResult> files, Options options) {
        return validate(files, Context.NONE, options, Integer.MAX_VALUE);
    }

    /**
     * For a partial update, the tables of the current snapshot that the files do not replace, rebuilt from what was
     * stored, and per table the columns that were not stored (blank in {@link ReadResult#values()}).
     */
    public record Context(List<ReadResult> tables, Map<Ssda903Table, Set<String>> notKept) {

        public static final Context NONE = new Context(List.of(), Map.of());

        public Context {
            tables = List.copyOf(tables);
            notKept = Map.copyOf(notKept);
        }
    }

    /**
     * Validates files already read against each other and, for a partial update, against the {@code context}: the
     * rules run on the return as it will be once stored (the files' tables plus the current snapshot's other tables),
     * but only the files' rows are reported; the context's rows were checked when they were imported. A rule that reads
     * a column the context did not keep is reported as not checked. Errors are kept up to {@code maxErrors} and counted
     * beyond ({@link #errorTotal()}).
     */
    public static Ssda903Return validate(List<ReadResult> files, Context context, Options options, int maxErrors) {
        ErrorList errors = new ErrorList(maxErrors);
        for (ReadResult f : files) {
            errors.addAll(f.errors());
            errors.countWithoutKeeping(f.errorTotal() - f.errors().size());
        }
        RuleBook book = RuleBook.forYear(options.year());
        List<RuleOutcome> outcomes = book.run(data(files, context, options), asGiven(files, errors::add));
        new CrossChecks(files, context.tables(), errors).run();
        return new Ssda903Return(files, options.year(), errors, outcomes, book.startYear());
    }

    /**
     * The rules read values upper-cased; an error shows the value as the file gives it (found by file, row and column
     * among the files read; a derived column such as PL_LA keeps the rules' value).
     */
    private static java.util.function.Consumer<ValidationError> asGiven(List<ReadResult> files,
                                                                        java.util.function.Consumer<ValidationError> sink) {
        Map<String, ReadResult> byFile = new HashMap<>();
        for (ReadResult f : files) {
            if (f.table() != null) {
                byFile.putIfAbsent(f.file(), f);
            }
        }
        return e -> {
            ReadResult f = byFile.get(e.file());
            if (f != null && e.value() != null && !e.value().isEmpty()) {
                int column = f.table().columns().indexOf(e.column());
                int index = rowIndex(f, e.row());
                String given = column < 0 || index < 0 ? null : f.values().get(index)[column];
                if (given != null && !given.equals(e.value())) {
                    e = new ValidationError(e.file(), e.row(), e.column(), given, e.ruleCode(), e.message(), e.severity());
                }
            }
            sink.accept(e);
        };
    }

    /** The position of the row with that spreadsheet row number (rows are in file order), or -1. */
    private static int rowIndex(ReadResult f, int row) {
        int lo = 0;
        int hi = f.rows().size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = f.rows().get(mid).row();
            if (r == row) {
                return mid;
            }
            if (r < row) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    private static ReturnData data(List<ReadResult> files, Context context, Options options) {
        Map<Ssda903Table, Table> current = tables(files, false);
        // The context only fills in tables the files do not give.
        List<ReadResult> kept = context.tables().stream().filter(c -> c.table() != null && !current.containsKey(c.table())).toList();
        tables(kept, false).forEach((kind, t) -> {
            t.storedWithout(context.notKept().getOrDefault(kind, Set.of()));
            current.put(kind, t);
        });
        return new ReturnData(current, tables(options.lastYear(), true), options.year(), options.laOnsCode(),
                options.providers(), Postcodes.shared());
    }

    /** One row one rule flags: the rule, the DfE table name (with "_last" for last year's), the 0-based data row. */
    public record Flagged(String rule, String table, int index) {
    }

    /**
     * The rows each rule flags, by position in its table (0-based data rows, as DfE's validator numbers them), for
     * comparing with DfE's reference implementation row for row.
     */
    public static List<Flagged> flagged(List<ReadResult> files, Options options) {
        ReturnData data = new ReturnData(tables(files, false), tables(options.lastYear(), true), options.year(),
                options.laOnsCode(), options.providers(), Postcodes.shared());
        List<Flagged> out = new ArrayList<>();
        for (Rule903 r : RuleBook.forYear(options.year()).rules()) {
            if (r.notCheckedReason(data) != null) {
                continue;
            }
            Flags f = RuleBook.run(r, data);
            for (Ssda903Table t : Ssda903Table.values()) {
                for (Table table : new Table[] {data.table(t), data.last(t)}) {
                    if (table != null) {
                        for (int i : f.rows(table)) {
                            out.add(new Flagged(r.code(), t.dfeName() + (table.lastYear() ? "_last" : ""), i));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The files as the rules see them: one table per kind (several files of a kind are joined), values upper case. */
    static Map<Ssda903Table, Table> tables(List<ReadResult> files, boolean lastYear) {
        Map<Ssda903Table, List<ReadResult>> byTable = new EnumMap<>(Ssda903Table.class);
        for (ReadResult f : files) {
            if (f.table() != null) {
                byTable.computeIfAbsent(f.table(), k -> new ArrayList<>()).add(f);
            }
        }
        Map<Ssda903Table, Table> out = new EnumMap<>(Ssda903Table.class);
        byTable.forEach((kind, list) -> {
            int n = list.stream().mapToInt(f -> f.values().size()).sum();
            String[] names = new String[n];
            int[] rows = new int[n];
            List<String> columns = kind.columns();
            String[][] cols = new String[columns.size()][n];
            int i = 0;
            for (ReadResult f : list) {
                for (int r = 0; r < f.values().size(); r++, i++) {
                    names[i] = f.file();
                    rows[i] = f.rows().get(r).row();
                    String[] v = f.values().get(r);
                    for (int c = 0; c < columns.size(); c++) {
                        cols[c][i] = v[c] == null ? null : v[c].toUpperCase(Locale.ROOT);
                    }
                }
            }
            Table t = new Table(kind, lastYear, n, names, rows);
            for (int c = 0; c < columns.size(); c++) {
                t.put(columns.get(c), cols[c]);
            }
            out.put(kind, t);
        });
        return out;
    }

    /** The errors kept (all of them unless {@link #errorTotal()} is larger). */
    public List<ValidationError> errors() {
        return errors;
    }

    /** Every error and query found, kept or not. */
    public long errorTotal() {
        return errorTotal;
    }

    /** The queries among {@link #errorTotal()} (DfE asks the LA to check them; they do not stop an import). */
    public long queryTotal() {
        return queryTotal;
    }

    /** No errors (queries allowed: DfE lets an LA confirm them). */
    public boolean isValid() {
        return errorCount() == 0;
    }

    /** The errors among {@link #errorTotal()}, kept or not (queries left out). */
    public long errorCount() {
        return errorTotal - queryTotal;
    }

    /** Each rule of the year's rule set: rows flagged, or why it was not checked. */
    public List<RuleOutcome> outcomes() {
        return outcomes;
    }

    /** The start year of the rule set used (2026 = 2026-27). */
    public int ruleSetYear() {
        return ruleSetYear;
    }

    public List<ReadResult> files() {
        return files;
    }

    public CollectionYear collectionYear() {
        return year;
    }

    public List<Header> header() {
        return rows(Header.class);
    }

    public List<Episode> episodes() {
        return rows(Episode.class);
    }

    public List<Review> reviews() {
        return rows(Review.class);
    }

    public List<Oc3> oc3() {
        return rows(Oc3.class);
    }

    public List<Missing> missing() {
        return rows(Missing.class);
    }

    public List<Uasc> uasc() {
        return rows(Uasc.class);
    }

    private <T extends Ssda903Row> List<T> rows(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ReadResult f : files) {
            out.addAll(f.rows(type));
        }
        return out;
    }

    /**
     * "Accept with bad rows": the same tables with every row that has any error (its own or cross-table) removed;
     * queries do not remove a row.
     * The returned object keeps the full error list, so the caller can still show what was dropped.
     */
    public Accepted acceptWithBadRows() {
        Map<String, Set<Integer>> bad = new HashMap<>();
        for (ValidationError e : errors) {
            if (e.severity() == Severity.ERROR) {
                bad.computeIfAbsent(e.file(), k -> new HashSet<>()).add(e.row());
            }
        }
        Map<Ssda903Table, List<Ssda903Row>> kept = new EnumMap<>(Ssda903Table.class);
        int dropped = 0;
        for (ReadResult f : files) {
            if (f.table() == null) {
                continue;
            }
            Set<Integer> badRows = bad.getOrDefault(f.file(), Set.of());
            boolean wholeFileBad = badRows.contains(0);
            for (Ssda903Row r : f.rows()) {
                if (wholeFileBad || badRows.contains(r.row())) {
                    dropped++;
                } else {
                    kept.computeIfAbsent(f.table(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        return new Accepted(kept, dropped, errors);
    }

    /** The rows that passed every check, by table, plus how many were dropped and why. */
    public record Accepted(Map<Ssda903Table, List<Ssda903Row>> rows, int droppedRows,
                           List<ValidationError> errors) {

        public <T extends Ssda903Row> List<T> rows(Class<T> type) {
            List<T> out = new ArrayList<>();
            rows.values().forEach(l -> l.stream().filter(type::isInstance).map(type::cast).forEach(out::add));
            return out;
        }

        public int acceptedRows() {
            return rows.values().stream().mapToInt(List::size).sum();
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    /** Oversight's own cross-table check: no review before the child's first episode in the return. */
    private static final class CrossChecks {
        private final List<ReadResult> files;
        private final List<ValidationError> errors;
        private final Map<String, LocalDate> firstDecom = new HashMap<>();

        CrossChecks(List<ReadResult> files, List<ReadResult> context, List<ValidationError> errors) {
            this.files = files;
            this.errors = errors;
            List<ReadResult> all = new ArrayList<>(files);
            all.addAll(context);
            for (ReadResult f : all) {
                for (Episode e : f.rows(Episode.class)) {
                    if (e.decom() != null && !e.child().isEmpty()) {
                        firstDecom.merge(e.child(), e.decom(), (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
            }
        }

        void run() {
            for (ReadResult f : files) {
                for (Review r : f.rows(Review.class)) {
                    LocalDate first = firstDecom.get(r.child());
                    if (first != null && r.review() != null && r.review().isBefore(first)) {
                        errors.add(ValidationError.of(f.file(), r.row(), "REVIEW", Dates.format(r.review()),
                                "OV-REVIEW-BEFORE-CARE", RuleMessages.message("OV-REVIEW-BEFORE-CARE")
                                        + " First DECOM: " + Dates.format(first) + "."));
                    }
                }
            }
        }
    }

    /** Counts errors by rule code, most frequent first; handy for reports. */
    public static Map<String, Long> countByRule(Collection<ValidationError> errors) {
        Map<String, Long> counts = new HashMap<>();
        errors.forEach(e -> counts.merge(e.ruleCode(), 1L, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(en -> sorted.put(en.getKey(), en.getValue()));
        return sorted;
    }
}
