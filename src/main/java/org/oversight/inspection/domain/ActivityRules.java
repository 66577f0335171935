package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.ProblemText;

/**
 * The checks every activity passes before it is stored, whoever sends it (page, API, import):
 * dates in order, on-site ranges in order and not overlapping, judgements only where the activity is graded
 * and only the areas of the era its start date falls in.
 */
public final class ActivityRules {

    private final JudgementSet judgementSet;

    public ActivityRules(JudgementSet judgementSet) {
        this.judgementSet = judgementSet;
    }

    public List<FieldProblem> check(ActivityCommand c) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.type() == null) {
            problems.add(FieldProblem.of("type", "inspection.error.type"));
            return problems;
        }
        if (c.type().hasTheme() && (c.theme() == null || c.theme().isBlank())) {
            problems.add(FieldProblem.of("theme", c.type() == ActivityType.JTAI ? "inspection.error.theme.jtai" : "inspection.error.theme.focusedVisit"));
        }
        List<OnSiteRange> ranges = c.onSite() == null ? List.of() : c.onSite();
        for (int i = 1; i < ranges.size(); i++) {
            if (!ranges.get(i).start().isAfter(ranges.get(i - 1).end())) {
                problems.add(FieldProblem.of("onSite[" + i + "].start", "inspection.error.onSite.order"));
            }
        }
        LocalDate first = ranges.isEmpty() ? null : ranges.getFirst().start();
        LocalDate last = ranges.isEmpty() ? null : ranges.getLast().end();
        if (c.notificationDate() != null && first != null && c.notificationDate().isAfter(first)) {
            problems.add(FieldProblem.of("notificationDate", "inspection.error.notificationDate"));
        }
        if (c.feedbackDate() != null && first != null && c.feedbackDate().isBefore(first)) {
            problems.add(FieldProblem.of("feedbackDate", "inspection.error.feedbackDate"));
        }
        if (c.publicationDate() != null && last != null && c.publicationDate().isBefore(last)) {
            problems.add(FieldProblem.of("publicationDate", "inspection.error.publicationDate"));
        }
        if (c.publicationDate() != null && first == null && c.type().published()) {
            problems.add(FieldProblem.of("onSite[0].start", "inspection.error.onSite.missing"));
        }
        if (c.leadInspector() != null && c.leadInspector().length() > 200) {
            problems.add(FieldProblem.of("leadInspector", "inspection.error.leadInspector"));
        }
        if (c.theme() != null && c.theme().length() > 200) {
            problems.add(FieldProblem.of("theme", "inspection.error.theme"));
        }
        Map<JudgementArea, Grade> judgements = c.judgements() == null ? Map.of() : c.judgements();
        if (!judgements.isEmpty()) {
            if (!c.type().graded()) {
                problems.add(FieldProblem.of("judgements", "inspection.error.judgements"));
            } else if (first == null) {
                problems.add(FieldProblem.of("onSite[0].start", "inspection.error.onSite.forJudgements"));
            } else {
                Optional<JudgementEra> era = judgementSet.eraFor(c.type(), first);
                for (JudgementArea area : judgements.keySet()) {
                    if (era.isPresent() && !era.get().includes(area)) {
                        problems.add(new FieldProblem("judgements." + area.name(), eraMessage(area, era.get())));
                    }
                }
            }
        }
        return problems;
    }

    private static String eraMessage(JudgementArea area, JudgementEra era) {
        return switch (area) {
            case OVERALL -> ProblemText.of("inspection.error.era.noOverall");
            case CARE_LEAVERS -> ProblemText.of("inspection.error.era.careLeavers");
            default -> ProblemText.of("inspection.error.era.notApplicable", era.name());
        };
    }
}
