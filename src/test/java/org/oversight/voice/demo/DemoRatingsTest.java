package org.oversight.voice.demo;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.oversight.voice.FeedbackTheme;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRatingsTest {

    @Test
    void aQuartersRatingsHaveTheTablesShareOf4sAnd5sAllBetween1And5() {
        for (FeedbackTheme theme : FeedbackTheme.RATED) {
            for (int q = 0; q < DemoRatings.QUARTERS; q++) {
                List<Integer> ratings = DemoRatings.ratings(theme, q, 7, new Random(q));
                assertThat(ratings).hasSize(7).allMatch(r -> r >= 1 && r <= 5);
                assertThat(ratings.stream().filter(r -> r >= 4).count()).as(theme + " " + q)
                        .isEqualTo(Math.round(DemoRatings.SHARES.get(theme)[q] * 7 / 100f));
            }
        }
        assertThat(DemoRatings.ratings(FeedbackTheme.PLAN, 0, 7, new Random(5))).isEqualTo(DemoRatings.ratings(FeedbackTheme.PLAN, 0, 7, new Random(5)));
        assertThat(DemoRatings.ratings(FeedbackTheme.PLAN, 0, 7, new Random(5)).stream().filter(r -> r >= 4).count()).isEqualTo(3); // 43% of 7
    }
}
