package org.oversight.improvement.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a written statement of action as PDF, rendered from {@link WrittenStatementHtml}'s page (tagged
 * PDF/UA when an embeddable font is available, as for {@link CommitteeReportPdf}).
 */
public final class WrittenStatementPdf {

    private WrittenStatementPdf() {
    }

    /**
     * Writes the statement to {@code out}. The stream is not closed.
     *
     * @param content the statement content
     * @param out     destination
     * @throws IOException if rendering or writing fails
     */
    public static void write(WrittenStatementContent content, OutputStream out) throws IOException {
        PdfRenderer.write(WrittenStatementHtml.renderForPdf(content), out);
    }
}
