package org.oversight.compliance.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.oversight.shared.Dates;
import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * Social worker visits to a child in care (CPPCR 2010 reg 28(2)): within {@code first} (1 week) of the start of any
 * placement — the clock restarts at each new placement — then at intervals of {@code firstYear} (6 weeks) during the
 * placement's first year; after that {@code longTerm} (3 months) if the placement is intended to last until the child
 * is 18, otherwise {@code firstYear} again.
 */
public final class VisitSchedule {

    private VisitSchedule() {
    }

    /** A placement: when it started and whether it is intended to last until 18 (long-term). */
    public record Placement(LocalDate start, boolean longTerm) {
    }

    public static Compliance evaluate(TimescaleRule rule, List<Placement> placements, List<LocalDate> visits, LocalDate asOf,
                                      WorkingDayCalendar calendar) {
        List<Placement> ordered = placements.stream().sorted(java.util.Comparator.comparing(Placement::start)).toList();
        List<LocalDate> seen = visits.stream().sorted().toList();
        List<Compliance.Due> history = new ArrayList<>();
        LocalDate nextDue = null;
        String nextReason = null;
        for (int p = 0; p < ordered.size(); p++) {
            Placement placement = ordered.get(p);
            LocalDate end = p + 1 < ordered.size() ? ordered.get(p + 1).start() : null;
            LocalDate due = rule.interval("first").after(placement.start(), calendar);
            String reason = "first visit: " + rule.interval("first").words() + " after the placement that started " + Dates.format(placement.start());
            for (LocalDate visit : seen) {
                if (visit.isBefore(placement.start()) || (end != null && !visit.isBefore(end))) {
                    continue;
                }
                history.add(new Compliance.Due(due, reason, visit));
                boolean firstYear = visit.isBefore(placement.start().plusYears(1));
                String regime = firstYear || !placement.longTerm() ? "firstYear" : "longTerm";
                reason = "next visit: " + rule.interval(regime).words() + " after the visit of " + Dates.format(visit)
                        + (regime.equals("longTerm") ? " (long-term placement after its first year)" : "");
                due = rule.interval(regime).after(visit, calendar);
            }
            if (end != null && due.isBefore(end)) {
                history.add(new Compliance.Due(due, reason, null)); // a visit missed before the placement ended
            }
            nextDue = due;
            nextReason = reason;
        }
        return new Compliance(rule.id(), List.copyOf(history), nextDue, nextReason, asOf);
    }

    /**
     * When only the latest visit is known (Annex A list 8): the next visit is due {@code first} after the placement began
     * if there has been no visit since, otherwise one regime interval after the latest visit.
     */
    public static Compliance fromLatestVisit(TimescaleRule rule, Placement placement, LocalDate latestVisit, LocalDate asOf,
                                             WorkingDayCalendar calendar) {
        if (latestVisit == null || latestVisit.isBefore(placement.start())) {
            return new Compliance(rule.id(), List.of(), rule.interval("first").after(placement.start(), calendar),
                    "first visit: " + rule.interval("first").words() + " after the placement that started " + Dates.format(placement.start())
                            + (latestVisit == null ? " (no visit recorded)" : " (no visit since it began)"), asOf);
        }
        boolean firstYear = latestVisit.isBefore(placement.start().plusYears(1));
        String regime = firstYear || !placement.longTerm() ? "firstYear" : "longTerm";
        return new Compliance(rule.id(), List.of(), rule.interval(regime).after(latestVisit, calendar),
                "next visit: " + rule.interval(regime).words() + " after the visit of " + Dates.format(latestVisit)
                        + (regime.equals("longTerm") ? " (long-term placement after its first year)" : ""), asOf);
    }
}
