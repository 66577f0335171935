package org.oversight.shared.web;

/** One bar of a percentage chart (fragments/charts.html): its label and a whole percentage from 0 to 100. */
public record ChartBar(String label, int percent) {

    public ChartBar {
        percent = Math.max(0, Math.min(100, percent));
    }
}
