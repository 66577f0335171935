package org.oversight.improvement.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.shared.problem.ProblemText;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.AccessRules.LaMember;
import org.oversight.access.CurrentUser;
import org.oversight.improvement.PlanService;
import org.oversight.improvement.domain.BodyKind;
import org.oversight.inspection.InspectionService;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An LA's plans and its governance: boards and committees, their meetings, and which plans each oversees. */
@Controller
class GovernancePages {

    private final PlanService plans;
    private final InspectionService inspections;
    private final CurrentUser currentUser;

    GovernancePages(PlanService plans, InspectionService inspections, CurrentUser currentUser) {
        this.plans = plans;
        this.inspections = inspections;
        this.currentUser = currentUser;
    }

    @GetMapping("/local-authorities/{urn}/plans")
    @LaMember
    String page(@PathVariable int urn, Model model) {
        LocalAuthority la = inspections.localAuthority(urn);
        model.addAttribute("la", la);
        var laPlans = plans.plansOf(urn);
        var bodies = plans.bodies(la.id());
        model.addAttribute("plans", laPlans);
        model.addAttribute("bodies", bodies);
        model.addAttribute("bodyChoices", bodies.stream().map(b -> new Choice(b.id().toString(), b.name())).toList());
        model.addAttribute("planChoices", laPlans.stream().map(p -> new Choice(p.id().toString(), p.title())).toList());
        model.addAttribute("canManage", currentUser.canManage(la.id()));
        model.addAttribute("kinds", BodyKind.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        model.addAttribute("meeting", model.containsAttribute("meeting") ? model.getAttribute("meeting") : new PlanPages.DateInputs());
        FormErrors.in(model).show(model, List.of("name", "bodyId", "startDate-day", "planId"));
        return "plans/governance";
    }

    @PostMapping("/local-authorities/{urn}/governance/bodies")
    @LaManager
    String addBody(@PathVariable int urn, @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = inspections.localAuthority(urn);
        try {
            plans.addBody(la.id(), name, PlanPages.parse(BodyKind.class, kind));
            redirect.addFlashAttribute("banner", "governance.body.added");
            return "redirect:/local-authorities/" + urn + "/plans#governance";
        } catch (InvalidInputException e) {
            return invalid(urn, e, model, response);
        }
    }

    @PostMapping("/local-authorities/{urn}/governance/meetings")
    @LaManager
    String addMeeting(@PathVariable int urn, @RequestParam(required = false) UUID bodyId, PlanPages.DateInputs meeting, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = inspections.localAuthority(urn);
        FormErrors errors = FormErrors.none();
        LocalDate date = meeting.read(meeting.getStartDate(), "Date of the meeting", "startDate-day", errors);
        if (bodyId == null) {
            errors.add("bodyId", ProblemText.of("improvement.error.bodyId"));
        }
        if (!errors.any()) {
            try {
                plans.addMeeting(la.id(), bodyId, date);
                redirect.addFlashAttribute("banner", "governance.meeting.added");
                return "redirect:/local-authorities/" + urn + "/plans#governance";
            } catch (InvalidInputException e) {
                errors.addAll(e, f -> f.equals("meetingDate") ? "startDate-day" : f);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        model.addAttribute("meeting", meeting);
        return page(urn, model);
    }

    @PostMapping("/local-authorities/{urn}/governance/oversight")
    @LaManager
    String oversee(@PathVariable int urn, @RequestParam(required = false) UUID planId, @RequestParam(required = false) UUID bodyId,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (planId == null || bodyId == null) {
            FormErrors errors = FormErrors.none();
            if (planId == null) {
                errors.add("planId", ProblemText.of("improvement.error.planId"));
            }
            if (bodyId == null) {
                errors.add("bodyId", ProblemText.of("improvement.error.bodyId"));
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors);
            return page(urn, model);
        }
        plans.oversee(planId, bodyId);
        redirect.addFlashAttribute("banner", "governance.oversight.added");
        return "redirect:/local-authorities/" + urn + "/plans#governance";
    }

    private String invalid(int urn, InvalidInputException e, Model model, HttpServletResponse response) {
        FormErrors errors = FormErrors.of(e);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        return page(urn, model);
    }
}
