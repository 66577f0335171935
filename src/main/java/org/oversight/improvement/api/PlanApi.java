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
import org.oversight.shared.web.FieldProblem;
import org.oversight.shared.web.InvalidInputException;
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

    PlanApi(PlanService plans, CommitteeReports reports) {
        this.plans = plans;
        this.reports = reports;
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
                throw new InvalidInputException(List.of(new FieldProblem("dueDate", "'" + request.dueDate() + "' is not a real date in the form yyyy-mm-dd")));
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
            throw new InvalidInputException(List.of(new FieldProblem("status", "status is required: one of " + List.of(ActionStatus.values()))));
        }
        plans.recordProgress(actionId, request.version() == null ? 0 : request.version(), status, request.note(), request.value());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/plans/{id}/committee-reports")
    @LaMember
    @Operation(summary = "Every generated version of the plan's committee report (download at /committee-reports/{id}.docx|pdf|html)")
    List<CommitteeReports.Version> committeeReports(@PathVariable UUID id) {
        return reports.versions(id);
    }

    private static ActionStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return ActionStatus.valueOf(s.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldProblem("status", "'" + s + "' is not one of " + List.of(ActionStatus.values()))));
        }
    }
}
