package org.oversight.shared.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * England and Wales bank holidays.
 *
 * <p>Years covered by the published list ({@code data/bank-holidays-england-and-wales.csv}, GOV.UK,
 * Open Government Licence; 2012–2027, with the one-off days such as 19/09/2022 and 08/05/2023) are
 * taken from it. Later years follow the standing rules of the Banking and Financial Dealings Act 1971
 * and the usual proclamations: New Year's Day, Good Friday, Easter Monday, the first and last Mondays
 * of May, the last Monday of August, Christmas Day and Boxing Day, with a weekday substitute when
 * one falls at a weekend. A proclamation can still move or add a day in those years.
 */
public final class BankHolidays {

    public static final String RESOURCE = "/reference/bank-holidays-england-and-wales.csv";

    private final NavigableMap<LocalDate, String> listed;
    private final int firstListedYear;
    private final int lastListedYear;

    BankHolidays(Map<LocalDate, String> listed) {
        if (listed.isEmpty()) {
            throw new IllegalArgumentException("The bank holiday list is empty");
        }
        this.listed = Collections.unmodifiableNavigableMap(new TreeMap<>(listed));
        this.firstListedYear = this.listed.firstKey().getYear();
        this.lastListedYear = this.listed.lastKey().getYear();
    }

    /** The list shipped with Oversight. */
    public static BankHolidays fromClasspath() {
        try (InputStream in = BankHolidays.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BankHolidays parse(InputStream in, String source) throws IOException {
        Map<LocalDate, String> days = new TreeMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null || !line.replace("\uFEFF", "").startsWith("date,name")) {
                throw new IllegalArgumentException(source + " row 1: expected the header 'date,name'");
            }
            int row = 1;
            while ((line = reader.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                int comma = line.indexOf(',');
                if (comma < 0) {
                    throw new IllegalArgumentException(source + " row " + row + ": expected 'date,name' but found '" + line + "'");
                }
                try {
                    days.put(LocalDate.parse(line.substring(0, comma)), line.substring(comma + 1).trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(source + " row " + row + ", field date: '" + line.substring(0, comma)
                            + "' is not an ISO date (yyyy-mm-dd)", e);
                }
            }
        }
        return new BankHolidays(days);
    }

    public boolean isBankHoliday(LocalDate date) {
        return name(date) != null;
    }

    /** The holiday's name, or null when the date is not a bank holiday. */
    public String name(LocalDate date) {
        int year = date.getYear();
        if (year >= firstListedYear && year <= lastListedYear) {
            return listed.get(date);
        }
        return byRule(year).get(date);
    }

    public int firstListedYear() {
        return firstListedYear;
    }

    public int lastListedYear() {
        return lastListedYear;
    }

    /** The listed holidays of a year (only within the listed years). */
    public Map<LocalDate, String> listedIn(int year) {
        return listed.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true);
    }

    /** The holidays the standing rules give for a year, without one-off proclamations. */
    public static Map<LocalDate, String> byRule(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        if (isWeekend(newYear)) {
            days.put(newYear.with(TemporalAdjusters.next(DayOfWeek.MONDAY)), "New Year's Day (substitute day)");
        } else {
            days.put(newYear, "New Year's Day");
        }
        LocalDate easter = easterSunday(year);
        days.put(easter.minusDays(2), "Good Friday");
        days.put(easter.plusDays(1), "Easter Monday");
        days.put(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)), "Early May bank holiday");
        days.put(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Spring bank holiday");
        days.put(LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY)), "Summer bank holiday");
        LocalDate christmas = LocalDate.of(year, Month.DECEMBER, 25);
        LocalDate boxing = christmas.plusDays(1);
        switch (christmas.getDayOfWeek()) {
            case SATURDAY -> {
                days.put(christmas.plusDays(2), "Christmas Day (substitute day)");
                days.put(christmas.plusDays(3), "Boxing Day (substitute day)");
            }
            case SUNDAY -> {
                days.put(boxing, "Boxing Day");
                days.put(christmas.plusDays(2), "Christmas Day (substitute day)");
            }
            case FRIDAY -> {
                days.put(christmas, "Christmas Day");
                days.put(christmas.plusDays(3), "Boxing Day (substitute day)");
            }
            default -> {
                days.put(christmas, "Christmas Day");
                days.put(boxing, "Boxing Day");
            }
        }
        return days;
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
