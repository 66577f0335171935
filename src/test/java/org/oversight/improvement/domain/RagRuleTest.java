package org.oversight.improvement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RagRuleTest {

    private final RagRule rule = RagRule.standard();
    private static final LocalDate START = LocalDate.of(2020, 4, 6);
    private static final LocalDate DUE = LocalDate.of(2020, 12, 18);
    private static final LocalDate HALFWAY = LocalDate.of(2020, 8, 12);

    private static Measure measure(String baseline, String target, String current) {
        return new Measure("Audited files with rationale recorded (%)", new BigDecimal(baseline), new BigDecimal(target),
                current == null ? null : new BigDecimal(current), HALFWAY);
    }

    @Test
    void completeIsCompleteWhateverTheDate() {
        assertThat(rule.rate(ActionStatus.COMPLETE, START, DUE, null, DUE.plusYears(3)).rating()).isEqualTo(Rag.Rating.COMPLETE);
    }

    @Test
    void pastItsDueDateIsRed() {
        Rag rag = rule.rate(ActionStatus.ON_TRACK, START, DUE, measure("55", "90", "89"), DUE.plusDays(1));
        assertThat(rag.rating()).isEqualTo(Rag.Rating.RED);
        assertThat(rag.reason()).contains("18 December 2020");
    }

    @Test
    void theMeasureDecidesHowFarBehindIsTooFar() {
        // Halfway through the time: 50% expected. 55 → 90, so 72.5 is on course, 66 is 31% (19 points behind), 60 is 14%.
        assertThat(rule.rate(ActionStatus.ON_TRACK, START, DUE, measure("55", "90", "73"), HALFWAY).rating()).isEqualTo(Rag.Rating.GREEN);
        assertThat(rule.rate(ActionStatus.ON_TRACK, START, DUE, measure("55", "90", "66"), HALFWAY).rating()).isEqualTo(Rag.Rating.AMBER);
        Rag red = rule.rate(ActionStatus.ON_TRACK, START, DUE, measure("55", "90", "60"), HALFWAY);
        assertThat(red.rating()).isEqualTo(Rag.Rating.RED);
        assertThat(red.reason()).contains("14% of the way to target").contains("50% of the time gone");
    }

    @Test
    void aMeasureToLowerWorksTheSameWay() {
        // A backlog from 200 down to 50: at halfway, 125 is on course, 180 is far behind.
        assertThat(rule.rate(ActionStatus.ON_TRACK, START, DUE, measure("200", "50", "120"), HALFWAY).rating()).isEqualTo(Rag.Rating.GREEN);
        assertThat(rule.rate(ActionStatus.ON_TRACK, START, DUE, measure("200", "50", "180"), HALFWAY).rating()).isEqualTo(Rag.Rating.RED);
        assertThat(measure("200", "50", "120").distanceToTarget()).isEqualByComparingTo("70");
    }

    @Test
    void theOwnersWordCountsWhenTheMeasureDoesNotSayWorse() {
        assertThat(rule.rate(ActionStatus.OFF_TRACK, START, DUE, null, HALFWAY).rating()).isEqualTo(Rag.Rating.RED);
        assertThat(rule.rate(ActionStatus.AT_RISK, START, DUE, null, HALFWAY).rating()).isEqualTo(Rag.Rating.AMBER);
        assertThat(rule.rate(ActionStatus.AT_RISK, START, DUE, measure("55", "90", "80"), HALFWAY).rating()).isEqualTo(Rag.Rating.AMBER);
        assertThat(rule.rate(ActionStatus.NOT_STARTED, START, DUE, null, HALFWAY).rating()).isEqualTo(Rag.Rating.GREEN);
    }

    @Test
    void distanceToTargetNeverGoesNegative() {
        assertThat(measure("55", "90", "95").distanceToTarget()).isEqualByComparingTo("0");
        assertThat(measure("55", "90", null).distanceToTarget()).isEqualByComparingTo("35");
    }
}
