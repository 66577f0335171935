package org.oversight.childdata.ssda903;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.oversight.childdata.ssda903.Rows.Ssda903Row;

/**
 * What {@link Ssda903Reader} found in one file.
 *
 * @param file       the file name given to the reader
 * @param table      the table detected from the header row, or null if none could be detected
 * @param rows       every data row that could be read (including rows with errors), in file order
 * @param values     the same rows' values in the table's column order, trimmed, null for a blank (what the rules read);
 *                   the strings are the ones the rows hold, so this adds one array of references a row, not a copy;
 *                   empty once the return is validated ({@link #withoutValues()})
 * @param errors     the validation errors kept, in file order
 * @param errorTotal every error found, including those past {@code oversight.imports.max-errors} that were not kept
 */
public record ReadResult(String file, Ssda903Table table, List<? extends Ssda903Row> rows, List<String[]> values,
                         List<ValidationError> errors, long errorTotal) {

    public ReadResult {
        rows = List.copyOf(rows);
        values = List.copyOf(values);
        if (!values.isEmpty() && values.size() != rows.size()) {
            throw new IllegalArgumentException(file + ": " + rows.size() + " rows but " + values.size() + " rows of values");
        }
        errors = List.copyOf(errors);
        errorTotal = Math.max(errorTotal, errors.size());
    }

    public ReadResult(String file, Ssda903Table table, List<? extends Ssda903Row> rows, List<String[]> values,
                      List<ValidationError> errors) {
        this(file, table, rows, values, errors, errors.size());
    }

    /** The same file without the values the rules read, for keeping once they have run. */
    public ReadResult withoutValues() {
        return values.isEmpty() ? this : new ReadResult(file, table, rows, List.of(), errors, errorTotal);
    }

    /** The rows, typed; empty if this file is a different table. */
    public <T extends Ssda903Row> List<T> rows(Class<T> type) {
        return rows.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Row numbers that have at least one error. */
    public Set<Integer> rowsWithErrors() {
        return errors.stream().map(ValidationError::row).collect(Collectors.toSet());
    }
}
