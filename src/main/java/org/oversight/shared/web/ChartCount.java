package org.oversight.shared.web;

import java.util.List;

/** One bar of a count chart (fragments/charts.html {@code countBars}): its label, its count and its width (0 to 300) against the largest. */
public record ChartCount(String label, long count, int width) {

    /** Bars for these labels and counts, scaled to the largest count. */
    public static List<ChartCount> scaled(List<String> labels, List<Long> counts) {
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        return java.util.stream.IntStream.range(0, labels.size())
                .mapToObj(i -> new ChartCount(labels.get(i), counts.get(i), max == 0 ? 0 : (int) Math.round(counts.get(i) * 300.0 / max))).toList();
    }
}
