package org.oversight.improvement.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.AccessRules.LaMember;
import org.oversight.improvement.CommitteeReports;
import org.oversight.improvement.PlanService;
import org.oversight.improvement.domain.ActionStatus;
import org.oversight.improvement.domain.Measure;
import org.oversight.improvement.domain.PlanView;
import org.oversight.improvement.persistence.PlanRepository;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Improvement plans as JSON: LA-internal, for the LA's own users (HTTP Basic). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Improvement plans", description = "Plans, items, actions with progress, evidence and impact measures, committee reports")
class PlanApi {

    private final PlanService plans;
    private final CommitteeReports reports;
    private final org.oversight.inspection.InspectionService inspections;

    PlanApi(PlanService plans, CommitteeReports reports, org.oversight.inspection.InspectionService inspections) {
        this.plans = plans;
        this.reports = reports;
        this.inspections = inspections;
    }

    @GetMapping("/local-authorities/{urn}/plans")
    @LaMember
    @Operation(summary = "The LA's improvement plans")
    List<PlanRepository.PlanSummary> plansOf(@PathVariable int urn) {
        return plans.plansOf(urn);
    }

    @GetMapping("/plans/{id}")
    @LaMember
    @Operation(summary = "A plan with its items (quoting their findings), actions, ratings, measures, updates, evidence and history")
    PlanView plan(@PathVariable UUID id) {
        return plans.plan(id);
    }

    record ActionRequest(String description, UUID ownerId, String dueDate, String status, String measureName, BigDecimal baseline,
                         BigDecimal target, BigDecimal current) {
    }

    record ProgressRequest(String status, String note, BigDecimal value, Integer version) {
    }

    @PostMapping("/plans/{id}/items/{itemId}/actions")
    @LaManager
    @Operation(summary = "Add an action to a plan item (LA managers)")
    ResponseEntity<PlanView> addAction(@PathVariable UUID id, @PathVariable UUID itemId, @RequestBody ActionRequest request) {
        LocalDate due = null;
        if (request.dueDate() != null && !request.dueDate().isBlank()) {
            try {
                due = LocalDate.parse(request.dueDate());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(List.of(FieldProblem.of("dueDate", "inspection.error.api.date", String.valueOf(request.dueDate()))));
            }
        }
        Measure measure = request.measureName() == null && request.baseline() == null && request.target() == null ? null
                : new Measure(request.measureName(), request.baseline(), request.target(), request.current(), null);
        plans.addAction(itemId, request.description(), request.ownerId(), due, status(request.status()), measure);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).body(plans.plan(id));
    }

    @PostMapping("/actions/{actionId}/progress")
    @LaEditor
    @Operation(summary = "Record progress on an action: status, note and the measure's current value (LA managers and staff)")
    ResponseEntity<Void> progress(@PathVariable UUID actionId, @RequestBody ProgressRequest request) {
        ActionStatus status = status(request.status());
        if (status == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "improvement.error.api.status.required", String.valueOf(List.of(ActionStatus.values())))));
        }
        plans.recordProgress(actionId, request.version() == null ? 0 : request.version(), status, request.note(), request.value());
        return ResponseEntity.noContent().build();
    }

    record PlanRequest(String kind, String title, String startDate) {
    }

    record ItemRequest(String title) {
    }

    record EvidenceLinkRequest(String description, String url) {
    }

    record BodyRequest(String name, String kind) {
    }

    record MeetingRequest(String date) {
    }

    @PostMapping("/inspections/{activityId}/plans")
    @LaManager
    @Operation(summary = "Create a plan from an activity's findings: one item per area for improvement, recommendation and priority action")
    ResponseEntity<PlanView> createPlan(@PathVariable UUID activityId, @RequestBody PlanRequest request) {
        UUID id = plans.createFromActivity(activityId, enumOf(org.oversight.improvement.domain.PlanKind.class, "kind", request.kind()),
                request.title(), date("startDate", request.startDate()));
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).body(plans.plan(id));
    }

    @PostMapping("/plans/{id}/items")
    @LaManager
    @Operation(summary = "Add an item directly (not answering a particular finding)")
    ResponseEntity<PlanView> addItem(@PathVariable UUID id, @RequestBody ItemRequest request) {
        plans.addItem(id, null, request.title());
        return ResponseEntity.created(URI.create("/api/v1/plans/" + id)).body(plans.plan(id));
    }

    @PostMapping("/actions/{actionId}/evidence")
    @LaEditor
    @Operation(summary = "Add a link as evidence for an action (files are uploaded on the plan's pages)")
    ResponseEntity<Void> addEvidenceLink(@PathVariable UUID actionId, @RequestBody EvidenceLinkRequest request) {
        plans.addEvidence(actionId, request.description(), null, null, null, request.url());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/local-authorities/{urn}/governance")
    @LaMember
    @Operation(summary = "The LA's boards and committees with their meetings")
    List<PlanView.Body> governance(@PathVariable int urn) {
        return plans.bodies(inspections.localAuthority(urn).id());
    }

    @PostMapping("/local-authorities/{urn}/governance")
    @LaManager
    @Operation(summary = "Add a board or committee")
    ResponseEntity<List<PlanView.Body>> addBody(@PathVariable int urn, @RequestBody BodyRequest request) {
        UUID la = inspections.localAuthority(urn).id();
        plans.addBody(la, request.name(), enumOf(org.oversight.improvement.domain.BodyKind.class, "kind", request.kind()));
        return ResponseEntity.created(URI.create("/api/v1/local-authorities/" + urn + "/governance")).body(plans.bodies(la));
    }

    @PostMapping("/local-authorities/{urn}/governance/{bodyId}/meetings")
    @LaManager
    @Operation(summary = "Add a meeting of a board or committee")
    ResponseEntity<Void> addMeeting(@PathVariable int urn, @PathVariable UUID bodyId, @RequestBody MeetingRequest request) {
        plans.addMeeting(inspections.localAuthority(urn).id(), bodyId, date("date", request.date()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/plans/{id}/oversight/{bodyId}")
    @LaManager
    @Operation(summary = "Record that a board or committee oversees the plan")
    ResponseEntity<Void> oversee(@PathVariable UUID id, @PathVariable UUID bodyId) {
        plans.oversee(id, bodyId);
        return ResponseEntity.noContent().build();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(List.of(FieldProblem.of(field, "inspection.error.api.date", String.valueOf(value))));
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(FieldProblem.of(field, "inspection.error.api.notOneOf", String.valueOf(value), String.valueOf(List.of(type.getEnumConstants())))));
        }
    }

    @GetMapping("/plans/{id}/committee-reports")
    @LaMember
    @Operation(summary = "Every generated version of the plan's committee report (download at /committee-reports/{id}.docx|pdf|html)")
    List<CommitteeReports.Version> committeeReports(@PathVariable UUID id) {
        return reports.versions(id);
    }

    @GetMapping("/plans/{id}/committee-report/draft")
    @LaManager
    @Operation(summary = "The committee report's draft to edit: the last generated version's, or one drafted from the data. "
            + "meetings are governance meetings picked, as <bodyId>/<yyyy-mm-dd> (see /local-authorities/{urn}/governance); "
            + "otherCommittees are lines typed in versions before meetings were picked, matching none; consultees have name, role and date (yyyy-mm-dd)")
    org.oversight.improvement.ReportDraft committeeReportDraft(@PathVariable UUID id) {
        return reports.draft(id);
    }

    @PostMapping("/plans/{id}/committee-reports")
    @LaManager
    @Operation(summary = "Generate and keep a new version of the committee report from a draft (fields as the draft's). Refused with "
            + "400 naming each field (meetings not in governance, consultees[n].role or consultees[n].date not a real date or in the future)")
    ResponseEntity<CommitteeReports.Version> generateCommitteeReport(@PathVariable UUID id, @RequestBody org.oversight.improvement.ReportDraft draft) {
        UUID version = reports.generate(id, draft);
        CommitteeReports.Version created = reports.versions(id).stream().filter(v -> v.id().equals(version)).findFirst().orElseThrow();
        return ResponseEntity.created(URI.create("/committee-reports/" + version + ".html")).body(created);
    }

    private static ActionStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return ActionStatus.valueOf(s.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "inspection.error.api.notOneOf", String.valueOf(s), String.valueOf(List.of(ActionStatus.values())))));
        }
    }
}
