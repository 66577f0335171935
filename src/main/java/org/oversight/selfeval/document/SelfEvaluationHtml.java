package org.oversight.selfeval.document;

import java.math.BigDecimal;
import java.util.List;

import org.oversight.selfeval.Area;
import org.oversight.selfeval.Theme;
import org.oversight.selfeval.Trend;
import org.oversight.selfeval.SelfEvaluationViews.Citation;
import org.oversight.selfeval.SelfEvaluationViews.Section;
import org.oversight.selfeval.SelfEvaluationViews.SelfEvaluation;
import org.springframework.web.util.HtmlUtils;

/**
 * The self-evaluation as one accessible, self-contained XHTML page in a council document format: title page, contents,
 * one section per judgement area answering the three questions with the evidence it cites, and an evidence appendix
 * with the figures as tables and bar charts (the chart repeats the table's numbers; screen readers get the table).
 * The same markup is the HTML download and the source of the PDF.
 */
public final class SelfEvaluationHtml {

    /** The stylesheet, linked from the HTML people open and embedded in the page the PDF is made from. */
    public static final String STYLESHEET = "/css/self-evaluation.css";
    private static final String CSS = readCss();

    private static String readCss() {
        try (java.io.InputStream in = SelfEvaluationHtml.class.getResourceAsStream("/static" + STYLESHEET)) {
            if (in == null) {
                throw new IllegalStateException("the stylesheet static" + STYLESHEET + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SelfEvaluationHtml() {
    }

    /** The page people open: the stylesheet linked, no inline style (it works under Oversight's Content-Security-Policy). */
    public static String render(SelfEvaluation se) {
        return render(se, false);
    }

    /** The page with its stylesheet embedded (for the PDF, which loads nothing from outside). */
    public static String render(SelfEvaluation se, boolean embedded) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en-GB\" xmlns=\"http://www.w3.org/1999/xhtml\"><head><meta charset=\"UTF-8\"/>");
        h.append("<title>").append(e(se.title())).append("</title>");
        h.append("<meta name=\"author\" content=\"").append(e(se.laName())).append("\"/>");
        h.append("<meta name=\"subject\" content=\"Self-evaluation of social work practice ").append(se.year()).append("\"/>");
        if (embedded) {
            h.append("<style>").append(CSS).append("</style>");
        } else {
            h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><link rel=\"stylesheet\" href=\"")
                    .append(STYLESHEET).append("\"/>");
        }
        h.append("</head><body><main>");
        h.append("<div class=\"title-page\"><p class=\"la\">").append(e(se.laName())).append("</p>");
        h.append("<h1>Self-evaluation of social work practice with children and families ").append(se.year()).append("</h1>");
        if (se.signedOff()) {
            h.append("<p class=\"status\">Signed off by ").append(e(se.signedOffName())).append(" on ").append(DocumentText.date(se.signedOffAt()))
                    .append(".</p>");
        } else {
            h.append("<p class=\"status draft\">Draft: not signed off.</p>");
        }
        h.append("<p>Written for the annual engagement meeting with Ofsted. It answers three questions for each area of the inspection "
                + "of local authority children's services (ILACS): what we know about the quality and impact of social work practice, how we know "
                + "it, and what we plan. The figures cited are as they stood on the date given beside each.</p>");
        h.append("<h2 id=\"contents\">Contents</h2><ol class=\"contents\">");
        int n = 1;
        for (Section s : se.sections()) {
            h.append("<li><a href=\"#area-").append(s.area().slug()).append("\">").append(n++).append(". ").append(e(DocumentText.area(s.area())))
                    .append("</a></li>");
        }
        h.append("<li><a href=\"#appendix\">Appendix: the evidence cited</a></li></ol></div>");
        n = 1;
        for (Section s : se.sections()) {
            h.append("<section><h2 id=\"area-").append(s.area().slug()).append("\">").append(n++).append(". ").append(e(DocumentText.area(s.area())))
                    .append("</h2>");
            answer(h, DocumentText.KNOW, s.know());
            answer(h, DocumentText.HOW, s.how());
            answer(h, DocumentText.PLANS, s.plans());
            cited(h, s.citedFor(null));
            for (Theme t : s.themesInUse()) {
                h.append("<h3 class=\"theme\">").append(e(DocumentText.theme(t))).append("</h3>");
                for (String p : DocumentText.paragraphs(s.themeText(t))) {
                    h.append("<p>").append(e(p)).append("</p>");
                }
                cited(h, s.citedFor(t));
            }
            h.append("</section>");
        }
        h.append("<section class=\"appendix\"><h2 id=\"appendix\">Appendix: the evidence cited</h2>");
        for (Section s : se.sections()) {
            List<Citation> cited = s.citations();
            if (cited.isEmpty()) {
                continue;
            }
            h.append("<h3>").append(e(DocumentText.area(s.area()))).append("</h3>");
            h.append("<table><caption>Evidence cited for ").append(e(shortArea(s.area()))).append("</caption><thead><tr>")
                    .append("<th scope=\"col\">Evidence</th><th scope=\"col\">Value</th><th scope=\"col\">As at</th><th scope=\"col\">Rating</th>")
                    .append("<th scope=\"col\">Source</th></tr></thead><tbody>");
            for (Citation c : cited) {
                h.append("<tr><td>").append(e(c.theme() == null ? c.label() : c.label() + " (for " + DocumentText.theme(c.theme()) + ")"))
                        .append("</td><td class=\"num").append(c.rating() == null ? "" : " rating-" + c.rating())
                        .append("\">").append(e(c.valueText())).append("</td><td>").append(DocumentText.date(c.asOf())).append("</td><td>")
                        .append(c.rating() == null ? "" : e(c.rating().name().charAt(0) + c.rating().name().substring(1).toLowerCase(java.util.Locale.UK)))
                        .append("</td><td>").append(e(c.source())).append("</td></tr>");
            }
            h.append("</tbody></table>");
            List<Citation> percents = cited.stream().filter(c -> c.valueNumber() != null && c.valueText().endsWith("%")).toList();
            if (!percents.isEmpty()) {
                h.append("<div class=\"bars\" aria-hidden=\"true\">");
                for (Citation c : percents) {
                    BigDecimal v = c.valueNumber().max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
                    h.append("<div class=\"bar-row\"><div class=\"bar-label\">").append(e(c.label())).append(": ").append(e(c.valueText()))
                            .append("</div><div class=\"bar w-").append(v.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString()).append("\"></div></div>");
                }
                h.append("</div>");
            }
            for (Citation c : cited) {
                trend(h, c);
            }
        }
        h.append("</section></main></body></html>");
        return h.toString();
    }

    private static void cited(StringBuilder h, List<Citation> citations) {
        if (citations.isEmpty()) {
            return;
        }
        h.append("<p>Evidence cited: ");
        for (int i = 0; i < citations.size(); i++) {
            Citation c = citations.get(i);
            h.append(i == 0 ? "" : "; ").append(e(c.label())).append(" ").append(e(shortValue(c))).append(" (")
                    .append(DocumentText.date(c.asOf())).append(")");
        }
        h.append(".</p>");
    }

    /**
     * A cited figure's trend as it stood when cited: the move in words, the comparisons, the figures as a table and, for
     * a percentage, the same numbers as bars (hidden from screen readers, which read the table).
     */
    private static void trend(StringBuilder h, Citation c) {
        if (c.valueNumber() == null) {
            return;
        }
        h.append("<h4>Trend: ").append(e(c.label())).append("</h4>");
        String words = DocumentText.trend(c);
        if (!words.isEmpty()) {
            h.append("<p>").append(e(words)).append("</p>");
        }
        String benchmarks = DocumentText.benchmarks(c);
        if (!benchmarks.isEmpty()) {
            h.append("<p>").append(e(benchmarks)).append("</p>");
        }
        List<Trend.Point> series = c.series();
        if (series.size() < 2) {
            return;
        }
        h.append("<table class=\"trend\"><caption>").append(e(c.label())).append(", as cited</caption><thead><tr><th scope=\"col\">As at</th>")
                .append("<th scope=\"col\">Value</th></tr></thead><tbody>");
        for (Trend.Point p : series) {
            h.append("<tr><td>").append(DocumentText.date(p.asOf())).append("</td><td class=\"num\">").append(e(DocumentText.value(c, p.value())))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
        if (c.valueText().endsWith("%")) {
            h.append("<div class=\"bars\" aria-hidden=\"true\">");
            for (Trend.Point p : series) {
                BigDecimal v = p.value().max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
                h.append("<div class=\"bar-row\"><div class=\"bar-label\">").append(DocumentText.date(p.asOf())).append(": ")
                        .append(e(DocumentText.value(c, p.value()))).append("</div><div class=\"bar w-")
                        .append(v.setScale(0, java.math.RoundingMode.HALF_UP).toPlainString()).append("\"></div></div>");
            }
            h.append("</div>");
        }
    }

    private static void answer(StringBuilder h, String question, String text) {
        h.append("<h3>").append(e(question)).append("</h3>");
        List<String> paragraphs = DocumentText.paragraphs(text);
        if (paragraphs.isEmpty()) {
            h.append("<p class=\"draft\">Not written yet.</p>");
        }
        for (String p : paragraphs) {
            h.append("<p>").append(e(p)).append("</p>");
        }
    }

    static String shortValue(Citation c) {
        String v = c.valueText();
        return v.length() <= 60 ? v : v.substring(0, 57) + "...";
    }

    static String shortArea(Area a) {
        return switch (a) {
            case LEADERS -> "leaders";
            case HELP_AND_PROTECTION -> "help and protection";
            case IN_CARE -> "children in care";
            case CARE_LEAVERS -> "care leavers";
        };
    }

    private static String e(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
