package org.oversight.reports.extract;

import java.util.Objects;

/**
 * The outcome of reading one document: either {@link Success} with the extracted values, or
 * {@link Failure} with a reason a person can act on (for example "not a PDF", "PDF is encrypted",
 * "no text layer (scanned images only)").
 */
public sealed interface ExtractionResult {

    /** The file name the caller supplied. */
    String fileName();

    /** True for {@link Success}. */
    default boolean isSuccess() {
        return this instanceof Success;
    }

    /** A document that was recognised and read. Partial reads are still successes; see its warnings. */
    record Success(String fileName, ExtractedReport report) implements ExtractionResult {
        public Success {
            Objects.requireNonNull(report, "report");
        }
    }

    /** A document that could not be read, with a non-blank human reason. */
    record Failure(String fileName, String reason) implements ExtractionResult {
        public Failure {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a failure needs a reason");
            }
        }
    }
}
