package org.oversight.improvement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.compliance.JourneySummaries;
import org.oversight.improvement.domain.ActionStatus;
import org.oversight.improvement.domain.Measure;
import org.oversight.improvement.domain.PlanView;
import org.oversight.improvement.domain.Rag;
import org.oversight.improvement.report.CommitteeReportContent;

import static org.assertj.core.api.Assertions.assertThat;

/** The committee report's help-and-protection section from figures: measures as percentages and distance to a bound action's target. */
class HelpAndProtectionSectionTest {

    private static PlanView.Action action(String bound, String baseline, String target) {
        return action(bound, baseline, target, null);
    }

    private static PlanView.Action action(String bound, String baseline, String target, String current) {
        return new PlanView.Action(UUID.randomUUID(), "Step-down panel reviews each case", UUID.randomUUID(), "Sam Social",
                LocalDate.of(2027, 3, 31), ActionStatus.ON_TRACK, new Measure("Early help started in 10 working days", new BigDecimal(baseline),
                new BigDecimal(target), current == null ? null : new BigDecimal(current), null), new Rag(Rag.Rating.GREEN, "On track"), List.of(), List.of(), 1, LocalDate.of(2026, 4, 1), bound);
    }

    private static final JourneySummaries.Figures FIGURES = new JourneySummaries.Figures(UUID.randomUUID(), LocalDate.of(2025, 4, 1),
            LocalDate.of(2026, 3, 31),
            List.of(new JourneySummaries.FunnelStep("CONTACTS", 400, null), new JourneySummaries.FunnelStep("REFERRALS", 120, 30)),
            List.of(new JourneySummaries.MeasureFigure("RE_REFERRALS", 18, 120, 15),
                    new JourneySummaries.MeasureFigure("STEP_DOWN_EARLY_HELP_STARTED", 6, 10, 60),
                    new JourneySummaries.MeasureFigure("STEP_DOWN_STEPPED_UP", 0, 0, null)), 10);

    @Test
    void eachMeasureShowsItsNumberPercentAndTheDistanceToTheTargetOfTheActionThatFollowsIt() {
        CommitteeReportContent.HelpAndProtection s = CommitteeReports.section("City of London", "Post-inspection plan",
                List.of(action(null, "20", "50"), action("STEP_DOWN_EARLY_HELP_STARTED", "40", "90"), action("RE_REFERRALS", "25", "12"),
                        action("STEP_DOWN_EARLY_HELP_STARTED", "40", "70")),
                FIGURES, key -> key);

        assertThat(s.funnel()).extracting(CommitteeReportContent.FunnelLine::step, CommitteeReportContent.FunnelLine::count,
                CommitteeReportContent.FunnelLine::conversion).containsExactly(
                org.assertj.core.groups.Tuple.tuple("protection.step.CONTACTS", "400", ""),
                org.assertj.core.groups.Tuple.tuple("protection.step.REFERRALS", "120", "30%"));
        assertThat(s.measures()).extracting(CommitteeReportContent.MeasureLine::measure).containsExactly("protection.measure.RE_REFERRALS",
                "protection.measure.STEP_DOWN_EARLY_HELP_STARTED", "protection.measure.STEP_DOWN_STEPPED_UP");
        var reReferrals = s.measures().get(0);
        assertThat(reReferrals.figure()).isEqualTo("18 of 120");
        assertThat(reReferrals.percent()).isEqualTo("15%");
        assertThat(reReferrals.target()).isEqualTo("12%");
        assertThat(reReferrals.distance()).as("a falling target: 15% now, 12% wanted").isEqualTo("3 points");
        var started = s.measures().get(1);
        assertThat(started.target()).isEqualTo("90%");
        assertThat(started.distance()).as("a rising target: 60% now, 90% wanted; the first action that follows it").isEqualTo("30 points");
        var measured = CommitteeReports.section("City of London", "Plan", List.of(action("STEP_DOWN_EARLY_HELP_STARTED", "40", "90", "62.5")),
                FIGURES, key -> key).measures().get(1);
        assertThat(measured.distance()).as("the plan's own current value of the bound measure").isEqualTo("27.5 points");
        var steppedUp = s.measures().get(2);
        assertThat(steppedUp.percent()).isEqualTo("–");
        assertThat(steppedUp.target()).as("no action follows it").isEmpty();
        assertThat(steppedUp.distance()).isEmpty();
        assertThat(s.paragraphs().getFirst()).contains("City of London").contains("within 10 working days");
    }

    @Test
    void aKeyFollowsAMeasureByNameOnly() {
        assertThat(CommitteeReports.followsMeasure("STEP_DOWN_STEPPED_UP", "STEP_DOWN_STEPPED_UP")).isTrue();
        assertThat(CommitteeReports.followsMeasure("ICPC_IN_TIME", "ICPC_IN_TIME")).isTrue();
        assertThat(CommitteeReports.followsMeasure("REVIEWS_ON_TIME", "CP_REVIEWS_IN_TIME")).isFalse();
        assertThat(CommitteeReports.followsMeasure("REPEAT_PLANS", "REPEAT_PLANS_2_YEARS")).isFalse();
    }
}
