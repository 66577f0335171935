package org.oversight.voice.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.oversight.voice.FeedbackTheme;

/**
 * The demo young people's ratings: for each rated theme, the share of ratings of 4 or 5 in each of the last three
 * quarters (oldest first), a story that goes with City of London's self-evaluation: young people feel more listened
 * to and more involved in their plans as pathway plans are co-produced, and can nearly always get hold of their worker.
 * A quarter's ratings of a theme get exactly that share (rounded) of 4s and 5s, in seeded order. Pure.
 */
final class DemoRatings {

    static final int QUARTERS = 3;
    /** How many young people rate in a quarter. */
    static final int RATERS = 7;

    static final Map<FeedbackTheme, int[]> SHARES = Map.of(
            FeedbackTheme.LISTENED, new int[] {57, 71, 86},
            FeedbackTheme.HELP, new int[] {71, 86, 86},
            FeedbackTheme.PLAN, new int[] {43, 57, 71},
            FeedbackTheme.CONTACT, new int[] {86, 100, 86});

    private DemoRatings() {
    }

    /** The three complete quarters before today's, oldest first, each as its first and last day. */
    static List<LocalDate[]> lastQuarters(LocalDate today) {
        LocalDate thisQuarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        List<LocalDate[]> out = new ArrayList<>();
        for (int back = QUARTERS; back >= 1; back--) {
            LocalDate start = thisQuarter.minusMonths(3L * back);
            out.add(new LocalDate[] {start, start.plusMonths(3).minusDays(1)});
        }
        return out;
    }

    /** {@code count} ratings (1 to 5) of a theme in a quarter: round(share × count) of 4 or 5, the rest 1 to 3, in seeded order. */
    static List<Integer> ratings(FeedbackTheme theme, int quarter, int count, Random random) {
        int positive = Math.round(SHARES.get(theme)[quarter] * count / 100f);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(i < positive ? 4 + random.nextInt(2) : 1 + random.nextInt(3));
        }
        Collections.shuffle(out, random);
        return out;
    }

    private static final List<String> GOOD = List.of("My PA always texts back the same day.",
            "I liked that my plan says what I want to study.", "The new worker actually listens.");
    private static final List<String> BAD = List.of("I had three different workers this year.",
            "Nobody asked me before they changed my plan.", "It took weeks to get my bursary sorted.");

    /** A comment for one in three young people: kind when their ratings are mostly 4 or 5, else a complaint; else none. */
    static String comment(Map<FeedbackTheme, Integer> ratings, Random random) {
        if (random.nextInt(3) != 0) {
            return null;
        }
        long good = ratings.values().stream().filter(r -> r >= 4).count();
        List<String> from = 2 * good >= ratings.size() ? GOOD : BAD;
        return from.get(random.nextInt(from.size()));
    }
}
