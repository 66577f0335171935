package org.oversight.compliance.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.AdminOnly;
import org.oversight.access.AccessRules.PublicRead;
import org.oversight.access.CurrentUser;
import org.oversight.access.Role;
import org.oversight.compliance.RuleSettings;
import org.oversight.compliance.domain.Interval;
import org.oversight.compliance.domain.TimescaleRule;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.Choices;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The statutory timescales Oversight checks, as data: statement, citation, clock, intervals in force, regime changes,
 * what data measures them, and every change an administrator has made to a configurable interval.
 */
@Controller
class RulePages {

    private static final List<String> FIELDS = List.of("regime", "amount", "unit", "reason");

    private final RuleSettings settings;
    private final CurrentUser currentUser;
    private final Choices choices;

    RulePages(RuleSettings settings, CurrentUser currentUser, Choices choices) {
        this.settings = settings;
        this.currentUser = currentUser;
        this.choices = choices;
    }

    @GetMapping("/compliance/rules")
    @PublicRead
    String rules(Model model) {
        model.addAttribute("rules", settings.current().all());
        model.addAttribute("history", settings.history());
        model.addAttribute("admin", currentUser.get().filter(u -> u.role() == Role.ADMIN).isPresent());
        return "compliance/rules";
    }

    @GetMapping("/compliance/rules/{id}/change")
    @AdminOnly
    String form(@PathVariable String id, Model model) {
        TimescaleRule rule = configurable(id);
        String regime = rule.intervals().keySet().iterator().next();
        Interval current = rule.intervals().get(regime);
        return form(model, rule, regime, String.valueOf(current.amount()), current.unit().name(), "", FormErrors.none());
    }

    @PostMapping("/compliance/rules/{id}/change")
    @AdminOnly
    String change(@PathVariable String id, @RequestParam(required = false) String regime, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String unit, @RequestParam(required = false) String reason, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        TimescaleRule rule = configurable(id);
        try {
            settings.change(id, regime, amount, unit, reason);
        } catch (InvalidInputException e) {
            return form(model, rule, regime, amount, unit, reason, FormErrors.of(e).show(model, response, FIELDS));
        }
        redirect.addFlashAttribute("changed", id);
        return "redirect:/compliance/rules#rule-" + id;
    }

    private TimescaleRule configurable(String id) {
        TimescaleRule rule = settings.current().find(id).orElseThrow(() -> new NotFoundException("No timescale rule " + id));
        if (!rule.configurable()) {
            throw new NotFoundException(id + " follows the law as written and cannot be changed");
        }
        return rule;
    }

    private String form(Model model, TimescaleRule rule, String regime, String amount, String unit, String reason, FormErrors errors) {
        model.addAttribute("rule", rule);
        model.addAttribute("regime", regime);
        model.addAttribute("amount", amount);
        model.addAttribute("unit", unit);
        model.addAttribute("reason", reason);
        model.addAttribute("units", Interval.Unit.values());
        model.addAttribute("regimes", rule.intervals().entrySet().stream().map(e -> new Choice(e.getKey(),
                choices.message("rules.change.regime.option", choices.message("rules.regime." + e.getKey()), e.getValue().words()))).toList());
        errors.show(model, FIELDS);
        return "compliance/rule-change";
    }
}
