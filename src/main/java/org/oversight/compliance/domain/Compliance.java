package org.oversight.compliance.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What one rule says about one child: every event that was due, when it happened (or not), how late, the next due date
 * and how many days it is overdue as of the date asked about.
 */
public record Compliance(String ruleId, List<Due> history, LocalDate nextDue, String nextDueReason, LocalDate asOf) {

    /** One due event: when it was due, why, and when it happened (null if it has not). */
    public record Due(LocalDate due, String reason, LocalDate done) {
        public long daysLate() {
            return done == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(due, done));
        }

        public boolean onTime() {
            return done != null && !done.isAfter(due);
        }
    }

    /** Days past the next due date (0 when not yet due). */
    public long overdueDays() {
        return nextDue == null || !asOf.isAfter(nextDue) ? 0 : ChronoUnit.DAYS.between(nextDue, asOf);
    }

    public boolean compliant() {
        return overdueDays() == 0 && history.stream().filter(d -> d.done() != null).allMatch(Due::onTime);
    }

    public long lateEvents() {
        return history.stream().filter(d -> d.done() != null && !d.onTime()).count();
    }
}
