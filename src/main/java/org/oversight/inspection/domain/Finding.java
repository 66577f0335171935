package org.oversight.inspection.domain;

import java.util.UUID;

/** A structured finding of an activity, with an optional national-framework reference (printed from 2025). */
public record Finding(UUID id, FindingKind kind, int ordinal, String text, String frameworkReference) {
}
