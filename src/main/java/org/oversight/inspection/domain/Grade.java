package org.oversight.inspection.domain;

/** The four-point scale. Printed labels are display text; "Requires improvement" (SIF) maps to the same code. */
public enum Grade {
    OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE;

    public boolean goodOrBetter() {
        return this == OUTSTANDING || this == GOOD;
    }

    public String labelKey() {
        return "grade." + name();
    }
}
