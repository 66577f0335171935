package org.oversight.improvement.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.AccessRules.LaMember;
import org.oversight.access.CurrentUser;
import org.oversight.improvement.PlanService;
import org.oversight.improvement.domain.ActionStatus;
import org.oversight.improvement.domain.Measure;
import org.oversight.improvement.domain.PlanKind;
import org.oversight.improvement.domain.PlanView;
import org.oversight.improvement.domain.RagRule;
import org.oversight.improvement.persistence.PlanRepository;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.SingleRecordService;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.shared.web.DateInput;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.Choices;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Plan pages: from an inspection's findings to plan items, actions, progress and evidence. */
@Controller
class PlanPages {

    private final PlanService plans;
    private final InspectionService inspections;
    private final SingleRecordService records;
    private final CurrentUser currentUser;
    private final Choices choices;

    PlanPages(PlanService plans, InspectionService inspections, SingleRecordService records, CurrentUser currentUser, Choices choices) {
        this.choices = choices;
        this.plans = plans;
        this.inspections = inspections;
        this.records = records;
        this.currentUser = currentUser;
    }

    @GetMapping("/activities/{id}/plans")
    @LaMember
    String activityPlans(@PathVariable UUID id, Model model) {
        InspectionActivity activity = inspections.visibleActivity(id);
        if (!currentUser.canSeeInternal(activity.laId())) {
            throw new org.springframework.security.access.AccessDeniedException("Plans are visible only to the local authority's own users");
        }
        model.addAttribute("a", activity);
        model.addAttribute("plans", plans.plansOfActivity(id).stream().map(plans::plan).toList());
        model.addAttribute("itemsOfFindings", plans.itemsOfFindings(id));
        model.addAttribute("canManage", currentUser.canManage(activity.laId()));
        model.addAttribute("kinds", PlanKind.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
            DateInputs dates = new DateInputs();
            dates.setStartDate(DateInput.of(activity.publicationDate() != null ? activity.publicationDate() : inspections.today()));
            model.addAttribute("dates", dates);
            model.addAttribute("title", choices.message(activity.hasPriorityActions() ? "plans.default.priority" : "plans.default.postInspection"));
        }
        FormErrors.in(model).show(model, List.of("kind", "title", "startDate-day"));
        return "plans/activity-plans";
    }

    @PostMapping("/activities/{id}/plans")
    @LaManager
    String createPlan(@PathVariable UUID id, @RequestParam(required = false) String kind, @RequestParam(required = false) String title,
                      DateInputs dates, Model model, HttpServletResponse response) {
        FormErrors errors = FormErrors.none();
        LocalDate start = dates.read(dates.getStartDate(), "Start date", "startDate-day", errors);
        PlanKind planKind = parse(PlanKind.class, kind);
        if (!errors.any()) {
            try {
                UUID planId = plans.createFromActivity(id, planKind, title, start);
                return "redirect:/plans/" + planId;
            } catch (InvalidInputException e) {
                errors.addAll(e, f -> f.equals("startDate") ? "startDate-day" : f);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        model.addAttribute("dates", dates);
        model.addAttribute("title", title);
        return activityPlans(id, model);
    }

    @GetMapping("/plans/{id}")
    @LaMember
    String plan(@PathVariable UUID id, Model model) {
        PlanView plan = plans.plan(id);
        model.addAttribute("plan", plan);
        model.addAttribute("canManage", currentUser.canManage(plan.laId()));
        model.addAttribute("canEdit", currentUser.canEdit(plan.laId()));
        model.addAttribute("ragExplanation", RagRule.EXPLANATION);
        model.addAttribute("measureKeys", org.oversight.compliance.ComplianceMeasures.Key.values());
        if (plan.activityId() != null) {
            InspectionActivity activity = inspections.visibleActivity(plan.activityId());
            model.addAttribute("activity", activity);
            model.addAttribute("deadlines", records.view(activity).deadlines());
        }
        return "plans/plan";
    }

    @PostMapping("/plans/{id}/items")
    @LaManager
    String addItem(@PathVariable UUID id, @RequestParam(required = false) String itemTitle, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        try {
            UUID itemId = plans.addItem(id, null, itemTitle);
            redirect.addFlashAttribute("banner", "plans.item.added");
            return "redirect:/plans/" + id + "#item-" + itemId;
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("itemError", e.problems().getFirst().message());
            return plan(id, model);
        }
    }

    @GetMapping("/plans/{id}/actions.csv")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    @LaMember
    void actionsCsv(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        PlanView plan = plans.plan(id);
        org.oversight.shared.web.CsvResponse.write(response, "plan-actions.csv", List.of("item", "finding", "action", "owner", "due_date",
                "status", "rating", "rating_reason", "measure", "baseline", "target", "current", "distance_to_target", "latest_update"), csv -> {
            for (PlanView.Item item : plan.items()) {
                for (PlanView.Action a : item.actions()) {
                    var m = a.measure();
                    csv.printRecord(item.ordinal() + ". " + item.title(), item.findingText() == null ? "" : item.findingText(), a.description(),
                            a.ownerName(), org.oversight.shared.Dates.format(a.dueDate()), a.status().name().toLowerCase().replace('_', ' '),
                            a.rag().rating().name().toLowerCase(), a.rag().reason(), m == null ? "" : m.name(),
                            m == null ? "" : m.baseline().toPlainString(), m == null ? "" : m.target().toPlainString(),
                            m == null || m.current() == null ? "" : m.current().toPlainString(),
                            m == null ? "" : m.distanceToTarget().toPlainString(),
                            a.latestUpdate() == null ? "" : a.latestUpdate().note());
                }
            }
        });
    }

    @GetMapping("/plans/{id}/items/{itemId}/actions/new")
    @LaManager
    String newAction(@PathVariable UUID id, @PathVariable UUID itemId, Model model) {
        return actionForm(model, plans.plan(id), itemId, new ActionForm(), FormErrors.none());
    }

    @PostMapping("/plans/{id}/items/{itemId}/actions")
    @LaManager
    String addAction(@PathVariable UUID id, @PathVariable UUID itemId, ActionForm form, Model model, HttpServletResponse response,
                     RedirectAttributes redirect) {
        PlanView plan = plans.plan(id);
        FormErrors errors = FormErrors.none();
        LocalDate due = form.dueDate(errors);
        Measure measure = form.measure(errors);
        if (!errors.any()) {
            try {
                plans.addAction(itemId, form.getDescription(), form.owner(), due, parse(ActionStatus.class, form.getStatus()), measure);
                redirect.addFlashAttribute("banner", "plans.action.added");
                return "redirect:/plans/" + id + "#item-" + itemId;
            } catch (InvalidInputException e) {
                errors.addAll(e, f -> f.equals("dueDate") ? "dueDate-day" : f);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return actionForm(model, plan, itemId, form, errors);
    }

    @GetMapping("/plans/{id}/actions/{actionId}/progress")
    @LaEditor
    String progressForm(@PathVariable UUID id, @PathVariable UUID actionId, Model model) {
        PlanView plan = plans.plan(id);
        PlanView.Action action = action(plan, actionId);
        return progressPage(model, plan, action, action.status().name(), null, null, FormErrors.none());
    }

    @PostMapping("/plans/{id}/actions/{actionId}/progress")
    @LaEditor
    String recordProgress(@PathVariable UUID id, @PathVariable UUID actionId, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String note, @RequestParam(required = false) String value,
                          @RequestParam(defaultValue = "0") int version, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        PlanView plan = plans.plan(id);
        PlanView.Action action = action(plan, actionId);
        FormErrors errors = FormErrors.none();
        BigDecimal number = ActionForm.number(value, "value", "The measure's current value", errors);
        if (!errors.any()) {
            try {
                plans.recordProgress(actionId, version, parse(ActionStatus.class, status), note, number);
                redirect.addFlashAttribute("banner", "plans.progress.recorded");
                return "redirect:/plans/" + id + "#action-" + actionId;
            } catch (InvalidInputException e) {
                errors.addAll(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return progressPage(model, plan, action, status, note, value, errors);
    }

    @PostMapping("/plans/{id}/actions/{actionId}/evidence")
    @LaEditor
    String addEvidence(@PathVariable UUID id, @PathVariable UUID actionId, @RequestParam(required = false) String evidenceDescription,
                       @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String url, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        PlanView plan = plans.plan(id);
        PlanView.Action action = action(plan, actionId);
        FormErrors errors = FormErrors.none();
        try {
            boolean hasFile = file != null && !file.isEmpty();
            plans.addEvidence(actionId, evidenceDescription, hasFile ? file.getOriginalFilename() : null,
                    hasFile ? file.getContentType() : null, hasFile ? file.getBytes() : null, url);
            redirect.addFlashAttribute("banner", "plans.evidence.added");
            return "redirect:/plans/" + id + "#action-" + actionId;
        } catch (InvalidInputException e) {
            errors.addAll(e);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("evidenceDescription", evidenceDescription);
        model.addAttribute("url", url);
        return progressPage(model, plan, action, action.status().name(), null, null, errors);
    }

    @PostMapping("/plans/{id}/actions/{actionId}/measure-binding")
    @LaManager
    String bindMeasure(@PathVariable UUID id, @PathVariable UUID actionId, @RequestParam(required = false) String key,
                       RedirectAttributes redirect) {
        action(plans.plan(id), actionId);
        plans.bindMeasure(actionId, parse(org.oversight.compliance.ComplianceMeasures.Key.class, key));
        redirect.addFlashAttribute("banner", "plans.binding.saved");
        return "redirect:/plans/" + id + "#action-" + actionId;
    }

    @GetMapping("/evidence/{evidenceId}")
    @LaMember
    ResponseEntity<byte[]> evidence(@PathVariable UUID evidenceId) {
        PlanRepository.EvidenceFile file = plans.evidenceFile(evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, org.oversight.shared.web.Downloads.attachment(file.fileName()))
                .body(file.content());
    }

    private String actionForm(Model model, PlanView plan, UUID itemId, ActionForm form, FormErrors errors) {
        PlanView.Item item = plan.items().stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> new org.oversight.shared.problem.NotFoundException("Plan " + plan.id() + " has no item " + itemId));
        model.addAttribute("plan", plan);
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        errors.show(model, ActionForm.FIELD_ORDER);
        model.addAttribute("owners", plans.people(plan.laId()).stream().map(p -> new Choice(p.id().toString(), p.displayName())).toList());
        model.addAttribute("statuses", ActionStatus.values());
        return "plans/action-form";
    }

    private String progressPage(Model model, PlanView plan, PlanView.Action action, String status, String note, String value, FormErrors errors) {
        model.addAttribute("plan", plan);
        model.addAttribute("action", action);
        model.addAttribute("status", status);
        model.addAttribute("note", note);
        model.addAttribute("value", value);
        errors.show(model, List.of("status", "note", "value", "evidenceDescription", "file", "url"));
        model.addAttribute("statuses", ActionStatus.values());
        model.addAttribute("maxEvidenceMb", plans.maxEvidenceBytes() / (1024 * 1024));
        return "plans/progress";
    }

    private static PlanView.Action action(PlanView plan, UUID actionId) {
        return plan.allActions().stream().filter(a -> a.id().equals(actionId)).findFirst()
                .orElseThrow(() -> new org.oversight.shared.problem.NotFoundException("Plan " + plan.id() + " has no action " + actionId));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Date boxes of the plan form. */
    public static class DateInputs {
        private DateInput startDate = new DateInput();

        LocalDate read(DateInput input, String label, String id, FormErrors errors) {
            try {
                return input.toDate(label);
            } catch (IllegalArgumentException e) {
                errors.add(id, e.getMessage());
                return null;
            }
        }

        public DateInput getStartDate() {
            return startDate;
        }

        public void setStartDate(DateInput startDate) {
            this.startDate = startDate;
        }
    }
}
