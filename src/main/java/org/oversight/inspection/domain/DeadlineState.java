package org.oversight.inspection.domain;

import java.time.LocalDate;

/**
 * Where a deadline stands today, stated only as far as Oversight holds the evidence:
 * <ul>
 *   <li>{@code MET} on a date: what was due exists (the action plan was made, with its date);</li>
 *   <li>{@code DUE}: not yet met, with working days left (0 = due today);</li>
 *   <li>{@code OVERDUE}: past its date and Oversight holds what would show it met, which is missing;</li>
 *   <li>{@code NOT_TRACKED}: due before Oversight held the LA's records, or something Oversight does not record
 *       (the LA's own publication of a report) whose date has passed. Never shown as overdue.</li>
 * </ul>
 *
 * @param workingDays working days left while due, working days late while overdue, otherwise 0
 */
public record DeadlineState(State state, LocalDate metOn, int workingDays) {

    public enum State {
        MET, DUE, OVERDUE, NOT_TRACKED;

        public String labelKey() {
            return "deadline.state." + name();
        }
    }

    /**
     * The state of a deadline today.
     *
     * @param remaining   working days from today to the due date (negative once past)
     * @param metOn       the date what was due came to exist, or null when Oversight holds none
     * @param trackedFrom the first day Oversight held the LA's own records (null: not held at all, so nothing is tracked
     *                    before today)
     */
    public static DeadlineState of(Deadline deadline, LocalDate today, int remaining, LocalDate metOn, LocalDate trackedFrom) {
        if (metOn != null && deadline.kind().evidenced()) {
            return new DeadlineState(State.MET, metOn, 0);
        }
        LocalDate heldFrom = trackedFrom == null ? today : trackedFrom;
        if (deadline.due().isBefore(heldFrom)) {
            return new DeadlineState(State.NOT_TRACKED, null, 0);
        }
        if (remaining >= 0) {
            return new DeadlineState(State.DUE, null, remaining);
        }
        if (!deadline.kind().evidenced()) {
            return new DeadlineState(State.NOT_TRACKED, null, 0);
        }
        return new DeadlineState(State.OVERDUE, null, -remaining);
    }

    public boolean open() {
        return state == State.DUE || state == State.OVERDUE;
    }
}
