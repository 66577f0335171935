package org.oversight.childdata.ssda903.rules;

import org.oversight.childdata.ssda903.Severity;

/**
 * What one rule found on a return: how many rows it flagged, or why it could not be checked (never "passed" then).
 *
 * @param code     the DfE rule code
 * @param severity error or query
 * @param message  the rule's message
 * @param checked  whether the rule ran
 * @param reason   why it did not run (null if it ran)
 * @param flagged  the number of rows it flagged (0 if it did not run)
 */
public record RuleOutcome(String code, Severity severity, String message, boolean checked, String reason,
                          int flagged) {

    /** "passed", "failed" or "not checked". */
    public String status() {
        return !checked ? "not checked" : flagged == 0 ? "passed" : "failed";
    }
}
