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
        EXPECTED_ON_SITE(true), EXPECTED_PUBLICATION(true), LA_PUBLICATION(false), DRAFT_ACTION_PLAN(true), ACTION_PLAN(true);

        private final boolean evidenced;

        Kind(boolean evidenced) {
            this.evidenced = evidenced;
        }

        public String labelKey() {
            return "deadline." + name();
        }

        /**
         * Whether Oversight holds what shows this deadline met: the on-site dates, the publication date, a plan. The LA's
         * own publication of a report is not recorded, so it is never called overdue.
         */
        public boolean evidenced() {
            return evidenced;
        }

        /** The plan deadlines, met when a plan answering the activity exists. */
        public boolean metByPlan() {
            return this == DRAFT_ACTION_PLAN || this == ACTION_PLAN;
        }
    }
}
