package org.oversight.compliance.web;

import org.oversight.access.AccessRules.PublicRead;
import org.oversight.compliance.domain.TimescaleRules;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The statutory timescales Oversight checks, as data: statement, citation, clock, intervals, regime changes. */
@Controller
@PublicRead
class RulePages {

    private final TimescaleRules rules = TimescaleRules.bundled();

    @GetMapping("/compliance/rules")
    String rules(Model model) {
        model.addAttribute("rules", rules.all());
        return "compliance/rules";
    }
}
