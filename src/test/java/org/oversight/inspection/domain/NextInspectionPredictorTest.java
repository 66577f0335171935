package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.inspection.domain.Activities.anActivity;

class NextInspectionPredictorTest {

    private final NextInspectionPredictor predictor = new NextInspectionPredictor(NextInspectionRules.defaults());
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @Test
    void aGoodOrOutstandingLaExpectsAShortInspectionSixMonthsEitherSideOfTheThirdAnniversary() {
        var cityOfLondon2020 = anActivity(ActivityType.SHORT_INSPECTION).onSite(LocalDate.of(2020, 3, 2), LocalDate.of(2020, 3, 6))
                .published(LocalDate.of(2020, 4, 6)).graded(JudgementArea.OVERALL, Grade.OUTSTANDING).build();
        NextInspection next = predictor.predict(List.of(cityOfLondon2020), LocalDate.of(2022, 1, 1)).orElseThrow();
        assertThat(next.windowStart()).isEqualTo(LocalDate.of(2022, 9, 2));
        assertThat(next.windowEnd()).isEqualTo(LocalDate.of(2023, 9, 2));
        assertThat(next.likelyType()).isEqualTo(ActivityType.SHORT_INSPECTION);
        assertThat(next.overdue()).isFalse();
        assertThat(next.reasons()).anyMatch(r -> r.contains("2 March 2020")).anyMatch(r -> r.contains("short"));
    }

    @Test
    void requiresImprovementMeansAStandardInspection() {
        var ri = anActivity(ActivityType.STANDARD_INSPECTION).onSite(LocalDate.of(2023, 3, 6), LocalDate.of(2023, 3, 17))
                .graded(JudgementArea.OVERALL, Grade.REQUIRES_IMPROVEMENT).build();
        assertThat(predictor.predict(List.of(ri), TODAY).orElseThrow().likelyType()).isEqualTo(ActivityType.STANDARD_INSPECTION);
    }

    @Test
    void inadequateMeansMonitoringVisitsThenAStandardReinspection() {
        var inadequate = anActivity(ActivityType.STANDARD_INSPECTION).onSite(LocalDate.of(2022, 7, 18), LocalDate.of(2022, 7, 29))
                .graded(JudgementArea.OVERALL, Grade.INADEQUATE).build();
        NextInspection next = predictor.predict(List.of(inadequate), TODAY).orElseThrow();
        assertThat(next.likelyType()).isEqualTo(ActivityType.STANDARD_INSPECTION);
        assertThat(next.reasons()).anyMatch(r -> r.contains("monitoring visits"));
    }

    @Test
    void theLatestGradedInspectionCountsNotTheFirst() {
        var older = anActivity(ActivityType.SIF_INSPECTION).onSite(LocalDate.of(2016, 6, 20), LocalDate.of(2016, 7, 14))
                .graded(JudgementArea.OVERALL, Grade.REQUIRES_IMPROVEMENT).build();
        var newer = anActivity(ActivityType.SHORT_INSPECTION).onSite(LocalDate.of(2019, 1, 7), LocalDate.of(2019, 1, 11))
                .graded(JudgementArea.OVERALL, Grade.GOOD).build();
        NextInspection next = predictor.predict(List.of(newer, older), TODAY).orElseThrow();
        assertThat(next.basedOn()).isSameAs(newer);
        assertThat(next.likelyType()).isEqualTo(ActivityType.SHORT_INSPECTION);
        assertThat(next.overdue()).as("window ended 07/07/2022").isTrue();
        assertThat(next.reasons()).anyMatch(r -> r.contains("7 July 2022"));
    }

    @Test
    void afterApril2026TheConfigurableLeadersAndPracticeRuleDecides() {
        var strong = anActivity(ActivityType.STANDARD_INSPECTION).onSite(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 22))
                .graded(JudgementArea.LEADERS, Grade.GOOD).graded(JudgementArea.HELP_AND_PROTECTION, Grade.GOOD)
                .graded(JudgementArea.IN_CARE, Grade.REQUIRES_IMPROVEMENT).graded(JudgementArea.CARE_LEAVERS, Grade.GOOD).build();
        assertThat(predictor.predict(List.of(strong), TODAY).orElseThrow().likelyType()).isEqualTo(ActivityType.SHORT_INSPECTION);
        var weakLeaders = anActivity(ActivityType.STANDARD_INSPECTION).onSite(LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 22))
                .graded(JudgementArea.LEADERS, Grade.REQUIRES_IMPROVEMENT).graded(JudgementArea.HELP_AND_PROTECTION, Grade.GOOD)
                .graded(JudgementArea.IN_CARE, Grade.GOOD).graded(JudgementArea.CARE_LEAVERS, Grade.GOOD).build();
        assertThat(predictor.predict(List.of(weakLeaders), TODAY).orElseThrow().likelyType()).isEqualTo(ActivityType.STANDARD_INSPECTION);
        var stricter = new NextInspectionPredictor(new NextInspectionRules(3, 6, 3));
        assertThat(stricter.predict(List.of(strong), TODAY).orElseThrow().likelyType()).isEqualTo(ActivityType.STANDARD_INSPECTION);
    }

    @Test
    void priorityActionsAtALaterVisitAreGivenAsAReasonOfstedMayComeSooner() {
        var inspection = anActivity(ActivityType.SHORT_INSPECTION).onSite(LocalDate.of(2019, 1, 7), LocalDate.of(2019, 1, 11))
                .graded(JudgementArea.OVERALL, Grade.GOOD).build();
        var visit = anActivity(ActivityType.FOCUSED_VISIT).onSite(LocalDate.of(2020, 10, 13), LocalDate.of(2020, 10, 13))
                .with(FindingKind.PRIORITY_ACTION, "Management oversight").build();
        assertThat(predictor.predict(List.of(inspection, visit), TODAY).orElseThrow().reasons())
                .anyMatch(r -> r.contains("focused visit of 13 October 2020") && r.contains("sooner"));
    }

    @Test
    void noGradedInspectionNoPrediction() {
        var visit = anActivity(ActivityType.FOCUSED_VISIT).onSite(LocalDate.of(2018, 10, 24), LocalDate.of(2018, 10, 24)).build();
        assertThat(predictor.predict(List.of(visit), TODAY)).isEmpty();
    }
}
