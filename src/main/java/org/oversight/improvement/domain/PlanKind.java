package org.oversight.improvement.domain;

/** The plans an LA keeps after an inspection. */
public enum PlanKind {
    SERVICE_IMPROVEMENT, POST_INSPECTION_ACTION, PRIORITY_ACTION
}
