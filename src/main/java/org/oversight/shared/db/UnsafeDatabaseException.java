package org.oversight.shared.db;

import java.util.List;

/** Oversight refuses to start: the database would not keep each LA's private rows to that LA (see {@link DatabaseSafety}). */
public class UnsafeDatabaseException extends RuntimeException {

    private final transient List<DatabaseSafety.Finding> findings;

    public UnsafeDatabaseException(List<DatabaseSafety.Finding> findings) {
        super(describe(findings));
        this.findings = List.copyOf(findings);
    }

    public List<DatabaseSafety.Finding> findings() {
        return findings;
    }

    static String describe(List<DatabaseSafety.Finding> findings) {
        StringBuilder text = new StringBuilder("Oversight will not start on this database: it would not keep each LA's private rows to that LA.");
        for (int i = 0; i < findings.size(); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(findings.get(i).toString().replace("\n", "\n     "));
        }
        return text.toString();
    }
}
