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
}
