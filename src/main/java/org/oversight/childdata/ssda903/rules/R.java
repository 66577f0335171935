package org.oversight.childdata.ssda903.rules;

import java.util.Set;

/** Small helpers shared by the rule classes. */
final class R {

    private R() {
    }

    static boolean in(String v, Set<String> codes) {
        return v != null && codes.contains(v);
    }

    /** pandas' ~isin: true for a blank too. */
    static boolean notIn(String v, Set<String> codes) {
        return v == null || !codes.contains(v);
    }

    static boolean eq(String a, String b) {
        return a != null && a.equals(b);
    }

    /** pandas' != on two columns: true if either is blank (NaN != anything). */
    static boolean ne(String a, String b) {
        return a == null || !a.equals(b);
    }

    /** astype(str) comparison: a blank reads as "nan", so two blanks are equal. */
    static boolean sameText(String a, String b) {
        return (a == null ? "nan" : a).equals(b == null ? "nan" : b);
    }

    /** Flags rows whose value is not one of the codes; blanks are allowed when {@code blankOk}. */
    static void codes(Table t, String column, Set<String> codes, boolean blankOk, Flags f) {
        String[] v = t.col(column);
        for (int i = 0; i < v.length; i++) {
            if (v[i] == null ? !blankOk : !codes.contains(v[i])) {
                f.flag(t, i);
            }
        }
    }

    /** Flags rows whose value is not a date; blanks are allowed when {@code blankOk}. */
    static void dates(Table t, String column, boolean blankOk, Flags f) {
        String[] v = t.col(column);
        java.time.LocalDate[] d = t.date(column);
        for (int i = 0; i < v.length; i++) {
            if (d[i] == null && (v[i] != null || !blankOk)) {
                f.flag(t, i);
            }
        }
    }
}
