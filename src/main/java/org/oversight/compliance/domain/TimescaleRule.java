package org.oversight.compliance.domain;

import java.util.List;
import java.util.Map;

/**
 * One statutory timescale as data: what it says in plain English, where the law says it, what starts its clock, the
 * interval of each regime (by name), and what changes the regime. Intervals of a configurable rule can be changed by an
 * administrator; the others follow the law as written.
 *
 * @param id            stable id, e.g. {@code CLA-REVIEW}
 * @param statement     the rule in plain English
 * @param citation      legal source, e.g. "Care Planning, Placement and Case Review (England) Regulations 2010, reg 33"
 * @param clockStart    the event that starts the clock
 * @param intervals     interval of each regime, e.g. {@code first}, {@code second}, {@code later}
 * @param regimeChanges events that move the child to another regime
 * @param configurable  whether an administrator may change the intervals
 * @param measuredFrom  the data that measures it (e.g. "Annex A list 8: Date of Last Social Work Visit"), or null when
 *                      neither the SSDA903 return nor Annex A holds it
 */
public record TimescaleRule(String id, String statement, String citation, String clockStart, Map<String, Interval> intervals,
                            List<String> regimeChanges, boolean configurable, String measuredFrom) {

    public boolean measured() {
        return measuredFrom != null && !measuredFrom.isBlank();
    }

    public Interval interval(String regime) {
        Interval interval = intervals.get(regime);
        if (interval == null) {
            throw new IllegalStateException("Rule " + id + " has no interval for the regime '" + regime + "'");
        }
        return interval;
    }
}
