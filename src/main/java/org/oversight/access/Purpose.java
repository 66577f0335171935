package org.oversight.access;

/** Why someone opens a child's record: asked on entering it, kept with the view in the access log. */
public enum Purpose {
    DIRECT_WORK, MANAGEMENT_OVERSIGHT, CASE_AUDIT, COMPLAINT_OR_REQUEST, DATA_QUALITY, INSPECTION;

    /** The purpose named by {@code text}, or null when it names none. */
    public static Purpose parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
