package org.oversight.childdata.ssda903;

/**
 * One problem found in an SSDA903 file.
 *
 * @param file     the file name as given to the reader
 * @param row      the row as a person sees it in a spreadsheet: the header is row 1, the first data row is row 2;
 *                 0 means the whole file (for example an empty file)
 * @param column   the 903 column name, or "" when the problem is not about one column
 * @param value    the offending value as read (trimmed), or ""
 * @param ruleCode a DfE rule code from 903-rules-2026-27.csv (e.g. "141", "INT03") or an Oversight code ("OV-...")
 * @param message  the DfE message verbatim for DfE codes, otherwise an Oversight message
 * @param severity ERROR (must be fixed) or QUERY (DfE asks the LA to check); null is read as ERROR
 */
public record ValidationError(String file, int row, String column, String value, String ruleCode, String message,
                              Severity severity) {

    public ValidationError {
        file = file == null ? "" : file;
        column = column == null ? "" : column;
        value = value == null ? "" : value;
        severity = severity == null ? Severity.ERROR : severity;
    }

    /** An error (not a query). */
    public ValidationError(String file, int row, String column, String value, String ruleCode, String message) {
        this(file, row, column, value, ruleCode, message, Severity.ERROR);
    }

    /** True if DfE only queries this (the LA may confirm the data is right). Not named isQuery: not a JSON property. */
    public boolean query() {
        return severity == Severity.QUERY;
    }

    static ValidationError of(String file, int row, String column, String value, String ruleCode) {
        return new ValidationError(file, row, column, value, ruleCode, RuleMessages.message(ruleCode));
    }

    static ValidationError of(String file, int row, String column, String value, String ruleCode, String message) {
        return new ValidationError(file, row, column, value, ruleCode, message);
    }
}
