package org.oversight.improvement.report;

import com.openhtmltopdf.extend.FSTextBreaker;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Line-break opportunities for the PDF renderer: the JDK's line iterator, except that a line never
 * breaks between a slash and a digit (Unicode line-breaking rule LB25), so dates such as 01/06/2020
 * and fractions stay on one line. The JDK iterator allows that break; in narrow table cells it split
 * dates as "01/06/" + "2020".
 */
final class LineBreaker implements FSTextBreaker {

    private final BreakIterator iterator = BreakIterator.getLineInstance(Locale.UK);
    private String text = "";

    @Override
    public void setText(String newText) {
        text = newText == null ? "" : newText;
        iterator.setText(text);
    }

    @Override
    public int next() {
        int boundary = iterator.next();
        while (boundary != BreakIterator.DONE && boundary > 0 && boundary < text.length()
                && text.charAt(boundary - 1) == '/' && Character.isDigit(text.charAt(boundary))) {
            boundary = iterator.next();
        }
        return boundary;
    }
}
