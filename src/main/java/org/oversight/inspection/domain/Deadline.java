package org.oversight.inspection.domain;

import java.time.LocalDate;

/**
 * A date something is due, how it was worked out, and whether it rests on another date that is itself
 * only expected (for example an action plan counted from an expected publication date).
 *
 * @param kind          what is due
 * @param due           the date it is due
 * @param workingDays   the interval in working days
 * @param from          the date the clock started
 * @param fromKey       message key naming that start date
 * @param estimated     true when {@code from} is itself a forecast
 */
public record Deadline(Kind kind, LocalDate due, int workingDays, LocalDate from, String fromKey, boolean estimated) {

    public enum Kind {
        EXPECTED_ON_SITE, EXPECTED_PUBLICATION, LA_PUBLICATION, DRAFT_ACTION_PLAN, ACTION_PLAN;

        public String labelKey() {
            return "deadline." + name();
        }
    }
}
