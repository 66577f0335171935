package org.oversight.childdata.cin;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * Comparisons with the reference implementation's semantics: a date that is absent or not valid is unknown (pandas'
 * NaT), every ordering with an unknown date is false, and "not equal" with an unknown date is true.
 */
final class RuleSupport {

    private RuleSupport() {
    }

    static LocalDate d(CinDate value) {
        return CinDate.dateOf(value);
    }

    static boolean known(CinDate value) {
        return CinDate.dateOf(value) != null;
    }

    static boolean unknown(CinDate value) {
        return CinDate.dateOf(value) == null;
    }

    static boolean lt(LocalDate a, LocalDate b) {
        return a != null && b != null && a.isBefore(b);
    }

    static boolean le(LocalDate a, LocalDate b) {
        return a != null && b != null && !a.isAfter(b);
    }

    static boolean gt(LocalDate a, LocalDate b) {
        return lt(b, a);
    }

    static boolean ge(LocalDate a, LocalDate b) {
        return le(b, a);
    }

    static boolean eq(LocalDate a, LocalDate b) {
        return a != null && a.equals(b);
    }

    /** pandas' {@code !=}: true when either date is unknown. */
    static boolean ne(LocalDate a, LocalDate b) {
        return !eq(a, b);
    }

    /**
     * A yes/no flag (ReferralNFA, ICPCnotRequired) set: "true" or "1" as the schema allows, in any case. The reference
     * spells the check differently from rule to rule; Oversight reads the flag the same way everywhere.
     */
    static boolean isTrue(String flag) {
        return flag != null && (flag.equals("1") || flag.equalsIgnoreCase("true"));
    }

    /** A yes/no flag unset: "false" or "0", in any case. */
    static boolean isFalse(String flag) {
        return flag != null && (flag.equals("0") || flag.equalsIgnoreCase("false"));
    }

    static boolean in(String value, Set<String> codes) {
        return value != null && codes.contains(value);
    }

    static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A slice as Python's {@code s[from:to]}: clipped to the string, never failing. */
    static String slice(String s, int from, int to) {
        int a = Math.min(from, s.length());
        int b = Math.min(Math.max(to, a), s.length());
        return s.substring(a, b);
    }
}
