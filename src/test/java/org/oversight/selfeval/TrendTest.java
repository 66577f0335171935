package org.oversight.selfeval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class TrendTest {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private static final LocalDate MARCH_2025 = LocalDate.of(2025, 3, 31);
    private static final List<Trend.Point> EARLIER = List.of(new Trend.Point(MARCH_2025, new BigDecimal("82.0")),
            new Trend.Point(MARCH_2025.minusYears(1), new BigDecimal("79.0")));

    private static String words(String now, List<Trend.Point> earlier, Boolean higherIsBetter) {
        return Trend.of(new BigDecimal(now), earlier, higherIsBetter).orElseThrow().words(MESSAGES, "selfeval.trend.points");
    }

    @Test
    void aRiseIsBetterWhenHigherIsBetterAndComparesWithTheNewestEarlierFigure() {
        Trend t = Trend.of(new BigDecimal("86.0"), EARLIER, true).orElseThrow();
        assertThat(t.direction()).isEqualTo(Trend.Direction.UP);
        assertThat(t.change()).isEqualByComparingTo("4");
        assertThat(t.since()).isEqualTo(MARCH_2025);
        assertThat(t.better()).isTrue();
        assertThat(words("86.0", EARLIER, true)).isEqualTo("up 4 points since 31 March 2025, better");
    }

    @Test
    void aRiseIsWorseWhenLowerIsBetter() {
        // re-referrals: a higher share is worse
        assertThat(words("86.0", EARLIER, false)).isEqualTo("up 4 points since 31 March 2025, worse");
        assertThat(Trend.of(new BigDecimal("86.0"), EARLIER, false).orElseThrow().better()).isFalse();
    }

    @Test
    void aFallWordsTheDecimalAndOnePointIsSingular() {
        assertThat(words("79.5", EARLIER, true)).isEqualTo("down 2.5 points since 31 March 2025, worse");
        assertThat(words("81.0", EARLIER, true)).isEqualTo("down 1 point since 31 March 2025, worse");
        assertThat(words("81.0", EARLIER, false)).isEqualTo("down 1 point since 31 March 2025, better");
    }

    @Test
    void noChangeSaysSoWithoutBetterOrWorse() {
        Trend t = Trend.of(new BigDecimal("82"), EARLIER, true).orElseThrow();
        assertThat(t.direction()).isEqualTo(Trend.Direction.SAME);
        assertThat(t.better()).isNull();
        assertThat(words("82", EARLIER, true)).isEqualTo("no change since 31 March 2025");
    }

    @Test
    void neitherWayBetterGivesTheMoveAlone() {
        assertThat(words("90", EARLIER, null)).isEqualTo("up 8 points since 31 March 2025");
    }

    @Test
    void nothingEarlierOrNoFigureTodayHasNoTrend() {
        assertThat(Trend.of(new BigDecimal("86"), List.of(), true)).isEmpty();
        assertThat(Trend.of(null, EARLIER, true)).isEmpty();
    }
}
