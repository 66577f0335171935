package org.oversight.improvement.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a council committee report as a Word document (DOCX): header table of committees and dates,
 * Heading1–4 structure, continuously numbered Main Report paragraphs, bulleted recommendations, an
 * actions table per proposal, and the audit trail and consultation tables. Core properties carry the
 * subject as title and the local authority as creator.
 */
public final class CommitteeReportDocx {

    private CommitteeReportDocx() {
    }

    /**
     * Writes the report to {@code out}. The stream is not closed.
     *
     * @param content the report content
     * @param out     destination
     * @throws IOException if writing fails
     */
    public static void write(CommitteeReportContent content, OutputStream out) throws IOException {
        DocxRenderer.write(CommitteeReportLayout.layout(content), out);
    }
}
