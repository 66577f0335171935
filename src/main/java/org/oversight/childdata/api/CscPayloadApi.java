package org.oversight.childdata.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.PayloadSender;
import org.oversight.access.MachineClient;
import org.oversight.childdata.ssd.CscPayloadImporter;
import org.oversight.childdata.ssd.CscPayloadImporter.Summary;
import org.oversight.childdata.ssd.CscPayloadReceipts;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DfE children's social care API payloads, received as DfE receives them: from the LA's own system with one of its API
 * tokens ({@code Authorization: Bearer}), or from one of its managers; applied to the LA's current journey snapshot in
 * one transaction.
 */
@RestController
@RequestMapping("/api/v1/local-authorities/{urn}")
@Tag(name = "Children's social care payloads", description = "The per-child JSON LAs send DfE's children's social care API, sent to Oversight too (LA-internal)")
@PayloadSender
class CscPayloadApi {

    private final CscPayloadReceipts receipts;

    private final UploadLimits limits;

    CscPayloadApi(CscPayloadReceipts receipts, UploadLimits limits) {
        this.receipts = receipts;
        this.limits = limits;
    }

    /** What the payload changed (counts only); {@code payloadId} names its record in the LA's payload history. */
    record SummaryJson(boolean stored, String payloadId, String snapshotId, String collectionYear, boolean snapshotCreated, int children,
                       CscPayloadImporter.PayloadCounts childCounts, Map<String, CscPayloadImporter.PayloadCounts> items, Map<String, Integer> notStored,
                       List<String> ignored) {
    }

    @PostMapping(value = "/children", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send children's social care data as DfE's children's social care API payload (specification 0.8: la_code and Children, "
            + "one child or a list, each with child_details, health_and_wellbeing and social_care_episodes), full or partial. Applied to the LA's "
            + "current journey snapshot in one transaction (one is made if the LA has none): each child and part named is created or updated, "
            + "what is not named is kept, and purge: true deletes the child or item and what it contains. Authenticate with the LA's API token "
            + "(Authorization: Bearer) or as one of its managers (HTTP Basic). 200 with the counts; 400 naming each problem's child (la_child_id) "
            + "and JSON path (a malformed date, an unknown code, a missing required field, a body that is not JSON) when nothing is stored; 403 "
            + "for another LA's URN; 422 when la_code is another LA's; 413 past oversight.imports.max-json-body; 429 with Retry-After past the "
            + "token's requests a minute (oversight.api-tokens.requests-per-minute) or from an address that sent too many unknown or revoked "
            + "tokens. Every payload, accepted or refused, is recorded in the LA's payload history (GET .../payloads: counts, never its content); "
            + "payloadId names it. Looked-after placements, adoption, care leavers and health are checked and counted but not stored yet; names "
            + "and postcodes are never stored.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The payload, as sent to DfE's children's social care API",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "200", description = "Stored", content = @Content(schema = @Schema(implementation = SummaryJson.class)))
    @ApiResponse(responseCode = "400", description = "Problems (child, path, message); nothing stored",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "The payload is another LA's; nothing stored",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "429", description = "Too many requests with this token, or too many bad tokens from this address; see Retry-After",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Larger than oversight.imports.max-json-body; recorded in the payload history, nothing stored",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Object> receive(@PathVariable int urn, HttpServletRequest request) throws IOException {
        // Read here rather than bound as a @RequestBody, so that a body past the limit is recorded (its sender is known by now).
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        CscPayloadReceipts.Outcome outcome;
        try (InputStream in = request.getInputStream()) {
            in.transferTo(read);
            outcome = receipts.receive(urn, read.toByteArray(), CscPayloadReceipts.Channel.API, null);
        } catch (UploadLimitException e) {
            outcome = receipts.tooLarge(urn, request.getContentLengthLong(), read.toByteArray(), limits.maxJsonBody().toBytes(),
                    CscPayloadReceipts.Channel.API, null);
            request.setAttribute(MachineClient.SUMMARY_ATTRIBUTE, "refused: larger than " + UploadLimits.words(limits.maxJsonBody()));
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage() + ". Nothing was stored.");
            p.setTitle("Too large");
            p.setInstance(URI.create(request.getRequestURI()));
            p.setProperty("limit", e.setting());
            p.setProperty("payloadId", outcome.receipt().id().toString());
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        CscPayloadReceipts.Receipt r = outcome.receipt();
        if (outcome.accepted()) {
            Summary s = outcome.summary();
            request.setAttribute(MachineClient.SUMMARY_ATTRIBUTE, s.words());
            return ResponseEntity.ok(new SummaryJson(true, r.id().toString(), s.snapshotId().toString(), s.collectionYear(), s.snapshotCreated(),
                    s.children(), s.childCounts(), s.items(), s.notStored(), s.ignored()));
        }
        ProblemDetail p;
        if (r.status() == 422) {
            request.setAttribute(MachineClient.SUMMARY_ATTRIBUTE, "refused: la_code of another local authority");
            p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, r.refusal());
            p.setTitle("Another local authority's payload");
        } else {
            var problems = outcome.problems();
            request.setAttribute(MachineClient.SUMMARY_ATTRIBUTE, problems.size() + " problems; first at " + problems.getFirst().path());
            p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, r.refusal() + ". First: " + problems.getFirst().message()
                    + " (" + problems.getFirst().path() + ")");
            p.setTitle("Invalid payload");
            p.setProperty("errors", problems.stream().map(x -> Map.of("child", x.childId(), "field", x.path(), "message", x.message())).toList());
        }
        p.setInstance(URI.create(request.getRequestURI()));
        p.setProperty("payloadId", r.id().toString());
        return ResponseEntity.status(r.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
