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

    private final BankHolidays bankHolidays;

    public WorkingDayCalendar(BankHolidays bankHolidays) {
        this.bankHolidays = bankHolidays;
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
