package org.oversight.inspection.web;

import java.util.List;
import java.util.UUID;

import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.AccessRules.PublicRead;
import org.oversight.access.CurrentUser;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.ReportSources;
import org.oversight.inspection.SingleRecordService;
import org.oversight.inspection.domain.ActivityCommand;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Finding;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.JudgementEra;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Activity pages: read (published ones are public; the rest only for the LA's own users) and the GOV.UK forms
 * that create and change activities and findings (LA managers and staff of that LA): error summary, 400 on
 * errors, POST/redirect/GET.
 */
@Controller
class ActivityPages {

    private final InspectionService inspections;
    private final SingleRecordService records;
    private final CurrentUser currentUser;
    private final List<ReportSources> reportSources;
    private final List<org.oversight.inspection.ActivityLinks> activityLinks;

    ActivityPages(InspectionService inspections, SingleRecordService records, CurrentUser currentUser,
                  List<ReportSources> reportSources, List<org.oversight.inspection.ActivityLinks> activityLinks) {
        this.inspections = inspections;
        this.records = records;
        this.currentUser = currentUser;
        this.reportSources = reportSources;
        this.activityLinks = activityLinks;
    }

    @GetMapping("/activities/{id}")
    @PublicRead
    String show(@PathVariable UUID id, Model model) {
        InspectionActivity activity = inspections.visibleActivity(id);
        model.addAttribute("view", records.view(activity));
        model.addAttribute("a", activity);
        model.addAttribute("source", ReportSources.all(reportSources, List.of(id)).get(id));
        model.addAttribute("canEdit", currentUser.canEdit(activity.laId()));
        model.addAttribute("canSeeInternal", currentUser.canSeeInternal(activity.laId()));
        model.addAttribute("links", currentUser.canSeeInternal(activity.laId())
                ? activityLinks.stream().flatMap(l -> l.linksFor(activity).stream()).toList() : List.of());
        model.addAttribute("history", inspections.history(id));
        model.addAttribute("findingKinds", FindingKind.values());
        if (!model.containsAttribute("findingForm")) {
            model.addAttribute("findingForm", new FindingForm());
        }
        FormErrors errors = model.getAttribute("findingErrors") instanceof FormErrors e ? e : FormErrors.none();
        errors.show(model, FindingForm.FIELD_ORDER);
        return "activity/show";
    }

    @GetMapping("/local-authorities/{urn}/activities/new")
    @LaEditor
    String newActivity(@PathVariable int urn, @RequestParam(name = "type", required = false) String type, Model model) {
        LocalAuthority la = editableLa(urn);
        ActivityForm form = new ActivityForm();
        form.setType(type);
        return form(model, la, form, FormErrors.none(), null);
    }

    @PostMapping("/local-authorities/{urn}/activities")
    @LaEditor
    String create(@PathVariable int urn, @ModelAttribute("form") ActivityForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        LocalAuthority la = editableLa(urn);
        FormErrors errors = FormErrors.none();
        ActivityCommand command = form.toCommand(errors);
        if (command != null) {
            try {
                UUID id = inspections.create(urn, command);
                redirect.addFlashAttribute("banner", "activity.created");
                return "redirect:/activities/" + id;
            } catch (InvalidInputException e) {
                errors.addAll(e, f -> ActivityForm.fieldId(f));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, la, form, errors, null);
    }

    @GetMapping("/activities/{id}/edit")
    @LaEditor
    String edit(@PathVariable UUID id, Model model) {
        InspectionActivity activity = editableActivity(id);
        return form(model, inspections.localAuthority(activity.laUrn()), ActivityForm.of(activity), FormErrors.none(), activity);
    }

    @PostMapping("/activities/{id}")
    @LaEditor
    String update(@PathVariable UUID id, @ModelAttribute("form") ActivityForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        InspectionActivity activity = editableActivity(id);
        FormErrors errors = FormErrors.none();
        ActivityCommand command = form.toCommand(errors);
        if (command != null) {
            try {
                inspections.update(id, form.getVersion(), command);
                redirect.addFlashAttribute("banner", "activity.updated");
                return "redirect:/activities/" + id;
            } catch (InvalidInputException e) {
                errors.addAll(e, f -> ActivityForm.fieldId(f));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, inspections.localAuthority(activity.laUrn()), form, errors, activity);
    }

    @PostMapping("/activities/{id}/findings")
    @LaEditor
    String addFinding(@PathVariable UUID id, @ModelAttribute("findingForm") FindingForm findingForm, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        editableActivity(id);
        try {
            inspections.addFinding(id, findingForm.kind(), findingForm.getText(), findingForm.getFrameworkReference());
            redirect.addFlashAttribute("banner", "finding.added");
            return "redirect:/activities/" + id + "#findings";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("findingErrors", FormErrors.of(e));
            return show(id, model);
        }
    }

    @GetMapping("/activities/{id}/findings/{findingId}/edit")
    @LaEditor
    String editFinding(@PathVariable UUID id, @PathVariable UUID findingId, Model model) {
        InspectionActivity activity = editableActivity(id);
        Finding finding = activity.findings().stream().filter(f -> f.id().equals(findingId)).findFirst()
                .orElseThrow(() -> new org.oversight.shared.problem.NotFoundException("Activity " + id + " has no finding " + findingId));
        return findingPage(model, activity, FindingForm.of(finding), findingId, FormErrors.none());
    }

    @PostMapping("/activities/{id}/findings/{findingId}")
    @LaEditor
    String updateFinding(@PathVariable UUID id, @PathVariable UUID findingId, @ModelAttribute("findingForm") FindingForm form,
                         Model model, HttpServletResponse response, RedirectAttributes redirect) {
        InspectionActivity activity = editableActivity(id);
        try {
            inspections.updateFinding(id, findingId, form.kind(), form.getText(), form.getFrameworkReference());
            redirect.addFlashAttribute("banner", "finding.updated");
            return "redirect:/activities/" + id + "#findings";
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return findingPage(model, activity, form, findingId, FormErrors.of(e));
        }
    }

    @PostMapping("/activities/{id}/findings/{findingId}/delete")
    @LaEditor
    String deleteFinding(@PathVariable UUID id, @PathVariable UUID findingId, RedirectAttributes redirect) {
        editableActivity(id);
        inspections.deleteFinding(id, findingId);
        redirect.addFlashAttribute("banner", "finding.removed");
        return "redirect:/activities/" + id + "#findings";
    }

    private String findingPage(Model model, InspectionActivity activity, FindingForm form, UUID findingId, FormErrors errors) {
        model.addAttribute("a", activity);
        model.addAttribute("findingForm", form);
        model.addAttribute("findingId", findingId);
        model.addAttribute("findingKinds", FindingKind.values());
        errors.show(model, FindingForm.FIELD_ORDER);
        return "activity/finding-edit";
    }


    private String form(Model model, LocalAuthority la, ActivityForm form, FormErrors errors, InspectionActivity existing) {
        model.addAttribute("la", la);
        model.addAttribute("form", form);
        errors.show(model, ActivityForm.FIELD_ORDER);
        model.addAttribute("existing", existing);
        model.addAttribute("activityTypes", ActivityType.values());
        model.addAttribute("areas", JudgementArea.values());
        model.addAttribute("grades", Grade.values());
        model.addAttribute("eras", JudgementEra.values());
        return "activity/form";
    }

    private LocalAuthority editableLa(int urn) {
        LocalAuthority la = inspections.localAuthority(urn);
        if (!currentUser.canEdit(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s managers and staff can add its activities");
        }
        return la;
    }

    private InspectionActivity editableActivity(UUID id) {
        InspectionActivity activity = inspections.visibleActivity(id);
        if (!currentUser.canEdit(activity.laId())) {
            throw new AccessDeniedException("Only " + activity.laName() + "'s managers and staff can change its activities");
        }
        return activity;
    }
}
