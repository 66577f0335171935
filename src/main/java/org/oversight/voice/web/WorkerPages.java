package org.oversight.voice.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.AccessRules.LaMember;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.voice.FeedbackTheme;
import org.oversight.voice.PlanSection;
import org.oversight.voice.VoiceService;
import org.oversight.voice.VoiceSignIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The LA's side of the young person's voice: each young person's plan with their own words marked as theirs,
 * invitation codes, safety alerts, and the views of all its young people by theme.
 */
@Controller
class WorkerPages {

    private final VoiceService voice;
    private final VoiceSignIn signIn;
    private final LocalAuthorities authorities;
    private final org.oversight.access.CurrentUser currentUser;

    WorkerPages(VoiceService voice, VoiceSignIn signIn, LocalAuthorities authorities, org.oversight.access.CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.voice = voice;
        this.signIn = signIn;
        this.authorities = authorities;
    }

    @GetMapping("/local-authorities/{urn}/young-people")
    @LaEditor
    String list(@PathVariable int urn, Model model) {
        LocalAuthority la = la(urn);
        model.addAttribute("la", la);
        model.addAttribute("children", voice.children(la.id()));
        model.addAttribute("invited", voice.invited(la.id()));
        model.addAttribute("openAlerts", voice.openAlertCount(la.id()));
        model.addAttribute("canManage", currentUser.canManage(la.id()));
        return "voice/worker-list";
    }

    @GetMapping("/local-authorities/{urn}/young-people/{childRef}")
    @LaEditor
    String person(@PathVariable int urn, @PathVariable String childRef, Model model) {
        LocalAuthority la = la(urn);
        model.addAttribute("la", la);
        model.addAttribute("view", voice.worker(la.id(), childRef));
        model.addAttribute("invitationDays", signIn.invitationDays());
        model.addAttribute("themes", FeedbackTheme.RATED);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        FormErrors.in(model).show(model, List.of("firstName"));
        return "voice/worker-person";
    }

    @PostMapping("/local-authorities/{urn}/young-people/{childRef}/invitation")
    @LaEditor
    String invite(@PathVariable int urn, @PathVariable String childRef, @RequestParam(defaultValue = "") String firstName,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        LocalAuthority la = la(urn);
        try {
            VoiceSignIn.IssuedCode code = voice.invite(la.id(), childRef, firstName);
            redirect.addFlashAttribute("issuedCode", code);
        } catch (InvalidInputException e) {
            FormErrors errors = FormErrors.of(e);
            model.addAttribute("errors", errors);
            response.setStatus(400);
            return person(urn, childRef, model);
        }
        return "redirect:/local-authorities/" + urn + "/young-people/" + childRef + "#invitation";
    }

    @PostMapping("/local-authorities/{urn}/young-people/{childRef}/sections/{section}")
    @LaEditor
    String summary(@PathVariable int urn, @PathVariable String childRef, @PathVariable String section,
                   @RequestParam(defaultValue = "") String summary, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        LocalAuthority la = la(urn);
        try {
            voice.updateSummary(la.id(), childRef, section, summary);
        } catch (InvalidInputException e) {
            FormErrors errors = FormErrors.of(e);
            model.addAttribute("errors", errors);
            response.setStatus(400);
            return person(urn, childRef, model);
        }
        redirect.addFlashAttribute("banner", "voice.worker.summarySaved");
        return "redirect:/local-authorities/" + urn + "/young-people/" + childRef + "#section-" + section;
    }

    @GetMapping("/local-authorities/{urn}/safety-alerts")
    @LaEditor
    String alerts(@PathVariable int urn, Model model) {
        LocalAuthority la = la(urn);
        model.addAttribute("la", la);
        var alerts = voice.openAlerts(la.id());
        model.addAttribute("alerts", alerts);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        FormErrors.in(model).show(model, alerts.stream().map(a -> "action-" + a.id()).toList());
        return "voice/alerts";
    }

    @PostMapping("/local-authorities/{urn}/safety-alerts/{id}/acknowledge")
    @LaEditor
    String acknowledge(@PathVariable int urn, @PathVariable UUID id, @RequestParam(defaultValue = "") String back,
                       @RequestParam(defaultValue = "") String action, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        LocalAuthority la = la(urn);
        try {
            voice.acknowledge(la.id(), id, action);
            redirect.addFlashAttribute("banner", "voice.alerts.acknowledged");
        } catch (InvalidInputException e) {
            if (e.problems().stream().noneMatch(p -> p.field().equals("alert"))) {
                // what was done is missing or too long: the open alerts again, this one's box with its error and words
                model.addAttribute("errors", FormErrors.of(e));
                model.addAttribute("actionTyped", java.util.Map.of(id, action));
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                return alerts(urn, model);
            }
            redirect.addFlashAttribute("banner", "voice.alerts.already");
        }
        return back.startsWith("/local-authorities/" + urn + "/") ? "redirect:" + back : "redirect:/local-authorities/" + urn + "/safety-alerts";
    }

    @GetMapping("/local-authorities/{urn}/young-peoples-views")
    @LaMember
    String views(@PathVariable int urn, Model model) {
        LocalAuthority la = la(urn);
        model.addAttribute("la", la);
        model.addAttribute("views", voice.views(la.id()));
        model.addAttribute("sections", PlanSection.values());
        return "voice/views";
    }

    private LocalAuthority la(int urn) {
        return authorities.get(urn);
    }
}
