package org.oversight.childdata.ssda903.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oversight.childdata.ssda903.Ssda903Table;

/**
 * One SSDA903 table as the rules see it: column-major string values (null for a blank, as pandas' NaN), with lazily
 * parsed dates and a few cached groupings. Row positions are 0-based in file order; each row keeps the file and
 * spreadsheet row it came from so an error can name them.
 */
public final class Table {

    private final Ssda903Table kind;
    private final boolean lastYear;
    private final int size;
    private final String[] files;
    private final int[] rowNumbers;
    private final Map<String, String[]> columns = new HashMap<>();
    private final Map<String, LocalDate[]> dates = new HashMap<>();
    private final Map<String, double[]> numbers = new HashMap<>();
    private Map<String, int[]> byChild;
    private final Map<String, int[]> orders = new HashMap<>();
    private Set<String> notKept = Set.of();
    private String readNotKept;
    private boolean stored;

    public Table(Ssda903Table kind, boolean lastYear, int size, String[] files, int[] rowNumbers) {
        this.kind = kind;
        this.lastYear = lastYear;
        this.size = size;
        this.files = files;
        this.rowNumbers = rowNumbers;
    }

    /** A table built from column arrays, for tests and worked examples (rows numbered from 2, as in a file). */
    public static Table of(Ssda903Table kind, boolean lastYear, String file, Map<String, String[]> values) {
        int n = values.values().stream().mapToInt(a -> a.length).max().orElse(0);
        String[] files = new String[n];
        Arrays.fill(files, file);
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i + 2;
        }
        Table t = new Table(kind, lastYear, n, files, rows);
        values.forEach(t::put);
        return t;
    }

    public Ssda903Table kind() {
        return kind;
    }

    public boolean lastYear() {
        return lastYear;
    }

    public int size() {
        return size;
    }

    public String file(int i) {
        return files[i];
    }

    public int rowNumber(int i) {
        return rowNumbers[i];
    }

    /**
     * Marks this table as rebuilt from data stored earlier (the current snapshot's, for a partial update) whose
     * {@code columns} were not kept: rules still see its rows, but {@link RuleBook} reports none of its rows, and a
     * rule that reads one of those columns is reported as not checked.
     */
    public void storedWithout(Set<String> columns) {
        notKept = Set.copyOf(columns);
        stored = true;
    }

    /** Whether the table was rebuilt from data stored earlier rather than given in this return. */
    public boolean stored() {
        return stored;
    }

    /** The first column not kept that was read since the last call (null if none), and forgets it. */
    String takeReadNotKept() {
        String c = readNotKept;
        readNotKept = null;
        return c;
    }

    private void touch(String name) {
        if (readNotKept == null && notKept.contains(name)) {
            readNotKept = name;
        }
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(name);
    }

    /** Sets (or replaces) a column; blanks must already be null. */
    public void put(String name, String[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException(name + " has " + values.length + " values, table has " + size);
        }
        columns.put(name, values);
        dates.remove(name);
        numbers.remove(name);
        orders.clear();
    }

    /** The column's values (null = blank); an absent column reads as all blank. */
    public String[] col(String name) {
        touch(name);
        return columns.computeIfAbsent(name, k -> new String[size]);
    }

    public String get(int i, String name) {
        return col(name)[i];
    }

    /** The column parsed as dd/mm/yyyy dates (as pandas reads them with format="%d/%m/%Y"); null if blank or bad. */
    public LocalDate[] date(String name) {
        touch(name);
        return dates.computeIfAbsent(name, k -> {
            String[] v = col(k);
            LocalDate[] d = new LocalDate[size];
            for (int i = 0; i < size; i++) {
                d[i] = RuleDates.parse(v[i]);
            }
            return d;
        });
    }

    /** The column as numbers (as pandas' to_numeric with errors="coerce"); NaN if blank or not a number. */
    public double[] number(String name) {
        touch(name);
        return numbers.computeIfAbsent(name, k -> {
            String[] v = col(k);
            double[] d = new double[size];
            for (int i = 0; i < size; i++) {
                d[i] = RuleDates.number(v[i]);
            }
            return d;
        });
    }

    /** Row positions per child, in file order; rows with a blank CHILD are left out (as pandas' groupby does). */
    public Map<String, int[]> byChild() {
        if (byChild == null) {
            Map<String, List<Integer>> m = new LinkedHashMap<>();
            String[] child = col("CHILD");
            for (int i = 0; i < size; i++) {
                if (child[i] != null) {
                    m.computeIfAbsent(child[i], k -> new ArrayList<>(4)).add(i);
                }
            }
            Map<String, int[]> out = new LinkedHashMap<>(m.size() * 2);
            m.forEach((k, l) -> out.put(k, l.stream().mapToInt(Integer::intValue).toArray()));
            byChild = out;
        }
        return byChild;
    }

    public int[] rowsOf(String child) {
        int[] r = child == null ? null : byChild().get(child);
        return r == null ? new int[0] : r;
    }

    public boolean hasChild(String child) {
        return child != null && byChild().containsKey(child);
    }

    /**
     * For each child, the row with the earliest (or latest) date in the column, blanks skipped, the first such row on
     * a tie (pandas' groupby(...).idxmin()/idxmax()). Children with no date are left out.
     */
    public Map<String, Integer> idxMin(String dateColumn) {
        return idx(dateColumn, true);
    }

    public Map<String, Integer> idxMax(String dateColumn) {
        return idx(dateColumn, false);
    }

    private Map<String, Integer> idx(String dateColumn, boolean min) {
        LocalDate[] d = date(dateColumn);
        Map<String, Integer> out = new LinkedHashMap<>();
        byChild().forEach((child, rows) -> {
            int best = -1;
            for (int r : rows) {
                if (d[r] != null && (best < 0 || (min ? d[r].isBefore(d[best]) : d[r].isAfter(d[best])))) {
                    best = r;
                }
            }
            if (best >= 0) {
                out.put(child, best);
            }
        });
        return out;
    }

    /**
     * Row positions sorted by CHILD then by the given date columns, blanks last, ties in file order (pandas'
     * sort_values(["CHILD", ...]) with the default na_position="last").
     */
    public int[] sortedByChildThen(String... dateColumns) {
        for (String c : dateColumns) {
            touch(c);
        }
        return orders.computeIfAbsent(String.join(",", dateColumns), k -> sortByChildThen(dateColumns)).clone();
    }

    private int[] sortByChildThen(String... dateColumns) {
        String[] child = col("CHILD");
        List<LocalDate[]> ds = new ArrayList<>();
        for (String c : dateColumns) {
            ds.add(date(c));
        }
        Comparator<Integer> cmp = Comparator.comparing(i -> child[i], Comparator.nullsLast(Comparator.naturalOrder()));
        for (LocalDate[] d : ds) {
            cmp = cmp.thenComparing(i -> d[i], Comparator.nullsLast(Comparator.naturalOrder()));
        }
        return sorted(cmp);
    }

    /** Row positions sorted by a comparator, stable. */
    public int[] sorted(Comparator<Integer> cmp) {
        Integer[] idx = new Integer[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, cmp);
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    /** True if every one of the columns is blank on row i. */
    public boolean allBlank(int i, String... cols) {
        for (String c : cols) {
            if (col(c)[i] != null) {
                return false;
            }
        }
        return true;
    }

    /** True if any of the columns is filled on row i. */
    public boolean anyFilled(int i, String... cols) {
        return !allBlank(i, cols);
    }

    /** True if any of the columns is blank on row i. */
    public boolean anyBlank(int i, String... cols) {
        for (String c : cols) {
            if (col(c)[i] == null) {
                return true;
            }
        }
        return false;
    }
}
