package org.oversight.improvement.domain;

/** What the action's owner says about it. */
public enum ActionStatus {
    NOT_STARTED, ON_TRACK, AT_RISK, OFF_TRACK, COMPLETE
}
