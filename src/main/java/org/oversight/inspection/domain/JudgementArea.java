package org.oversight.inspection.domain;

/** Fixed judgement codes. Which ones apply, and how each is printed, depends on the era (see {@link JudgementSet}). */
public enum JudgementArea {
    OVERALL, LEADERS, HELP_AND_PROTECTION, IN_CARE, CARE_LEAVERS
}
