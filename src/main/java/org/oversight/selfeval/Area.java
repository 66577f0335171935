package org.oversight.selfeval;

import java.util.Locale;
import java.util.Optional;

/**
 * The ILACS judgement areas a self-evaluation is organised by (ilacs.md §3.2), in the order Ofsted reports them. The
 * overall effectiveness judgement is not a section: it follows from the four.
 */
public enum Area {
    LEADERS, HELP_AND_PROTECTION, IN_CARE, CARE_LEAVERS;

    /** The path segment of the area's page, e.g. {@code care-leavers}. */
    public String slug() {
        return name().toLowerCase(Locale.UK).replace('_', '-');
    }

    public static Optional<Area> fromSlug(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        String code = slug.trim().toUpperCase(Locale.UK).replace('-', '_');
        for (Area a : values()) {
            if (a.name().equals(code)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The area of a case-audit question's area code (LEADERS, HELP_AND_PROTECTION, CHILDREN_IN_CARE, CARE_LEAVERS). */
    public static Optional<Area> ofAuditArea(String code) {
        return "CHILDREN_IN_CARE".equals(code) ? Optional.of(IN_CARE) : fromSlug(code);
    }

    public String messageKey() {
        return "selfeval.area." + name();
    }
}
