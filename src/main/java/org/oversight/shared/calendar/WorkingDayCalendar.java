package org.oversight.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days in England and Wales: every day except Saturday, Sunday and a bank holiday
 * (SI 2007/462 reg 1; Christmas Day and Good Friday are in the bank holiday list).
 *
 * <p>Counting follows the published examples in {@code domain/ilacs.md} §6.1: the day the clock starts
 * is day 0, so 70 working days after a JTAI letter published on 30/01/2018 is 11/05/2018.
 */
public final class WorkingDayCalendar {

    /** Days from 1 January 2000 to 31 December 2060 are counted from tables built once; others day by day. */
    private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    private static final int DAYS = (int) java.time.temporal.ChronoUnit.DAYS.between(FIRST, LocalDate.of(2061, 1, 1));

    private final BankHolidays bankHolidays;
    /** {@code upTo[i]}: working days from {@code FIRST} up to and including day {@code i}. */
    private final int[] upTo = new int[DAYS];
    /** {@code nth[k]}: the day (from {@code FIRST}) of the k-th working day (from 0). */
    private final int[] nth;
    /** {@code dates[k]}: the date of the k-th working day, made once (the clocks ask for millions of them). */
    private final LocalDate[] dates;

    public WorkingDayCalendar(BankHolidays bankHolidays) {
        this.bankHolidays = bankHolidays;
        int[] days = new int[DAYS];
        int count = 0;
        LocalDate d = FIRST;
        for (int i = 0; i < DAYS; i++, d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days[count++] = i;
            }
            upTo[i] = count;
        }
        this.nth = java.util.Arrays.copyOf(days, count);
        this.dates = new LocalDate[count];
        for (int k = 0; k < count; k++) {
            dates[k] = FIRST.plusDays(nth[k]);
        }
    }

    /** The date's day number from {@code FIRST}, or -1 outside the tables. */
    private static int index(LocalDate date) {
        long i = date.toEpochDay() - FIRST.toEpochDay();
        return i < 0 || i >= DAYS ? -1 : (int) i;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.isBankHoliday(date);
    }

    /** The date that is {@code workingDays} working days after {@code start} (start itself is day 0). */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        int i = index(start);
        if (i >= 0 && upTo[i] + workingDays - 1 < nth.length) {
            return workingDays == 0 ? start : dates[upTo[i] + workingDays - 1];
        }
        LocalDate date = start;
        int counted = 0;
        while (counted < workingDays) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /**
     * How many working days lie after {@code from} up to and including {@code to}; negative when
     * {@code to} is before {@code from}. So {@code workingDaysBetween(start, addWorkingDays(start, n)) == n}.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int i = index(from);
        int j = index(to);
        if (i >= 0 && j >= 0) {
            return upTo[j] - upTo[i];
        }
        int count = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    public BankHolidays bankHolidays() {
        return bankHolidays;
    }
}
