package org.oversight.childdata.cin;

import java.time.LocalDate;

import org.oversight.childdata.cin.CinCensus.Header;
import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * The census a rule checks against: its header and the census period. The period runs from the day after the
 * reference date a year earlier to the reference date, both included (1 April to 31 March for a 31 March reference
 * date), as the DfE's [Period_of_Census]. With no valid reference date there is no period, and every rule that needs
 * one passes (as in the reference implementation, where the dates are NaT).
 *
 * @param header        the return's header
 * @param referenceDate the reference date, or null if absent or invalid
 * @param start         the first day of the census period, or null
 * @param end           the last day of the census period (the reference date), or null
 * @param workingDays   England's working days (bank holidays from data/bank-holidays-england-and-wales.csv)
 */
public record CensusContext(Header header, LocalDate referenceDate, LocalDate start, LocalDate end,
                            WorkingDayCalendar workingDays) {

    static CensusContext of(Header header, WorkingDayCalendar workingDays) {
        LocalDate ref = CinDate.dateOf(header.referenceDate());
        return new CensusContext(header, ref, ref == null ? null : ref.minusYears(1).plusDays(1), ref, workingDays);
    }

    /** True when the date is in the census period (false when either is unknown). */
    boolean inPeriod(LocalDate date) {
        return date != null && start != null && !date.isBefore(start) && !date.isAfter(end);
    }

    /** True when the date is known and outside the census period (false when the period is unknown). */
    boolean outsidePeriod(LocalDate date) {
        return date != null && start != null && (date.isBefore(start) || date.isAfter(end));
    }

    /**
     * "{@code date} minus {@code n} working days" as the DfE tools count it, the given day being the first: the date is
     * moved forward to a working day if it is not one, then back {@code n - 1} working days. (This is pandas'
     * {@code CustomBusinessDay(n - 1)} subtraction that data-to-insight/csc-validator-be-cin uses.)
     */
    LocalDate minusWorkingDays(LocalDate date, int n) {
        if (date == null) {
            return null;
        }
        LocalDate d = date;
        while (!workingDays.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        for (int i = 1; i < n; i++) {
            d = d.minusDays(1);
            while (!workingDays.isWorkingDay(d)) {
                d = d.minusDays(1);
            }
        }
        return d;
    }
}
