package org.oversight.childdata.ssd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of the stored SSD tables, ready to write: each row has one value per column of its table (in the table's column
 * order), already checked and normalised (dates as yyyy-mm-dd, numbers as digits), null when empty.
 */
public final class SsdData {

    private final Map<String, List<String[]>> rows = new LinkedHashMap<>();

    public List<String[]> rows(String table) {
        return rows.computeIfAbsent(table, t -> new ArrayList<>());
    }

    public void add(String table, String[] row) {
        rows(table).add(row);
    }

    /** The tables that have rows. */
    public List<String> tables() {
        return rows.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    public int count(String table) {
        List<String[]> r = rows.get(table);
        return r == null ? 0 : r.size();
    }

    /** Every row of every table. */
    public long total() {
        return rows.values().stream().mapToLong(List::size).sum();
    }

    /** The children (ssd_person rows). */
    public int persons() {
        return count("ssd_person");
    }
}
