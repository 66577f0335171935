package org.oversight.audit.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.AdminOnly;
import org.oversight.access.AccessRules.SignedIn;
import org.oversight.access.CurrentUser;
import org.oversight.access.Role;
import org.oversight.audit.AuditTemplates;
import org.oversight.audit.domain.AuditTemplate;
import org.oversight.audit.domain.JudgementArea;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Audit forms: every version readable by signed-in users; administrators edit (new version) or copy them. */
@Controller
class TemplatePages {

    private final AuditTemplates templates;
    private final CurrentUser currentUser;

    TemplatePages(AuditTemplates templates, CurrentUser currentUser) {
        this.templates = templates;
        this.currentUser = currentUser;
    }

    private boolean admin() {
        return currentUser.get().filter(u -> u.role() == Role.ADMIN).isPresent();
    }

    @GetMapping("/audit-templates")
    @SignedIn
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("canEdit", admin());
        return "audits/templates";
    }

    @GetMapping("/audit-templates/{id}")
    @SignedIn
    String show(@PathVariable UUID id, Model model) {
        AuditTemplate t = templates.get(id);
        model.addAttribute("t", t);
        model.addAttribute("canEdit", admin());
        return "audits/template";
    }

    @GetMapping("/audit-templates/{id}/edit")
    @AdminOnly
    String edit(@PathVariable UUID id, Model model) {
        AuditTemplate t = templates.get(id);
        List<AuditTemplates.QuestionEdit> rows = new ArrayList<>(t.questions().stream().map(q -> new AuditTemplates.QuestionEdit(q.id(),
                q.area().name(), q.theme(), q.text(), q.guidance(), q.source())).toList());
        rows.add(new AuditTemplates.QuestionEdit("", "", "", "", "", ""));
        return form(t, t.name(), t.description(), rows, FormErrors.none(), model);
    }

    private String form(AuditTemplate t, String name, String description, List<AuditTemplates.QuestionEdit> rows, FormErrors errors, Model model) {
        model.addAttribute("t", t);
        model.addAttribute("name", name);
        model.addAttribute("description", description);
        model.addAttribute("rows", rows);
        model.addAttribute("areas", JudgementArea.values());
        model.addAttribute("errors", errors);
        List<String> order = new ArrayList<>(List.of("name"));
        for (int i = 0; i < rows.size(); i++) {
            for (String f : List.of("id", "area", "theme", "text")) {
                order.add("q" + i + "-" + f);
            }
        }
        model.addAttribute("errorList", errors.ordered(order));
        return "audits/template-edit";
    }

    @PostMapping("/audit-templates/{id}/edit")
    @AdminOnly
    String save(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        AuditTemplate t = templates.get(id);
        List<AuditTemplates.QuestionEdit> rows = new ArrayList<>();
        for (int i = 0; params.containsKey("q" + i + "-text") || params.containsKey("q" + i + "-id"); i++) {
            rows.add(new AuditTemplates.QuestionEdit(params.get("q" + i + "-id"), params.get("q" + i + "-area"), params.get("q" + i + "-theme"),
                    params.get("q" + i + "-text"), params.get("q" + i + "-guidance"), params.get("q" + i + "-source")));
        }
        boolean copy = "copy".equals(params.get("as"));
        try {
            UUID saved = templates.saveEdited(id, params.get("name"), params.get("description"), rows, copy ? params.get("name") : null);
            redirect.addFlashAttribute("banner", copy ? "audit.template.copied" : "audit.template.versioned");
            return "redirect:/audit-templates/" + saved;
        } catch (InvalidInputException e) {
            FormErrors errors = FormErrors.of(e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(t, params.get("name"), params.get("description"), rows, errors, model);
        }
    }
}
