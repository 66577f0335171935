package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.problem.FieldProblem;

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
            problems.add(new FieldProblem("type", "Select the type of activity"));
            return problems;
        }
        if (c.type().hasTheme() && (c.theme() == null || c.theme().isBlank())) {
            problems.add(new FieldProblem("theme", c.type() == ActivityType.JTAI ? "Enter the theme of the JTAI" : "Enter the theme of the focused visit"));
        }
        List<OnSiteRange> ranges = c.onSite() == null ? List.of() : c.onSite();
        for (int i = 1; i < ranges.size(); i++) {
            if (!ranges.get(i).start().isAfter(ranges.get(i - 1).end())) {
                problems.add(new FieldProblem("onSite[" + i + "].start",
                        "Each further on-site period must start after the previous one ends"));
            }
        }
        LocalDate first = ranges.isEmpty() ? null : ranges.getFirst().start();
        LocalDate last = ranges.isEmpty() ? null : ranges.getLast().end();
        if (c.notificationDate() != null && first != null && c.notificationDate().isAfter(first)) {
            problems.add(new FieldProblem("notificationDate", "Date of notification must be on or before the first on-site day"));
        }
        if (c.feedbackDate() != null && first != null && c.feedbackDate().isBefore(first)) {
            problems.add(new FieldProblem("feedbackDate", "Feedback date must be on or after the first on-site day"));
        }
        if (c.publicationDate() != null && last != null && c.publicationDate().isBefore(last)) {
            problems.add(new FieldProblem("publicationDate", "Publication date must be on or after the last on-site day"));
        }
        if (c.publicationDate() != null && first == null && c.type().published()) {
            problems.add(new FieldProblem("onSite[0].start", "Enter the on-site dates of a published activity"));
        }
        if (c.leadInspector() != null && c.leadInspector().length() > 200) {
            problems.add(new FieldProblem("leadInspector", "Lead inspector must be 200 characters or fewer"));
        }
        if (c.theme() != null && c.theme().length() > 200) {
            problems.add(new FieldProblem("theme", "Theme must be 200 characters or fewer"));
        }
        Map<JudgementArea, Grade> judgements = c.judgements() == null ? Map.of() : c.judgements();
        if (!judgements.isEmpty()) {
            if (!c.type().graded()) {
                problems.add(new FieldProblem("judgements", "Only standard, short and SIF inspections are graded; remove the grades"));
            } else if (first == null) {
                problems.add(new FieldProblem("onSite[0].start", "Enter the on-site dates: they decide which judgements apply"));
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
            case OVERALL -> "Inspections starting from 27 April 2026 have no overall effectiveness judgement";
            case CARE_LEAVERS -> "Care leavers were judged separately only for inspections starting from January 2023";
            default -> "This judgement does not apply to inspections of the " + era.name() + " framework";
        };
    }
}
