package org.oversight.inspection.api;

import io.swagger.v3.oas.annotations.media.Schema;

/** A finding to add or change. */
@Schema(description = "A finding of an inspection activity")
record FindingRequest(
        @Schema(example = "AREA_FOR_IMPROVEMENT", requiredMode = Schema.RequiredMode.REQUIRED) String kind,
        @Schema(example = "Risk assessments to more clearly articulate measures to address and minimise risk.",
                requiredMode = Schema.RequiredMode.REQUIRED) String text,
        @Schema(example = "outcome 1, national framework") String frameworkReference) {
}
