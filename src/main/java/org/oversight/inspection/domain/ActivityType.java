package org.oversight.inspection.domain;

/**
 * The kinds of Ofsted activity at an LA under ILACS (domain/ilacs.md §1), plus the SIF inspections
 * that came before it. Only inspections are graded.
 */
public enum ActivityType {
    STANDARD_INSPECTION(true, false, false),
    SHORT_INSPECTION(true, false, false),
    SIF_INSPECTION(true, false, false),
    FOCUSED_VISIT(false, true, false),
    MONITORING_VISIT(false, false, false),
    JTAI(false, true, true),
    ANNUAL_ENGAGEMENT_MEETING(false, false, false),
    SELF_EVALUATION(false, false, false);

    private final boolean graded;
    private final boolean hasTheme;
    private final boolean hasPartnerInspectorates;

    ActivityType(boolean graded, boolean hasTheme, boolean hasPartnerInspectorates) {
        this.graded = graded;
        this.hasTheme = hasTheme;
        this.hasPartnerInspectorates = hasPartnerInspectorates;
    }

    public boolean graded() {
        return graded;
    }

    public boolean hasTheme() {
        return hasTheme;
    }

    public boolean hasPartnerInspectorates() {
        return hasPartnerInspectorates;
    }

    /** Published by Ofsted (report or letter); the engagement meeting and the self-evaluation are not. */
    public boolean published() {
        return this != ANNUAL_ENGAGEMENT_MEETING && this != SELF_EVALUATION;
    }

    /** Ends in an inspection report (graded) rather than a letter. */
    public boolean report() {
        return graded;
    }

    /** Message key for the display label. */
    public String labelKey() {
        return "activity.type." + name();
    }
}
