package org.oversight.reports.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date phrases Ofsted prints, for example "9 July 2018 to 20 July 2018",
 * "16 September 2014 – 8 October 2014", "9–24 November 2017", "14 April – 8 May 2015",
 * "30 September to 11 October 2024 and 13 to 16 January 2025", "27 and 28 February 2018",
 * "Between 9 and 13 July 2018", "on the 15 and 16 of May 2018", "15, 16 and 21 July 2025",
 * "29 and 30 September, and 1 October 2020", "12/09/2016 to 06/10/2016" or "13 October 2020".
 *
 * <p>The phrase is read token by token from its start and reading stops at the first word that is
 * not part of a date expression. Day numbers without a month or year take them from the next date
 * that has them. "to", "until" and dashes join a range; "and" and commas between days start a new
 * range except after "between"; ranges that touch (as in "27 and 28 February") are merged. A phrase
 * with no year at all ("on 30 and 31 January", in letters) takes it from a reference date, the
 * letter's own date: the latest year that puts the dates on or before it.
 */
final class DateRangeParser {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\\d{1,2}/\\d{1,2}/\\d{4}|\\d{1,4}(?:st|nd|rd|th)?|[A-Za-z]+|[–—−-]|,)");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");

    private DateRangeParser() {
    }

    /** A parsed phrase: the ranges, and how many characters of the input were consumed. */
    record Parsed(List<DateRange> ranges, int consumed) {
    }

    private record Part(Integer day, Month month, Integer year, boolean joinedToPrevious) {
    }

    static Optional<Parsed> parse(String phrase) {
        return parse(phrase, null);
    }

    /**
     * @param reference the date the phrase was written (a letter's date), used only when the phrase
     *                  prints no year at all; null to require a year
     */
    static Optional<Parsed> parse(String phrase, LocalDate reference) {
        if (phrase == null) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        Matcher m = TOKEN.matcher(phrase);
        int pos = 0;
        while (m.find(pos) && m.start() == pos) {
            tokens.add(m.group(1));
            ends.add(m.end());
            pos = m.end();
        }
        List<Integer> days = new ArrayList<>();
        List<Month> months = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<Boolean> joins = new ArrayList<>();
        boolean between = false;
        boolean pendingJoin = false;
        int consumed = 0;
        int consumedNoYear = 0;
        for (int t = 0; t < tokens.size(); t++) {
            String lower = tokens.get(t).toLowerCase(Locale.ROOT);
            String next = t + 1 < tokens.size() ? tokens.get(t + 1).toLowerCase(Locale.ROOT) : "";
            Matcher numeric = NUMERIC_DATE.matcher(lower);
            if (numeric.matches()) {
                int month = Integer.parseInt(numeric.group(2));
                if (month < 1 || month > 12) {
                    break;
                }
                days.add(Integer.parseInt(numeric.group(1)));
                months.add(Month.of(month));
                years.add(Integer.parseInt(numeric.group(3)));
                joins.add(pendingJoin);
                pendingJoin = false;
            } else if (lower.matches("\\d{1,2}(st|nd|rd|th)?")) {
                int d = Integer.parseInt(lower.replaceAll("\\D", ""));
                if (d < 1 || d > 31) {
                    break;
                }
                days.add(d);
                months.add(null);
                years.add(null);
                joins.add(pendingJoin);
                pendingJoin = false;
            } else if (lower.matches("\\d{4}")) {
                if (days.isEmpty() || years.getLast() != null || months.getLast() == null) {
                    break;
                }
                years.set(years.size() - 1, Integer.parseInt(lower));
            } else if (monthOf(lower) != null) {
                if (days.isEmpty() || months.getLast() != null) {
                    break;
                }
                months.set(months.size() - 1, monthOf(lower));
            } else if (lower.equals("to") || lower.matches("[–—−-]") || lower.equals("until")) {
                if (days.isEmpty()) {
                    break;
                }
                pendingJoin = true;
            } else if (lower.equals("and")) {
                if (days.isEmpty()) {
                    break;
                }
                pendingJoin = between && joins.stream().noneMatch(j -> j);
            } else if (lower.equals(",")) {
                // a comma separates days of a list ("15, 16 and 21 July") or complete dates ("30 September, and 1 October")
                boolean listGoesOn = next.matches("\\d{1,2}(st|nd|rd|th)?") || next.equals("and");
                if (days.isEmpty() || !listGoesOn) {
                    break;
                }
            } else if (lower.equals("of") && !days.isEmpty() && months.getLast() == null && monthOf(next) != null) {
                continue; // "the 15 and 16 of May"
            } else if (lower.equals("the") && (days.isEmpty() || pendingJoin)) {
                continue; // "on the 15", "to the 16th"
            } else if ((lower.equals("between") || lower.equals("from") || lower.equals("on")) && days.isEmpty()) {
                between = lower.equals("between");
            } else {
                break;
            }
            if (!days.isEmpty() && years.getLast() != null) {
                consumed = ends.get(t);
            }
            if (!days.isEmpty() && months.getLast() != null) {
                consumedNoYear = ends.get(t);
            }
        }
        if (days.isEmpty()) {
            return Optional.empty();
        }
        int n = lastComplete(years, days.size()) + 1;
        if (n == 0) {
            if (reference == null || years.stream().anyMatch(y -> y != null)) {
                return Optional.empty();
            }
            int read = consumedNoYear;
            return withoutYear(days, months, joins, reference).map(r -> new Parsed(r, read));
        }
        int read = consumed;
        return ranges(days, months, years, joins, n).map(r -> new Parsed(r, read));
    }

    /** Fills in the year from the reference date: the latest year that puts the last date on or before it. */
    private static Optional<List<DateRange>> withoutYear(List<Integer> days, List<Month> months, List<Boolean> joins,
                                                         LocalDate reference) {
        int n = days.size();
        while (n > 0 && months.get(n - 1) == null) {
            n--;
        }
        if (n == 0) {
            return Optional.empty();
        }
        for (int year = reference.getYear(); year >= reference.getYear() - 1; year--) {
            List<Integer> years = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                years.add(i == n - 1 ? year : null);
            }
            Optional<List<DateRange>> ranges = ranges(days, months, years, joins, n);
            if (ranges.isPresent() && !ranges.get().getLast().end().isAfter(reference)) {
                return ranges;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<DateRange>> ranges(List<Integer> days, List<Month> months, List<Integer> years,
                                                    List<Boolean> joins, int n) {
        Part[] filled = new Part[n];
        Month month = null;
        Integer year = null;
        for (int i = n - 1; i >= 0; i--) {
            if (years.get(i) != null) {
                year = years.get(i);
            }
            if (months.get(i) != null) {
                month = months.get(i);
            }
            if (month == null) {
                return Optional.empty();
            }
            filled[i] = new Part(days.get(i), month, year, joins.get(i));
        }
        List<Part> parts = List.of(filled);
        List<DateRange> ranges = new ArrayList<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                Part p = parts.get(i);
                LocalDate start = LocalDate.of(p.year(), p.month(), p.day());
                LocalDate end = start;
                if (i + 1 < parts.size() && parts.get(i + 1).joinedToPrevious()) {
                    Part q = parts.get(i + 1);
                    end = LocalDate.of(q.year(), q.month(), q.day());
                    if (end.isBefore(start) && months.get(i) != null && years.get(i) == null) {
                        // "30 December to 3 January 2025": the start is in the previous year
                        start = start.minusYears(1);
                    }
                    i++;
                }
                if (end.isBefore(start)) {
                    return Optional.empty();
                }
                ranges.add(new DateRange(start, end));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.of(merge(ranges));
    }

    private static int lastComplete(List<Integer> years, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (years.get(i) != null) {
                return i;
            }
        }
        return -1;
    }

    private static List<DateRange> merge(List<DateRange> ranges) {
        List<DateRange> out = new ArrayList<>();
        for (DateRange r : ranges) {
            if (!out.isEmpty() && !out.getLast().end().plusDays(1).isBefore(r.start())
                    && !r.start().isBefore(out.getLast().start())) {
                DateRange prev = out.removeLast();
                out.add(new DateRange(prev.start(), r.end().isAfter(prev.end()) ? r.end() : prev.end()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** Parses a single full date such as "19 November 2014" or "25/11/2016". */
    static Optional<LocalDate> parseSingle(String text) {
        return parse(text).filter(p -> p.ranges().size() == 1
                        && p.ranges().getFirst().start().equals(p.ranges().getFirst().end()))
                .map(p -> p.ranges().getFirst().start());
    }

    static Month monthOf(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            if (w.equals(name) || (w.length() == 3 && name.startsWith(w)) || w.equals("sept") && month == Month.SEPTEMBER) {
                return month;
            }
        }
        return null;
    }
}
