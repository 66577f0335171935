package org.oversight.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;

/**
 * One page of a long list, as the GOV.UK pagination component shows it: which page, how many a page (0 for all), the
 * rows shown ("1 to 25 of 153") and the page links (first, last, the current one and its neighbours, gaps as ellipses).
 * Read from a request's {@code page} and {@code size} parameters; a value that is not a page of the list is refused in
 * words (a 400), never shown as an empty page or a server error.
 */
public record Pagination(int page, int size, int total) {

    /** The word for "every row on one page" in the {@code size} parameter. */
    public static final String ALL = "all";

    /** A page link, or a gap ({@code number == 0}) shown as an ellipsis. */
    public record Item(int number, boolean current) {
        public boolean gap() {
            return number == 0;
        }
    }

    /**
     * The page asked for. {@code sizeParam} is one of {@code sizes} or "all" (blank: {@code defaultSize});
     * {@code pageParam} a whole number from 1 to the last page (blank: 1).
     */
    public static Pagination of(String pageParam, String sizeParam, int total, int defaultSize, List<Integer> sizes) {
        int size = defaultSize;
        if (sizeParam != null && !sizeParam.isBlank()) {
            String s = sizeParam.strip().toLowerCase(Locale.ROOT);
            if (s.equals(ALL)) {
                size = 0;
            } else {
                Integer parsed = wholeNumber(s);
                if (parsed == null || !sizes.contains(parsed)) {
                    throw new InvalidInputException(List.of(new FieldProblem("size", "'" + shorten(sizeParam) + "' is not a page size: give "
                            + String.join(", ", sizes.stream().map(String::valueOf).toList()) + " or all")));
                }
                size = parsed;
            }
        }
        int page = 1;
        if (pageParam != null && !pageParam.isBlank()) {
            Integer parsed = wholeNumber(pageParam.strip());
            int last = pages(total, size);
            if (parsed == null || parsed < 1 || parsed > last) {
                throw new InvalidInputException(List.of(new FieldProblem("page", "'" + shorten(pageParam) + "' is not a page of this list: give a "
                        + "whole number from 1 to " + last)));
            }
            page = parsed;
        }
        return new Pagination(page, size, total);
    }

    private static Integer wholeNumber(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(s);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static int pages(int total, int size) {
        return size == 0 || total == 0 ? 1 : (total + size - 1) / size;
    }

    /** How many pages the list has (at least 1). */
    public int pages() {
        return pages(total, size);
    }

    /** The first row shown, counting from 1 (0 when the list is empty). */
    public int from() {
        return total == 0 ? 0 : size == 0 ? 1 : (page - 1) * size + 1;
    }

    /** The last row shown, counting from 1. */
    public int to() {
        return size == 0 ? total : Math.min(total, page * size);
    }

    public boolean all() {
        return size == 0;
    }

    /** The size as the request names it: a number or "all". */
    public String sizeParam() {
        return size == 0 ? ALL : String.valueOf(size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    /** Whether the list needs page links at all. */
    public boolean paged() {
        return pages() > 1;
    }

    /** The rows of this page. */
    public <T> List<T> slice(List<T> rows) {
        return rows.subList(Math.min(rows.size(), from() == 0 ? 0 : from() - 1), Math.min(rows.size(), to()));
    }

    /** The page links: the first, the last, the current page and one either side; a gap of one page is shown as its number. */
    public List<Item> items() {
        int last = pages();
        List<Item> items = new ArrayList<>();
        int previous = 0;
        for (int n = 1; n <= last; n++) {
            boolean shown = n == 1 || n == last || Math.abs(n - page) <= 1 || (Math.abs(n - page) == 2 && (n == 2 || n == last - 1));
            if (!shown) {
                continue;
            }
            if (n - previous > 1) {
                items.add(new Item(0, false));
            }
            items.add(new Item(n, n == page));
            previous = n;
        }
        return items;
    }
}
