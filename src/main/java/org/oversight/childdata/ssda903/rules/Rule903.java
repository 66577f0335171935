package org.oversight.childdata.ssda903.rules;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.oversight.childdata.ssda903.Severity;
import org.oversight.childdata.ssda903.Ssda903Table;

/**
 * One DfE SSDA903 validation rule: its code, severity, what it needs to run, the column its error names in each table,
 * the collection years it applies to, and the check itself.
 *
 * @param code         the DfE rule code (e.g. "101", "503A", "SW01aSTG1")
 * @param severity     error or query
 * @param needs        the current-year tables that must be present, as in the DfE validator
 * @param needsLast    last year's tables that must be present
 * @param needsProviders whether Ofsted's lists of providers are needed (rules about placement URNs)
 * @param needsLa      whether the LA whose return this is must be known
 * @param columns      the column an error names, per table (the first affected field of that table)
 * @param firstYear    the first collection year (start year, 2025 = 2025-26) the rule applies to
 * @param onlyIf       a further condition for the rule to run (null: none)
 * @param onlyIfReason why it did not run when that condition is false
 * @param check        the check
 */
public record Rule903(String code, Severity severity, Set<Ssda903Table> needs, Set<Ssda903Table> needsLast,
                      boolean needsProviders, boolean needsLa, Map<Ssda903Table, String> columns, int firstYear,
                      java.util.function.Predicate<ReturnData> onlyIf, String onlyIfReason, Check check) {

    /** The check: reads the return, flags rows. */
    @FunctionalInterface
    public interface Check {
        void run(ReturnData d, Flags f);
    }

    public Rule903 {
        needs = needs.isEmpty() ? Set.of() : EnumSet.copyOf(needs);
        needsLast = needsLast.isEmpty() ? Set.of() : EnumSet.copyOf(needsLast);
        columns = columns.isEmpty() ? Map.of() : new EnumMap<>(columns);
    }

    /** The message DfE shows for this rule (2026-27 wording). */
    public String message() {
        return org.oversight.childdata.ssda903.RuleMessages.message(code);
    }

    /**
     * Why this rule cannot be checked on this return, or null if it can: a table it needs is missing, last year's
     * return was not given, Ofsted's provider lists were not given, or the LA is not known.
     */
    public String notCheckedReason(ReturnData d) {
        for (Ssda903Table t : needs) {
            if (d.table(t) == null) {
                return "needs the " + t.dfeName() + " table, which was not given";
            }
        }
        for (Ssda903Table t : needsLast) {
            if (d.last(t) == null) {
                return "needs last year's " + t.dfeName() + " table, which was not given";
            }
        }
        if (needsProviders && d.providers() == null) {
            return "needs Ofsted's lists of children's homes and social care providers (URN, placement types, "
                    + "provider codes, postcodes, registration dates), which Oversight does not have";
        }
        if (needsLa && d.la() == null) {
            return "needs to know whose return this is (the LA), which was not given";
        }
        if (onlyIf != null && !onlyIf.test(d)) {
            return onlyIfReason;
        }
        return null;
    }
}
