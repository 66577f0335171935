package org.oversight.inspection.domain;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Examples from domain/ilacs.md §2.2, §2.4 and §3.2. */
class JudgementSetTest {

    private final JudgementSet set = JudgementSet.defaults();

    @Test
    void theEraFollowsTheFirstOnSiteDay() {
        assertThat(set.eraFor(ActivityType.SHORT_INSPECTION, LocalDate.of(2020, 3, 2))).contains(JudgementEra.ILACS_2018);
        assertThat(set.eraFor(ActivityType.STANDARD_INSPECTION, LocalDate.of(2022, 12, 5)))
                .as("the last combined children in care and care leavers judgement: December 2022").contains(JudgementEra.ILACS_2018);
        assertThat(set.eraFor(ActivityType.STANDARD_INSPECTION, LocalDate.of(2023, 1, 16)))
                .as("Bristol, 16-27 January 2023: first separate care leavers grade").contains(JudgementEra.ILACS_2023);
        assertThat(set.eraFor(ActivityType.STANDARD_INSPECTION, LocalDate.of(2026, 1, 12)))
                .as("Bradford, inspected January 2026, published May 2026: still has an overall grade").contains(JudgementEra.ILACS_2023);
        assertThat(set.eraFor(ActivityType.STANDARD_INSPECTION, LocalDate.of(2026, 4, 27))).contains(JudgementEra.ILACS_2026);
        assertThat(set.eraFor(ActivityType.STANDARD_INSPECTION, LocalDate.of(2026, 5, 11)))
                .as("North Northamptonshire, 11-22 May 2026").contains(JudgementEra.ILACS_2026);
        assertThat(set.eraFor(ActivityType.SIF_INSPECTION, LocalDate.of(2017, 3, 6))).contains(JudgementEra.SIF);
        assertThat(set.ilacsEraOn(LocalDate.of(2016, 6, 1))).isEqualTo(JudgementEra.SIF);
    }

    @Test
    void visitsJtaisAndMeetingsTakeNoGrade() {
        for (ActivityType type : new ActivityType[] {ActivityType.FOCUSED_VISIT, ActivityType.MONITORING_VISIT, ActivityType.JTAI,
                ActivityType.ANNUAL_ENGAGEMENT_MEETING, ActivityType.SELF_EVALUATION}) {
            assertThat(set.eraFor(type, LocalDate.of(2024, 1, 8))).as(type.name()).isEmpty();
        }
    }

    @Test
    void eachEraHasItsOwnJudgements() {
        assertThat(JudgementEra.ILACS_2018.areas()).containsExactly(JudgementArea.LEADERS, JudgementArea.HELP_AND_PROTECTION,
                JudgementArea.IN_CARE, JudgementArea.OVERALL);
        assertThat(JudgementEra.ILACS_2023.areas()).hasSize(5).contains(JudgementArea.CARE_LEAVERS, JudgementArea.OVERALL);
        assertThat(JudgementEra.ILACS_2026.areas()).hasSize(4).doesNotContain(JudgementArea.OVERALL);
        assertThat(JudgementEra.ILACS_2026.hasOverall()).isFalse();
    }

    @Test
    void theCutOverDatesAreConfiguration() {
        JudgementSet moved = new JudgementSet(LocalDate.of(2018, 1, 1), LocalDate.of(2023, 1, 1), LocalDate.of(2027, 1, 1));
        assertThat(moved.eraFor(ActivityType.STANDARD_INSPECTION, LocalDate.of(2026, 5, 11))).contains(JudgementEra.ILACS_2023);
    }
}
