package org.oversight.improvement.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.oversight.shared.Dates;

/**
 * The one place an action's red/amber/green rating is decided, from its status, its due date and its distance to
 * target. The same words are shown to people on the plan page ({@link #EXPLANATION}).
 *
 * <ol>
 *   <li>Complete → complete.</li>
 *   <li>Past its due date and not complete → red.</li>
 *   <li>Owner says off track → red.</li>
 *   <li>With a measure: compare progress from baseline to target with the share of time gone from the action's start
 *       to its due date. Behind by more than {@code redGap} (default 25 points) → red; by more than {@code amberGap}
 *       (10 points) → amber.</li>
 *   <li>Owner says at risk → amber.</li>
 *   <li>Otherwise → green.</li>
 * </ol>
 */
public final class RagRule {

    public static final String EXPLANATION = "Complete when the action is complete. Red when it is past its due date, when its "
            + "owner says it is off track, or when its measure is more than 25 points behind where it should be by now (progress "
            + "from baseline to target compared with the share of time gone from the start of the action to its due date). Amber "
            + "when the measure is more than 10 points behind, or when its owner says it is at risk. Green otherwise.";

    private final double redGap;
    private final double amberGap;

    public RagRule(double redGap, double amberGap) {
        this.redGap = redGap;
        this.amberGap = amberGap;
    }

    public static RagRule standard() {
        return new RagRule(0.25, 0.10);
    }

    public Rag rate(ActionStatus status, LocalDate start, LocalDate due, Measure measure, LocalDate today) {
        if (status == ActionStatus.COMPLETE) {
            return new Rag(Rag.Rating.COMPLETE, "Complete");
        }
        if (due.isBefore(today)) {
            return new Rag(Rag.Rating.RED, "Past its due date of " + Dates.day(due));
        }
        if (status == ActionStatus.OFF_TRACK) {
            return new Rag(Rag.Rating.RED, "Its owner says it is off track");
        }
        Double progress = measure == null ? null : measure.progress();
        if (progress != null) {
            long total = Math.max(1, ChronoUnit.DAYS.between(start, due));
            double expected = Math.min(1, Math.max(0, ChronoUnit.DAYS.between(start, today) / (double) total));
            double behind = expected - progress;
            String where = String.format(Locale.UK, "%.0f%% of the way to target with %.0f%% of the time gone", progress * 100, expected * 100);
            if (behind > redGap) {
                return new Rag(Rag.Rating.RED, "Measure behind: " + where);
            }
            if (behind > amberGap) {
                return new Rag(Rag.Rating.AMBER, "Measure behind: " + where);
            }
            if (status == ActionStatus.AT_RISK) {
                return new Rag(Rag.Rating.AMBER, "Its owner says it is at risk (" + where + ")");
            }
            return new Rag(Rag.Rating.GREEN, "On course: " + where);
        }
        if (status == ActionStatus.AT_RISK) {
            return new Rag(Rag.Rating.AMBER, "Its owner says it is at risk");
        }
        return new Rag(Rag.Rating.GREEN, status == ActionStatus.NOT_STARTED ? "Not started; due " + Dates.day(due) : "On track");
    }
}
