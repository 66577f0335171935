package org.oversight.improvement.report;

/**
 * Renders a written statement of action as a standalone, accessible HTML5 page; the source of
 * {@link WrittenStatementPdf}.
 */
public final class WrittenStatementHtml {

    private WrittenStatementHtml() {
    }

    /**
     * Renders the statement.
     *
     * @param content the statement content
     * @return the HTML document
     */
    public static String render(WrittenStatementContent content) {
        return HtmlRenderer.render(WrittenStatementLayout.layout(content));
    }

    /** The same page with its styles embedded, for the PDF renderer (which reads no other file). */
    static String renderForPdf(WrittenStatementContent content) {
        return HtmlRenderer.render(WrittenStatementLayout.layout(content), HtmlRenderer.Styles.EMBEDDED);
    }
}
