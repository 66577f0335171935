package org.oversight.childdata.cin;

/**
 * One problem in a CIN census file: a DfE rule the data breaks (an error or a query), or a problem reading the file.
 *
 * @param file       the file name as given to the reader
 * @param line       the line of the child's {@code <Child>} element, or of the problem when reading; 0 when the problem is
 *                   about the whole return
 * @param column     the column of a reading problem, else 0
 * @param childIndex the child's position in the file (0 for the first), or -1 when the problem is not about one child
 * @param childId    the child's {@code LAchildID} as written, or "" when not about one child (or the child has none)
 * @param table      the module the field is in, as the DfE names it: {@code ChildIdentifiers}, {@code CINdetails},
 *                   {@code Assessments}, ... or "" when not about one field
 * @param path       where in the child: e.g. {@code CINdetails[2]/Assessments[1]}, "" for the child's own fields
 * @param field      the element, e.g. {@code CINreferralDate}, or ""
 * @param value      the value as written (trimmed); "" when absent
 * @param ruleCode   a DfE rule code from cin-rules-2025-26.csv (e.g. "8606", "1560Q") or an Oversight code ("OV-CIN-...")
 * @param severity   an error, or a query (the LA must check it and either amend the data or give a reason)
 * @param message    the DfE message verbatim for DfE codes, else Oversight's own
 */
public record CinError(String file, int line, int column, int childIndex, String childId, String table, String path,
                       String field, String value, String ruleCode, CinSeverity severity, String message) {

    public CinError {
        file = file == null ? "" : file;
        childId = childId == null ? "" : childId;
        table = table == null ? "" : table;
        path = path == null ? "" : path;
        field = field == null ? "" : field;
        value = value == null ? "" : value;
    }

    /** True for a DfE rule, false for Oversight's own checks of the file. */
    public boolean isDfeRule() {
        return !ruleCode.startsWith("OV-");
    }

    /**
     * One line naming everything: file and line, child, where, field and value, rule, severity and message; e.g.
     * {@code census.xml line 40, child DfEX0000001, CINdetails[1]/Section47[1], DateOfInitialCPC '2022-06-17': 8715 error:
     * Date of Initial Child Protection Conference must fall within the census year}.
     */
    public String describe() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(" line ").append(line);
            if (column > 0) {
                s.append(", column ").append(column);
            }
        }
        if (childIndex >= 0) {
            s.append(", child ").append(childId.isEmpty() ? "(no LAchildID, child " + (childIndex + 1) + " in the file)" : childId);
        }
        String where = !path.isEmpty() ? path : table;
        if (!where.isEmpty()) {
            s.append(", ").append(where);
        }
        if (!field.isEmpty()) {
            s.append(", ").append(field).append(" '").append(value).append('\'');
        }
        s.append(": ").append(ruleCode).append(' ').append(severity.word()).append(": ").append(message.strip());
        return s.toString();
    }
}
