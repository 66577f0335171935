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
 * "Between 9 and 13 July 2018" or "13 October 2020".
 *
 * <p>The phrase is read token by token from its start and reading stops at the first word that is
 * not part of a date expression. Day numbers without a month or year take them from the next date
 * that has them. "to" and dashes join a range; "and" starts a new range except after "between";
 * ranges that touch (as in "27 and 28 February") are merged.
 */
final class DateRangeParser {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\\d{1,4}(?:st|nd|rd|th)?|[A-Za-z]+|[–—−-]|,)");

    private DateRangeParser() {
    }

    /** A parsed phrase: the ranges, and how many characters of the input were consumed. */
    record Parsed(List<DateRange> ranges, int consumed) {
    }

    private record Part(Integer day, Month month, Integer year, boolean joinedToPrevious) {
    }

    static Optional<Parsed> parse(String phrase) {
        if (phrase == null) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(phrase);
        List<Integer> days = new ArrayList<>();
        List<Month> months = new ArrayList<>();
        List<Integer> years = new ArrayList<>();
        List<Boolean> joins = new ArrayList<>();
        boolean between = false;
        boolean pendingJoin = false;
        int pos = 0;
        int consumed = 0;
        while (m.find(pos) && m.start() == pos) {
            String tok = m.group(1);
            String lower = tok.toLowerCase(Locale.ROOT);
            pos = m.end();
            if (lower.matches("\\d{1,2}(st|nd|rd|th)?")) {
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
                if (days.isEmpty() || years.getLast() == null) {
                    break; // a comma only separates complete dates
                }
            } else if ((lower.equals("between") || lower.equals("from") || lower.equals("on"))
                    && days.isEmpty()) {
                between = lower.equals("between");
            } else {
                break;
            }
            if (!days.isEmpty() && years.getLast() != null) {
                consumed = pos;
            }
        }
        int n = lastComplete(years, days.size()) + 1;
        if (n == 0) {
            return Optional.empty();
        }
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
        return Optional.of(new Parsed(merge(ranges), consumed));
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

    /** Parses a single full date such as "19 November 2014". */
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
