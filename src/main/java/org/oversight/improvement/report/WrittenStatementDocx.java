package org.oversight.improvement.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a written statement of action as a Word document (DOCX): statement details, then each finding
 * in the given order with its plan items and actions (owner, due date, measure of success).
 */
public final class WrittenStatementDocx {

    private WrittenStatementDocx() {
    }

    /**
     * Writes the statement to {@code out}. The stream is not closed.
     *
     * @param content the statement content
     * @param out     destination
     * @throws IOException if writing fails
     */
    public static void write(WrittenStatementContent content, OutputStream out) throws IOException {
        DocxRenderer.write(WrittenStatementLayout.layout(content), out);
    }
}
