package org.oversight.selfeval;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Shares by quarter (audits graded good or better, young people's ratings of 4 or 5): the grouping into quarters, the
 * newest against up to two earlier, and thin quarters said to have too few rather than given a percentage, in words.
 */
class PeriodSharesTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final EvidenceCatalogue CATALOGUE = new EvidenceCatalogue(null, null, null, null, null, null, null, MESSAGES,
            Clock.fixed(java.time.Instant.parse("2026-12-07T09:00:00Z"), ZoneId.of("Europe/London")), null,
            BigDecimal.valueOf(75), BigDecimal.valueOf(90), 5);

    /** {@code audits} audits dated {@code on}, each with two answers; the first {@code good} answers good or better. */
    private static List<PeriodShares.Answer> audits(LocalDate on, int audits, int good, String prefix) {
        List<PeriodShares.Answer> out = new ArrayList<>();
        for (int i = 0; i < audits * 2; i++) {
            out.add(new PeriodShares.Answer(on, prefix + (i / 2), i < good));
        }
        return out;
    }

    private static List<PeriodShares.Answer> concat(List<List<PeriodShares.Answer>> lists) {
        return lists.stream().flatMap(List::stream).toList();
    }

    private static Evidence evidence(List<PeriodShares.Answer> answers) {
        return CATALOGUE.shareEvidence("audit:CARE_LEAVERS:Pathway planning", Evidence.Kind.AUDIT, EnumSet.of(Area.CARE_LEAVERS),
                "Case audits: Pathway planning", PeriodShares.of(answers, 5), "audit", "Case audits", "/x");
    }

    @Test
    void quartersEndOnTheLastDayOfMarchJuneSeptemberAndDecember() {
        assertThat(PeriodShares.quarterStart(LocalDate.of(2026, 5, 14))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(PeriodShares.quarterEnd(LocalDate.of(2026, 5, 14))).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(PeriodShares.quarterEnd(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(PeriodShares.quarterEnd(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(PeriodShares.quarterEnd(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 3, 31));
    }

    @Test
    void answersAreGroupedByQuarterNewestFirstCountingItemsAndAnswers() {
        List<PeriodShares.Period> periods = PeriodShares.byQuarter(concat(List.of(
                audits(LocalDate.of(2026, 3, 31), 5, 6, "a"), audits(LocalDate.of(2026, 9, 30), 6, 9, "b"),
                audits(LocalDate.of(2026, 8, 1), 1, 2, "c"))));
        assertThat(periods).extracting(PeriodShares.Period::end).containsExactly(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 3, 31));
        PeriodShares.Period newest = periods.getFirst();
        assertThat(newest.items()).isEqualTo(7);
        assertThat(newest.answers()).isEqualTo(14);
        assertThat(newest.positive()).isEqualTo(11);
        assertThat(newest.percent()).isEqualByComparingTo("79"); // 11 of 14 = 78.6
        assertThat(periods.get(1).percent()).isEqualByComparingTo("60");
    }

    @Test
    void theNewestQuarterIsComparedWithUpToTwoEarlierOnes() {
        PeriodShares.Shares shares = PeriodShares.of(concat(List.of(audits(LocalDate.of(2025, 12, 31), 5, 4, "a"),
                audits(LocalDate.of(2026, 3, 31), 5, 5, "b"), audits(LocalDate.of(2026, 6, 30), 5, 6, "c"),
                audits(LocalDate.of(2026, 9, 30), 5, 8, "d"))), 5);
        assertThat(shares.newest().end()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(shares.earlier()).hasSize(2);
        assertThat(shares.points()).containsExactly(new Trend.Point(LocalDate.of(2026, 6, 30), new BigDecimal("60")),
                new Trend.Point(LocalDate.of(2026, 3, 31), new BigDecimal("50")));
        Evidence e = evidence(concat(List.of(audits(LocalDate.of(2026, 3, 31), 5, 5, "b"), audits(LocalDate.of(2026, 6, 30), 5, 6, "c"),
                audits(LocalDate.of(2026, 9, 30), 5, 8, "d"))));
        assertThat(e.valueText()).isEqualTo("80%");
        assertThat(e.asOf()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(e.trendText()).isEqualTo("up 20 points since 30 June 2026, better");
        assertThat(e.detail()).isEqualTo("8 of 10 answers good or better in 5 audits, the quarter to 30 September 2026");
        assertThat(e.rating()).isEqualTo(Rating.AMBER);
        assertThat(e.trend()).hasSize(2);
    }

    @Test
    void aFallIsWorseAndNoEarlierQuarterIsSaid() {
        Evidence down = evidence(concat(List.of(audits(LocalDate.of(2026, 6, 30), 5, 9, "c"), audits(LocalDate.of(2026, 9, 30), 5, 7, "d"))));
        assertThat(down.trendText()).isEqualTo("down 20 points since 30 June 2026, worse");
        Evidence alone = evidence(audits(LocalDate.of(2026, 9, 30), 5, 7, "d"));
        assertThat(alone.trendText()).isEqualTo("No earlier figure held");
        assertThat(alone.trend()).isEmpty();
    }

    @Test
    void aNewestQuarterWithTooFewAuditsGivesNoPercentageAndNoTrend() {
        Evidence thin = evidence(concat(List.of(audits(LocalDate.of(2026, 6, 30), 5, 9, "c"), audits(LocalDate.of(2026, 9, 30), 4, 8, "d"))));
        assertThat(thin.value()).isNull();
        assertThat(thin.valueText()).isEqualTo("Too few audits to give a percentage: 4 in the quarter to 30 September 2026 (at least 5 needed)");
        assertThat(thin.rating()).isNull();
        assertThat(thin.trend()).isEmpty();
        assertThat(thin.trendText()).isEqualTo("No trend: too few audits in the newest quarter (at least 5 needed)");
    }

    @Test
    void anEarlierQuarterWithTooFewAuditsIsSkippedAndSaidSo() {
        Evidence e = evidence(concat(List.of(audits(LocalDate.of(2026, 3, 31), 6, 6, "b"), audits(LocalDate.of(2026, 6, 30), 2, 4, "c"),
                audits(LocalDate.of(2026, 9, 30), 5, 8, "d"))));
        assertThat(e.trend()).containsExactly(new Trend.Point(LocalDate.of(2026, 3, 31), new BigDecimal("50")));
        assertThat(e.trendText()).isEqualTo("up 30 points since 31 March 2026, better; the quarter to 30 June 2026 had too few audits to compare (fewer than 5)");
        Evidence none = evidence(concat(List.of(audits(LocalDate.of(2026, 6, 30), 2, 4, "c"), audits(LocalDate.of(2026, 9, 30), 5, 8, "d"))));
        assertThat(none.trend()).isEmpty();
        assertThat(none.trendText()).isEqualTo("No trend: no earlier quarter had at least 5 audits");
    }

    @Test
    void theThresholdIsConfigurableButNeverBelowOne() {
        PeriodShares.Shares shares = PeriodShares.of(audits(LocalDate.of(2026, 9, 30), 3, 3, "a"), 3);
        assertThat(shares.thin()).isFalse();
        assertThat(PeriodShares.of(audits(LocalDate.of(2026, 9, 30), 3, 3, "a"), 4).thin()).isTrue();
        assertThat(PeriodShares.of(List.of(), 5)).isNull();
        assertThatThrownBy(() -> PeriodShares.of(List.of(), 0)).hasMessageContaining("at least 1");
    }
}
