package org.oversight.childdata.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.childdata.ssd.CscPayloadReceipts;
import org.oversight.register.LocalAuthorities;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The history of the DfE children's social care API payloads an LA received: its managers only. */
@RestController
@RequestMapping(value = "/api/v1/local-authorities/{urn}/payloads", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Children's social care payloads", description = "The per-child JSON LAs send DfE's children's social care API, sent to Oversight too (LA-internal)")
@LaManager
class CscPayloadHistoryApi {

    private final CscPayloadReceipts receipts;
    private final LocalAuthorities localAuthorities;

    CscPayloadHistoryApi(CscPayloadReceipts receipts, LocalAuthorities localAuthorities) {
        this.receipts = receipts;
        this.localAuthorities = localAuthorities;
    }

    /** A page of the history, newest first; {@code next} is the {@code before} of the next page (null at the end). */
    record Page(List<CscPayloadReceipts.Receipt> payloads, String next) {
    }

    @GetMapping
    @Operation(operationId = "listPayloads", summary = "The payloads the LA received (by its API tokens or its managers; through the API, the command line or the upload page), "
            + "newest first: when, who, size, SHA-256, accepted or refused, children and items created, updated and purged, notStored and "
            + "ignored, the number of problems. Never the payload's content. Page with before (an instant, the previous page's next) and limit "
            + "(1-1000, 100 by default). The LA's managers only.")
    Page list(@PathVariable int urn, @RequestParam(required = false) String before, @RequestParam(defaultValue = "100") int limit) {
        Instant from = null;
        if (before != null && !before.isBlank()) {
            try {
                from = Instant.parse(before.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(List.of(FieldProblem.of("before", "payloads.error.before")));
            }
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException(List.of(FieldProblem.of("limit", "payloads.error.limit")));
        }
        List<CscPayloadReceipts.Receipt> page = receipts.list(localAuthorities.get(urn).id(), from, limit);
        return new Page(page, page.size() < limit ? null : page.getLast().receivedAt().toString());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getPayload", summary = "One payload's record, with the first 100 problems of a refused payload (child, JSON path, message) and their count. "
            + "The LA's managers only.")
    CscPayloadReceipts.Receipt one(@PathVariable int urn, @PathVariable UUID id) {
        return receipts.get(localAuthorities.get(urn).id(), id);
    }
}
