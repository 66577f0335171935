package org.oversight.childdata.ssda903;

/**
 * How DfE treats a failed rule: an error must be fixed before the return is accepted; a query asks the LA to check
 * the data and either fix it or confirm it is right.
 */
public enum Severity {
    ERROR, QUERY
}
