package org.oversight.audit.domain;

import java.util.Locale;

/** The four-point scale of ILACS, used for each question and for the audit as a whole. */
public enum AuditGrade {
    OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE;

    public boolean goodOrBetter() {
        return this == OUTSTANDING || this == GOOD;
    }

    /** The grade named by {@code value} (its code, any case, or with spaces), or null when blank or unknown. */
    public static AuditGrade parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.UK).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
