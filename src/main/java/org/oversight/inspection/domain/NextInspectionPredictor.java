package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.Dates;

/**
 * Predicts an LA's next full inspection from its history (domain/ilacs.md §2):
 * <ul>
 *   <li>window: the {@code cycleYears} anniversary of the last graded inspection's first on-site day,
 *       ± {@code windowMonths};</li>
 *   <li>type: good or outstanding overall → short; requires improvement → standard; inadequate → monitoring
 *       visits, then a standard re-inspection; with no overall grade (from 27 April 2026) the configurable
 *       leaders-plus-practice rule decides;</li>
 *   <li>areas for priority action at a later visit or JTAI are a reason Ofsted may come sooner (e.g. BCP 2020 → 2021).</li>
 * </ul>
 * Ofsted decides; this is a forecast and says so through its reasons.
 */
public final class NextInspectionPredictor {

    private final NextInspectionRules rules;

    public NextInspectionPredictor(NextInspectionRules rules) {
        this.rules = rules;
    }

    public Optional<NextInspection> predict(List<InspectionActivity> history, LocalDate today) {
        Optional<InspectionActivity> latest = history.stream()
                .filter(a -> a.type().graded() && a.startDate() != null && !a.judgements().isEmpty())
                .max(Comparator.comparing(InspectionActivity::startDate));
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        InspectionActivity last = latest.get();
        LocalDate anniversary = last.startDate().plusYears(rules.cycleYears());
        LocalDate windowStart = anniversary.minusMonths(rules.windowMonths());
        LocalDate windowEnd = anniversary.plusMonths(rules.windowMonths());
        List<String> reasons = new ArrayList<>();
        reasons.add("The last graded inspection started on " + Dates.day(last.startDate()) + "; inspections usually come "
                + rules.windowMonths() + " months either side of its " + rules.cycleYears() + "-year anniversary ("
                + Dates.day(anniversary) + ").");
        ActivityType likely = likelyType(last.judgements(), reasons);
        for (InspectionActivity later : history) {
            if (later.startDate() != null && later.startDate().isAfter(last.startDate()) && later.hasPriorityActions()) {
                reasons.add("The " + label(later.type()) + " of " + Dates.day(later.startDate())
                        + " set areas for priority action, so Ofsted may inspect sooner.");
            }
        }
        boolean overdue = windowEnd.isBefore(today);
        if (overdue) {
            reasons.add("The usual window ended on " + Dates.day(windowEnd)
                    + " and no later inspection is recorded: an inspection can come at any time.");
        }
        return Optional.of(new NextInspection(windowStart, windowEnd, likely, last, List.copyOf(reasons), overdue));
    }

    private ActivityType likelyType(Map<JudgementArea, Grade> judgements, List<String> reasons) {
        Grade overall = judgements.get(JudgementArea.OVERALL);
        if (overall != null) {
            return switch (overall) {
                case OUTSTANDING, GOOD -> {
                    reasons.add("Overall effectiveness was " + words(overall) + ", so the next inspection is usually a short (one-week) inspection.");
                    yield ActivityType.SHORT_INSPECTION;
                }
                case REQUIRES_IMPROVEMENT -> {
                    reasons.add("Overall effectiveness was requires improvement to be good, so the next inspection is a standard (two-week) inspection.");
                    yield ActivityType.STANDARD_INSPECTION;
                }
                case INADEQUATE -> {
                    reasons.add("Overall effectiveness was inadequate: monitoring visits come first, then a standard re-inspection whose timing Ofsted sets for each LA (median 3.5 years).");
                    yield ActivityType.STANDARD_INSPECTION;
                }
            };
        }
        Grade leaders = judgements.get(JudgementArea.LEADERS);
        long practiceGood = List.of(JudgementArea.HELP_AND_PROTECTION, JudgementArea.IN_CARE, JudgementArea.CARE_LEAVERS).stream()
                .map(judgements::get).filter(g -> g != null && g.goodOrBetter()).count();
        boolean anyInadequate = judgements.values().stream().anyMatch(g -> g == Grade.INADEQUATE);
        if (leaders != null && leaders.goodOrBetter() && practiceGood >= rules.shortMinPracticeGood() && !anyInadequate) {
            reasons.add("No overall grade (from April 2026): leaders were " + words(leaders) + " and " + practiceGood
                    + " of 3 practice judgements good or better (rule: at least " + rules.shortMinPracticeGood()
                    + "), so a short inspection is likely.");
            return ActivityType.SHORT_INSPECTION;
        }
        reasons.add("No overall grade (from April 2026): leaders " + (leaders == null ? "not graded" : "were " + words(leaders))
                + " and " + practiceGood + " of 3 practice judgements good or better (a short inspection needs leaders good or better and at least "
                + rules.shortMinPracticeGood() + "), so a standard inspection is likely.");
        return ActivityType.STANDARD_INSPECTION;
    }

    private static String words(Grade grade) {
        return switch (grade) {
            case OUTSTANDING -> "outstanding";
            case GOOD -> "good";
            case REQUIRES_IMPROVEMENT -> "requires improvement to be good";
            case INADEQUATE -> "inadequate";
        };
    }

    private static String label(ActivityType type) {
        return switch (type) {
            case FOCUSED_VISIT -> "focused visit";
            case MONITORING_VISIT -> "monitoring visit";
            case JTAI -> "joint targeted area inspection";
            case STANDARD_INSPECTION -> "standard inspection";
            case SHORT_INSPECTION -> "short inspection";
            case SIF_INSPECTION -> "inspection";
            case ANNUAL_ENGAGEMENT_MEETING -> "annual engagement meeting";
            case SELF_EVALUATION -> "self-evaluation";
        };
    }
}
