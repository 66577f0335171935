package org.oversight.selfeval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A share of positive answers (audit answers graded good or better, young people's ratings of 4 or 5) by quarter, the
 * newest quarter with answers against up to {@link #EARLIER} earlier ones. A quarter with fewer than {@code fewest}
 * items (audits, ratings) is "thin": its percentage means nothing, so it is neither shown as the figure nor used as an
 * earlier point. Quarters end on 31 March, 30 June, 30 September and 31 December (the financial year's quarters too).
 * Pure.
 */
public final class PeriodShares {

    /** How many earlier quarters a trend shows beside the newest. */
    public static final int EARLIER = 2;

    /** One answer: its date, the item it belongs to (an audit, a rating) and whether it is positive. */
    public record Answer(LocalDate date, String item, boolean positive) {
    }

    /** A quarter's answers: how many items, answers and positive answers. */
    public record Period(LocalDate start, LocalDate end, int items, int answers, int positive) {

        /** The share of positive answers, to a whole per cent. */
        public BigDecimal percent() {
            return answers == 0 ? null : BigDecimal.valueOf(100L * positive).divide(BigDecimal.valueOf(answers), 0, RoundingMode.HALF_UP);
        }

        public boolean thin(int fewest) {
            return items < fewest;
        }
    }

    /**
     * The newest quarter and the earlier ones (newest first, at most {@link #EARLIER}), with the earlier points that are
     * not thin.
     */
    public record Shares(Period newest, List<Period> earlier, int fewest) {

        public boolean thin() {
            return newest.thin(fewest);
        }

        /** The earlier quarters with enough items to compare against, newest first, as trend points at each quarter's end. */
        public List<Trend.Point> points() {
            return earlier.stream().filter(p -> !p.thin(fewest)).map(p -> new Trend.Point(p.end(), p.percent())).toList();
        }

        /** The earlier quarters left out of the trend for having too few items. */
        public List<Period> thinEarlier() {
            return earlier.stream().filter(p -> p.thin(fewest)).toList();
        }
    }

    private PeriodShares() {
    }

    /** The first day of the quarter a date falls in. */
    public static LocalDate quarterStart(LocalDate date) {
        int firstMonth = (date.getMonthValue() - 1) / 3 * 3 + 1;
        return LocalDate.of(date.getYear(), firstMonth, 1);
    }

    /** The last day of the quarter a date falls in. */
    public static LocalDate quarterEnd(LocalDate date) {
        return quarterStart(date).plusMonths(3).minusDays(1);
    }

    /** Every quarter with answers, newest first. */
    public static List<Period> byQuarter(List<Answer> answers) {
        Map<LocalDate, List<Answer>> quarters = new TreeMap<>(Comparator.reverseOrder());
        for (Answer a : answers) {
            quarters.computeIfAbsent(quarterStart(a.date()), k -> new ArrayList<>()).add(a);
        }
        List<Period> out = new ArrayList<>();
        quarters.forEach((start, list) -> {
            Set<String> items = new HashSet<>();
            int positive = 0;
            for (Answer a : list) {
                items.add(a.item());
                positive += a.positive() ? 1 : 0;
            }
            out.add(new Period(start, quarterEnd(start), items.size(), list.size(), positive));
        });
        return out;
    }

    /** The newest quarter with answers against up to {@link #EARLIER} earlier ones; null when there are no answers. */
    public static Shares of(List<Answer> answers, int fewest) {
        if (fewest < 1) {
            throw new IllegalArgumentException("the fewest items a figure needs must be at least 1, not " + fewest);
        }
        List<Period> periods = byQuarter(answers);
        if (periods.isEmpty()) {
            return null;
        }
        return new Shares(periods.getFirst(), periods.subList(1, Math.min(periods.size(), 1 + EARLIER)), fewest);
    }
}
