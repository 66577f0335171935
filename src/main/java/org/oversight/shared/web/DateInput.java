package org.oversight.shared.web;

import java.time.DateTimeException;
import java.time.LocalDate;

/** The three boxes of a GOV.UK date input. Blank means "not given"; anything else must be a real date. */
public class DateInput {

    private String day;
    private String month;
    private String year;

    public DateInput() {
    }

    public static DateInput of(LocalDate date) {
        DateInput input = new DateInput();
        if (date != null) {
            input.day = String.valueOf(date.getDayOfMonth());
            input.month = String.valueOf(date.getMonthValue());
            input.year = String.valueOf(date.getYear());
        }
        return input;
    }

    public boolean blank() {
        return isBlank(day) && isBlank(month) && isBlank(year);
    }

    /**
     * The date, or null when all three boxes are empty.
     *
     * @param label what the date is, in the words of the page, for the message ("Date of notification")
     * @throws IllegalArgumentException with a GOV.UK-style message when the date is incomplete or impossible
     */
    public LocalDate toDate(String label) {
        if (blank()) {
            return null;
        }
        if (isBlank(day) || isBlank(month) || isBlank(year)) {
            StringBuilder missing = new StringBuilder();
            if (isBlank(day)) {
                missing.append("a day");
            }
            if (isBlank(month)) {
                missing.append(missing.isEmpty() ? "a month" : " and a month");
            }
            if (isBlank(year)) {
                missing.append(missing.isEmpty() ? "a year" : " and a year");
            }
            throw new IllegalArgumentException(label + " must include " + missing);
        }
        try {
            int d = Integer.parseInt(day.trim());
            int m = Integer.parseInt(month.trim());
            int y = Integer.parseInt(year.trim());
            if (year.trim().length() != 4) {
                throw new IllegalArgumentException(label + " must have a 4-digit year");
            }
            return LocalDate.of(y, m, d);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be a real date, in numbers, for example 27 3 2024");
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(label + " must be a real date (" + day.trim() + "/" + month.trim() + "/"
                    + year.trim() + " does not exist)");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public String getDay() {
        return day;
    }

    public void setDay(String day) {
        this.day = day;
    }

    public String getMonth() {
        return month;
    }

    public void setMonth(String month) {
        this.month = month;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }
}
