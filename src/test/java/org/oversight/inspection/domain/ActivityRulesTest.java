package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oversight.shared.problem.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityRulesTest {

    private final ActivityRules rules = new ActivityRules(JudgementSet.defaults());

    private static ActivityCommand command(ActivityType type, String theme, LocalDate start, LocalDate end, LocalDate publication,
                                           Map<JudgementArea, Grade> grades) {
        return new ActivityCommand(type, theme, List.of(), null, start == null ? List.of() : List.of(new OnSiteRange(start, end)),
                null, publication, null, null, null, grades);
    }

    private List<String> fields(ActivityCommand c) {
        return rules.check(c).stream().map(FieldProblem::field).toList();
    }

    @Test
    void aValidFocusedVisitPasses() {
        assertThat(rules.check(command(ActivityType.FOCUSED_VISIT, "Care leavers", LocalDate.of(2018, 10, 24),
                LocalDate.of(2018, 10, 24), LocalDate.of(2018, 11, 16), Map.of()))).isEmpty();
    }

    @Test
    void aFocusedVisitNeedsATheme() {
        assertThat(fields(command(ActivityType.FOCUSED_VISIT, " ", null, null, null, Map.of()))).containsExactly("theme");
    }

    @Test
    void aTypeIsRequired() {
        assertThat(fields(command(null, null, null, null, null, Map.of()))).containsExactly("type");
    }

    @Test
    void lettersTakeNoGrades() {
        assertThat(fields(command(ActivityType.FOCUSED_VISIT, "Front door", LocalDate.of(2024, 2, 20), LocalDate.of(2024, 2, 21), null,
                Map.of(JudgementArea.OVERALL, Grade.GOOD)))).containsExactly("judgements");
    }

    @Test
    void inspectionsFrom27April2026HaveNoOverallAndBefore2023NoSeparateCareLeavers() {
        assertThat(fields(command(ActivityType.STANDARD_INSPECTION, null, LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 22), null,
                Map.of(JudgementArea.OVERALL, Grade.GOOD, JudgementArea.LEADERS, Grade.GOOD)))).containsExactly("judgements.OVERALL");
        assertThat(fields(command(ActivityType.SHORT_INSPECTION, null, LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 6), null,
                Map.of(JudgementArea.CARE_LEAVERS, Grade.GOOD)))).containsExactly("judgements.CARE_LEAVERS");
        assertThat(fields(command(ActivityType.STANDARD_INSPECTION, null, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 19), null,
                Map.of(JudgementArea.CARE_LEAVERS, Grade.GOOD, JudgementArea.OVERALL, Grade.GOOD)))).isEmpty();
    }

    @Test
    void publicationCannotComeBeforeTheLastDayOnSite() {
        assertThat(fields(command(ActivityType.SHORT_INSPECTION, null, LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 6),
                LocalDate.of(2020, 3, 5), Map.of()))).containsExactly("publicationDate");
    }

    @Test
    void splitRangesMustNotOverlap() {
        var split = new ActivityCommand(ActivityType.STANDARD_INSPECTION, null, List.of(), null,
                List.of(new OnSiteRange(LocalDate.of(2024, 9, 30), LocalDate.of(2024, 10, 11)),
                        new OnSiteRange(LocalDate.of(2024, 10, 11), LocalDate.of(2024, 10, 14))), null, null, null, null, null, Map.of());
        assertThat(fields(split)).containsExactly("onSite[1].start");
        var devon = new ActivityCommand(ActivityType.STANDARD_INSPECTION, null, List.of(), null,
                List.of(new OnSiteRange(LocalDate.of(2024, 9, 30), LocalDate.of(2024, 10, 11)),
                        new OnSiteRange(LocalDate.of(2025, 1, 13), LocalDate.of(2025, 1, 16))), null, null, null, null, null, Map.of());
        assertThat(rules.check(devon)).isEmpty();
    }
}
