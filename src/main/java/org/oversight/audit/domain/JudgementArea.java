package org.oversight.audit.domain;

/** The ILACS judgement areas (ilacs.md §3.2) that group an audit form's questions. */
public enum JudgementArea {
    LEADERS, HELP_AND_PROTECTION, CHILDREN_IN_CARE, CARE_LEAVERS
}
