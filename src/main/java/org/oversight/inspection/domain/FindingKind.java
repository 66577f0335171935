package org.oversight.inspection.domain;

/** What an inspector's finding is. Recommendations are the "What needs to improve" items of reports. */
public enum FindingKind {
    STRENGTH, AREA_FOR_IMPROVEMENT, PRIORITY_ACTION, RECOMMENDATION;

    public String labelKey() {
        return "finding.kind." + name();
    }
}
