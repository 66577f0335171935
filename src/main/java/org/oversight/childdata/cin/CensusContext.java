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
 * <p>Working days are England's (bank holidays from data/bank-holidays-england-and-wales.csv); the few dates rules need
 * are worked out once per census.
 */
public final class CensusContext {

    private final Header header;
    private final LocalDate referenceDate;
    private final LocalDate start;
    private final LocalDate end;
    private final WorkingDayCalendar workingDays;
    private final java.util.Map<Long, LocalDate> computed = new java.util.HashMap<>();

    private CensusContext(Header header, LocalDate referenceDate, WorkingDayCalendar workingDays) {
        this.header = header;
        this.referenceDate = referenceDate;
        this.start = referenceDate == null ? null : referenceDate.minusYears(1).plusDays(1);
        this.end = referenceDate;
        this.workingDays = workingDays;
    }

    static CensusContext of(Header header, WorkingDayCalendar workingDays) {
        return new CensusContext(header, CinDate.dateOf(header.referenceDate()), workingDays);
    }

    public Header header() {
        return header;
    }

    public LocalDate referenceDate() {
        return referenceDate;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    public WorkingDayCalendar workingDays() {
        return workingDays;
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
        return computed.computeIfAbsent(date.toEpochDay() * 1024 + n, k -> count(date, n));
    }

    private LocalDate count(LocalDate date, int n) {
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
