package org.oversight.inspection.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.CurrentUser;
import org.oversight.access.InspectorGrants;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.Dates;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.Choices;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An LA manager grants named inspectors read-only access to the LA's child-level data for an activity's on-site dates. */
@Controller
@LaManager
class InspectorAccessPages {

    private final InspectionService inspections;
    private final InspectorGrants grants;
    private final CurrentUser currentUser;
    private final Choices choices;

    InspectorAccessPages(InspectionService inspections, InspectorGrants grants, CurrentUser currentUser, Choices choices) {
        this.inspections = inspections;
        this.grants = grants;
        this.currentUser = currentUser;
        this.choices = choices;
    }

    @GetMapping("/local-authorities/{urn}/inspector-access")
    String page(@PathVariable int urn, Model model) {
        return page(inspections.localAuthority(urn), model, FormErrors.none(), null, null);
    }

    @PostMapping("/local-authorities/{urn}/inspector-access")
    String grant(@PathVariable int urn, @RequestParam(required = false) String inspector, @RequestParam(required = false) UUID activity,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        LocalAuthority la = inspections.localAuthority(urn);
        try {
            InspectionActivity chosen = activity == null ? null : currentActivities(la).stream().filter(a -> a.id().equals(activity))
                    .findFirst().orElse(null);
            if (chosen == null) {
                throw new InvalidInputException(List.of(FieldProblem.of("activity", "inspector.error.activity")));
            }
            grants.grant(la.id(), chosen.id(), chosen.startDate(), chosen.endDate(), inspector, currentUser);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(la, model, FormErrors.of(e), inspector, activity);
        }
        redirect.addFlashAttribute("granted", Boolean.TRUE);
        return "redirect:/local-authorities/" + urn + "/inspector-access";
    }

    @PostMapping("/local-authorities/{urn}/inspector-access/{id}/end")
    String end(@PathVariable int urn, @PathVariable UUID id) {
        grants.revoke(inspections.localAuthority(urn).id(), id, currentUser);
        return "redirect:/local-authorities/" + urn + "/inspector-access";
    }

    private String page(LocalAuthority la, Model model, FormErrors errors, String inspector, UUID activity) {
        model.addAttribute("la", la);
        model.addAttribute("grants", grants.ofLa(la.id(), currentUser));
        model.addAttribute("today", grants.today());
        model.addAttribute("inspectorChoices", grants.inspectors().stream().map(i -> new Choice(i.username(), i.displayName())).toList());
        model.addAttribute("activityChoices", currentActivities(la).stream().map(a -> new Choice(a.id().toString(), choices.message(
                "inspector.activity.option", choices.message("activity.type." + a.type()), Dates.format(a.startDate()), Dates.format(a.endDate()))))
                .toList());
        model.addAttribute("inspector", inspector);
        model.addAttribute("activity", activity);
        errors.show(model, List.of("inspector", "activity"));
        return "activity/inspector-access";
    }

    private List<InspectionActivity> currentActivities(LocalAuthority la) {
        return inspections.visibleActivities(la.id()).stream()
                .filter(a -> a.endDate() != null && !a.endDate().isBefore(grants.today())).toList();
    }
}
