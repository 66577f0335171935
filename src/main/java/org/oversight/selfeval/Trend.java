package org.oversight.selfeval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;

/**
 * How a figure moved since the one before it, in words ("up 4 points since 31 March 2025, better"), so that a trend is
 * never told by colour alone. Pure: the figure today, the earlier figures (newest first) and which way is better.
 *
 * @param change    the figure today minus the one before, in the figure's own unit (percentage points for a percentage)
 * @param since     the date the earlier figure describes
 * @param direction up, down or the same
 * @param better    whether the move is for the better (null when unchanged, or when neither way is better)
 */
public record Trend(BigDecimal change, LocalDate since, Direction direction, Boolean better) {

    public enum Direction { UP, DOWN, SAME }

    /** A figure at a date: a point of a figure's trend. */
    public record Point(LocalDate asOf, BigDecimal value) {
    }

    /**
     * The move from the newest earlier figure to today's; empty when there is no earlier figure or no figure today.
     *
     * @param higherIsBetter true or false when one way is better, null when neither is
     */
    public static Optional<Trend> of(BigDecimal now, List<Point> earlier, Boolean higherIsBetter) {
        if (now == null || earlier == null || earlier.isEmpty() || earlier.getFirst().value() == null) {
            return Optional.empty();
        }
        Point before = earlier.getFirst();
        BigDecimal change = now.subtract(before.value());
        int sign = change.signum();
        Direction direction = sign > 0 ? Direction.UP : sign < 0 ? Direction.DOWN : Direction.SAME;
        Boolean better = sign == 0 || higherIsBetter == null ? null : (sign > 0) == higherIsBetter;
        return Optional.of(new Trend(change.abs().stripTrailingZeros(), before.asOf(), direction, better));
    }

    /** The words, e.g. "up 4 points since 31 March 2025, better" ({@code unit} is the message key of the unit). */
    public String words(MessageSource messages, String unit) {
        String date = since.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
        String amount = change.toPlainString();
        String units = messages.getMessage(unit, new Object[] {change}, Locale.UK);
        String moved = messages.getMessage("selfeval.trend." + direction.name(), new Object[] {amount, units, date}, Locale.UK)
                .replaceAll(" {2,}", " ");
        return better == null ? moved : messages.getMessage(better ? "selfeval.trend.better" : "selfeval.trend.worse", new Object[] {moved}, Locale.UK);
    }
}
