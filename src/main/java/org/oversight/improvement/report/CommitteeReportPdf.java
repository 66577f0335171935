package org.oversight.improvement.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a council committee report as PDF, rendered from {@link CommitteeReportHtml}'s page. The PDF is
 * tagged (PDF/UA) when an embeddable font is available on the machine; see {@link #isTagged()}. The
 * PDF title is the report subject and the author is the local authority.
 */
public final class CommitteeReportPdf {

    private CommitteeReportPdf() {
    }

    /**
     * Writes the report to {@code out}. The stream is not closed.
     *
     * @param content the report content
     * @param out     destination
     * @throws IOException if rendering or writing fails
     */
    public static void write(CommitteeReportContent content, OutputStream out) throws IOException {
        PdfRenderer.write(CommitteeReportHtml.renderForPdf(content), out);
    }

    /**
     * Whether PDFs written here are tagged PDF/UA: true when a TrueType font to embed was found
     * (Debian's fonts-liberation or fonts-dejavu-core), false when output falls back to untagged PDF.
     *
     * @return whether output is tagged
     */
    public static boolean isTagged() {
        return PdfRenderer.accessibleOutputAvailable();
    }
}
