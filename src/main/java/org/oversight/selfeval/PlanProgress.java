package org.oversight.selfeval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A plan's actions at an earlier date, from their progress history: each progress update is dated and records the
 * status (and the measure's value if it moved), so an action's status at a date is that of its last update on or before
 * it, and its measure's value the last value recorded on or before it (the baseline before any). Before its first
 * update an action's status is the one it was added with only when it has had no update since (a status changes only
 * by a progress update); otherwise that status is not held, and counts at such a date are not kept. Pure.
 */
public final class PlanProgress {

    /** A dated progress update: the status then and the measure's value if recorded. */
    public record Update(LocalDate on, String status, BigDecimal value) {
    }

    /**
     * An action: when it was added, its due date, its status today and its progress updates (any order).
     */
    public record Action(LocalDate added, LocalDate due, String status, BigDecimal baseline, List<Update> updates) {

        public Action {
            updates = updates.stream().sorted(Comparator.comparing(Update::on)).toList();
        }

        /** The first day the action is known to exist: when added, or its first update if that is earlier (loaded history). */
        public LocalDate since() {
            return updates.isEmpty() || added.isBefore(updates.getFirst().on()) ? added : updates.getFirst().on();
        }

        /** Its status at the end of a date; empty if it did not exist then, {@code "?"} if not held. */
        Optional<String> statusAt(LocalDate date) {
            if (date.isBefore(since())) {
                return Optional.empty();
            }
            String at = null;
            for (Update u : updates) {
                if (!u.on().isAfter(date)) {
                    at = u.status();
                }
            }
            if (at != null) {
                return Optional.of(at);
            }
            return Optional.of(updates.isEmpty() ? status : UNKNOWN);
        }

        /** The measure's value at the end of a date: the last recorded on or before it, else the baseline; null before it existed. */
        public BigDecimal valueAt(LocalDate date) {
            if (date.isBefore(since())) {
                return null;
            }
            BigDecimal at = baseline;
            for (Update u : updates) {
                if (!u.on().isAfter(date) && u.value() != null) {
                    at = u.value();
                }
            }
            return at;
        }

        /** The dated values recorded by progress updates, newest first, before {@code before}. */
        public List<Trend.Point> valuesBefore(LocalDate before) {
            List<Trend.Point> out = new ArrayList<>();
            for (Update u : updates.reversed()) {
                if (u.value() != null && u.on().isBefore(before)) {
                    out.add(new Trend.Point(u.on(), u.value()));
                }
            }
            return out;
        }
    }

    static final String UNKNOWN = "?";

    /** How many actions were complete, on track and overdue at a date, of those that existed; {@code unknown} not held. */
    public record Counts(LocalDate on, int actions, int complete, int onTrack, int overdue, int unknown) {

        public boolean kept() {
            return unknown == 0;
        }

        public int count(Count which) {
            return switch (which) {
                case COMPLETE -> complete;
                case ON_TRACK -> onTrack;
                case OVERDUE -> overdue;
            };
        }
    }

    /** What is counted, and whether more is better. */
    public enum Count {
        COMPLETE(true), ON_TRACK(true), OVERDUE(false);

        private final boolean higherIsBetter;

        Count(boolean higherIsBetter) {
            this.higherIsBetter = higherIsBetter;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }
    }

    private PlanProgress() {
    }

    /**
     * The counts at the end of a date: complete (status complete), on track (status on track) and overdue (past its due
     * date and not complete), of the actions that existed then.
     */
    public static Counts countsAt(List<Action> actions, LocalDate date) {
        int all = 0;
        int complete = 0;
        int onTrack = 0;
        int overdue = 0;
        int unknown = 0;
        for (Action a : actions) {
            Optional<String> status = a.statusAt(date);
            if (status.isEmpty()) {
                continue;
            }
            all++;
            switch (status.get()) {
                case UNKNOWN -> unknown++;
                case "COMPLETE" -> complete++;
                case "ON_TRACK" -> onTrack++;
                default -> { }
            }
            if (!status.get().equals("COMPLETE") && !status.get().equals(UNKNOWN) && a.due().isBefore(date)) {
                overdue++;
            }
        }
        return new Counts(date, all, complete, onTrack, overdue, unknown);
    }

    /** The ends of the {@code n} quarters before the one {@code today} falls in, newest first. */
    public static List<LocalDate> earlierQuarterEnds(LocalDate today, int n) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate end = PeriodShares.quarterStart(today).minusDays(1);
        for (int i = 0; i < n; i++) {
            out.add(end);
            end = PeriodShares.quarterStart(end).minusDays(1);
        }
        return out;
    }
}
