package org.oversight.childdata.ssda903.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows one rule flags, per table, each once (the DfE validator marks a row, however many times a rule finds it),
 * with the column the error names.
 */
public final class Flags {

    private final Map<Table, TreeMap<Integer, String>> flagged = new IdentityHashMap<>();
    private final Map<Table, String> defaults;

    Flags(Map<Table, String> defaults) {
        this.defaults = defaults;
    }

    /** Flags row i of the table, naming the rule's column for that table. */
    public void flag(Table t, int i) {
        flag(t, i, null);
    }

    /** Flags row i of the table, naming the given column (null: the rule's column for that table). */
    public void flag(Table t, int i, String column) {
        if (t == null || i < 0 || i >= t.size()) {
            return;
        }
        flagged.computeIfAbsent(t, k -> new TreeMap<>()).putIfAbsent(i, column);
    }

    /** Flags every given row. */
    public void flagAll(Table t, int[] rows) {
        for (int r : rows) {
            flag(t, r);
        }
    }

    /** The flagged row positions of a table, in order. */
    public List<Integer> rows(Table t) {
        TreeMap<Integer, String> m = flagged.get(t);
        return m == null ? List.of() : new ArrayList<>(m.keySet());
    }

    Map<Table, Map<Integer, String>> all() {
        Map<Table, Map<Integer, String>> out = new LinkedHashMap<>();
        flagged.forEach((t, m) -> {
            Map<Integer, String> cols = new LinkedHashMap<>();
            m.forEach((i, c) -> cols.put(i, c != null ? c : defaults.getOrDefault(t, "")));
            out.put(t, cols);
        });
        return out;
    }

    public int count() {
        return flagged.values().stream().mapToInt(Map::size).sum();
    }
}
