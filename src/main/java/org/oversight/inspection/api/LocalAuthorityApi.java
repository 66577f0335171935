package org.oversight.inspection.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.AccessRules.PublicRead;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.SingleRecordService;
import org.oversight.inspection.SingleRecordService.RegisterFilter;
import org.oversight.inspection.api.ApiViews.FindingJson;
import org.oversight.inspection.api.ApiViews.InspectionJson;
import org.oversight.inspection.api.ApiViews.LocalAuthorityJson;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register and inspection records as JSON. Reads of published data need no sign-in; unpublished activities
 * appear only for the LA's own users; writes need an LA manager or staff account of that LA (HTTP Basic).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Register and inspections", description = "All 153 local authorities and their Ofsted inspection activity")
class LocalAuthorityApi {

    private final SingleRecordService records;
    private final InspectionService inspections;

    LocalAuthorityApi(SingleRecordService records, InspectionService inspections) {
        this.records = records;
        this.inspections = inspections;
    }

    @GetMapping("/local-authorities")
    @PublicRead
    @Operation(summary = "All local authorities with their statistical neighbours and latest published judgements")
    List<LocalAuthorityJson> localAuthorities(
            @Parameter(description = "Text in the name, or an LA code or URN") @RequestParam(name = "q", required = false) String q,
            @Parameter(description = "Region code, e.g. GL") @RequestParam(name = "region", required = false) String region,
            @Parameter(description = "Latest overall grade, or NONE") @RequestParam(name = "judgement", required = false) String judgement) {
        return records.register(new RegisterFilter(q, region, judgement)).stream().map(LocalAuthorityJson::of).toList();
    }

    @GetMapping("/local-authorities/{urn}")
    @PublicRead
    @Operation(summary = "One local authority by its Ofsted URN")
    LocalAuthorityJson localAuthority(@PathVariable int urn) {
        return LocalAuthorityJson.of(records.registerRow(urn));
    }

    @GetMapping("/local-authorities/{urn}/inspections")
    @PublicRead
    @Operation(summary = "The LA's inspection activities in date order (published ones; all of them for the LA's own users)")
    List<InspectionJson> inspections(@PathVariable int urn) {
        // The pages list the newest first; the API keeps its documented date order.
        return records.singleRecord(urn).activities().reversed().stream().map(InspectionJson::of).toList();
    }

    @GetMapping("/inspections/{id}")
    @PublicRead
    @Operation(summary = "One inspection activity with its deadlines")
    InspectionJson inspection(@PathVariable UUID id) {
        return InspectionJson.of(records.view(inspections.visibleActivity(id)));
    }

    @PostMapping("/local-authorities/{urn}/inspections")
    @LaEditor
    @Operation(summary = "Record a new activity for the LA (LA managers and staff of that LA)")
    ResponseEntity<InspectionJson> create(@PathVariable int urn, @RequestBody ActivityRequest request) {
        UUID id = inspections.create(urn, request.toCommand());
        return ResponseEntity.created(URI.create("/api/v1/inspections/" + id)).body(inspection(id));
    }

    @PutMapping("/inspections/{id}")
    @LaEditor
    @Operation(summary = "Replace an activity's details (send the version you read)")
    InspectionJson update(@PathVariable UUID id, @RequestBody ActivityRequest request) {
        InspectionActivity current = inspections.visibleActivity(id);
        int version = request.version() == null ? current.version() : request.version();
        inspections.update(id, version, request.toCommand());
        return inspection(id);
    }

    @PostMapping("/inspections/{id}/findings")
    @LaEditor
    @Operation(summary = "Add a finding (strength, area for improvement, priority action or recommendation)")
    ResponseEntity<FindingJson> addFinding(@PathVariable UUID id, @RequestBody FindingRequest request) {
        UUID findingId = inspections.addFinding(id, kind(request.kind()), request.text(), request.frameworkReference());
        InspectionActivity activity = inspections.visibleActivity(id);
        FindingJson body = activity.findings().stream().filter(f -> f.id().equals(findingId)).map(FindingJson::of)
                .findFirst().orElseThrow(() -> new NotFoundException("Finding " + findingId + " vanished"));
        return ResponseEntity.created(URI.create("/api/v1/inspections/" + id)).body(body);
    }

    @DeleteMapping("/inspections/{id}/findings/{findingId}")
    @LaEditor
    @Operation(summary = "Remove a finding")
    ResponseEntity<Void> deleteFinding(@PathVariable UUID id, @PathVariable UUID findingId) {
        inspections.deleteFinding(id, findingId);
        return ResponseEntity.noContent().build();
    }

    private static FindingKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidInputException(List.of(FieldProblem.of("kind", "inspection.error.api.kind.required", String.valueOf(List.of(FindingKind.values())))));
        }
        try {
            return FindingKind.valueOf(kind.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(FieldProblem.of("kind", "inspection.error.api.notOneOf", String.valueOf(kind), String.valueOf(List.of(FindingKind.values())))));
        }
    }
}
