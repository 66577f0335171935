package org.oversight.childdata.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.MachineTokens;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An LA's managers make API tokens for their LA's own system (to send DfE children's social care payloads), see each
 * token with when it was last used and the latest uses and refusals, and revoke one. A new token is shown once.
 */
@Controller
@LaManager
class ApiTokenPages {

    private final MachineTokens tokens;
    private final LocalAuthorities localAuthorities;

    ApiTokenPages(MachineTokens tokens, LocalAuthorities localAuthorities) {
        this.tokens = tokens;
        this.localAuthorities = localAuthorities;
    }

    @GetMapping("/local-authorities/{urn}/api-tokens")
    String page(@PathVariable int urn, Model model) {
        return page(localAuthorities.get(urn), model, FormErrors.none(), null, null);
    }

    @PostMapping("/local-authorities/{urn}/api-tokens")
    String create(@PathVariable int urn, @RequestParam(required = false) String name, Model model, HttpServletResponse response) {
        LocalAuthority la = localAuthorities.get(urn);
        try {
            MachineTokens.Created created = tokens.create(la.id(), name);
            response.setHeader("Cache-Control", "no-store");
            return page(la, model, FormErrors.none(), null, created);
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(la, model, FormErrors.of(e), name, null);
        }
    }

    @PostMapping("/local-authorities/{urn}/api-tokens/{id}/revoke")
    String revoke(@PathVariable int urn, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(localAuthorities.get(urn).id(), id);
        redirect.addFlashAttribute("revoked", Boolean.TRUE);
        return "redirect:/local-authorities/" + urn + "/api-tokens";
    }

    private String page(LocalAuthority la, Model model, FormErrors errors, String name, MachineTokens.Created created) {
        model.addAttribute("la", la);
        model.addAttribute("tokens", tokens.ofLa(la.id()));
        model.addAttribute("events", tokens.events(la.id(), 20));
        model.addAttribute("name", name);
        model.addAttribute("created", created);
        errors.show(model, List.of("name"));
        return "childdata/api-tokens";
    }
}
