package org.oversight.improvement.report;

/**
 * Renders a council committee report as a complete, standalone, accessible HTML5 page (en-GB, one
 * {@code h1}, headings in order, captioned tables with scoped headers, its print stylesheet for A4 linked, so it works under the content security policy). The
 * same page is the source of {@link CommitteeReportPdf}. All content text is escaped.
 */
public final class CommitteeReportHtml {

    private CommitteeReportHtml() {
    }

    /**
     * Renders the report.
     *
     * @param content the report content
     * @return the HTML document
     */
    public static String render(CommitteeReportContent content) {
        return HtmlRenderer.render(CommitteeReportLayout.layout(content));
    }

    /** The same page with its styles embedded, for the PDF renderer (which reads no other file). */
    static String renderForPdf(CommitteeReportContent content) {
        return HtmlRenderer.render(CommitteeReportLayout.layout(content), HtmlRenderer.Styles.EMBEDDED);
    }
}
