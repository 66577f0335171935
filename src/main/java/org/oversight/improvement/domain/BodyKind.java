package org.oversight.improvement.domain;

/** Boards and committees that oversee plans. */
public enum BodyKind {
    BOARD, COMMITTEE, SUB_COMMITTEE, PARTNERSHIP
}
