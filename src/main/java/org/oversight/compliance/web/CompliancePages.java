package org.oversight.compliance.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.AccessRules.National;
import org.oversight.compliance.ComplianceService;
import org.oversight.compliance.domain.Compliance;
import org.oversight.access.Purpose;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.web.ChartBar;
import org.oversight.shared.web.CsvResponse;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An LA's timescale compliance from its current child-level data: by timescale, by team (then worker) and child, with
 * every view of a child's record logged; the CSV export; the national picture for analysts.
 */
@Controller
@LaEditor
class CompliancePages {

    private final ComplianceService compliance;
    private final org.oversight.compliance.ComplianceFigures figures;
    private final LocalAuthorities localAuthorities;
    private final MessageSource messages;
    private final org.oversight.access.CurrentUser currentUser;

    private final PurposeQuestion purposes;
    private final org.oversight.compliance.protection.HelpAndProtection protection;

    CompliancePages(ComplianceService compliance, org.oversight.compliance.ComplianceFigures figures, LocalAuthorities localAuthorities,
                    MessageSource messages, org.oversight.access.CurrentUser currentUser, PurposeQuestion purposes,
                    org.oversight.compliance.protection.HelpAndProtection protection) {
        this.purposes = purposes;
        this.protection = protection;
        this.figures = figures;
        this.currentUser = currentUser;
        this.compliance = compliance;
        this.localAuthorities = localAuthorities;
        this.messages = messages;
    }

    @GetMapping("/local-authorities/{urn}/compliance")
    @org.oversight.access.AccessRules.ChildDataReader
    String dashboard(@PathVariable int urn, Model model) {
        LocalAuthority la = localAuthorities.get(urn);
        model.addAttribute("la", la);
        compliance.openDashboard(la.id());
        // The figures stored for the current data (computed when it was imported), not computed per request.
        var dashboard = figures.current(la.id()).orElse(null);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("trend", dashboard == null ? List.of() : figures.trend(la.id()));
        model.addAttribute("canEdit", currentUser.canEdit(la.id()));
        model.addAttribute("canManage", currentUser.canManage(la.id()));
        if (dashboard != null) {
            model.addAttribute("ruleBars", dashboard.figures().stream().filter(f -> f.measured() > 0)
                    .map(f -> new ChartBar(ruleName(f.ruleId()), f.percent())).toList());
            model.addAttribute("teamBars", dashboard.teams().stream().map(t -> new ChartBar(t.name(), t.percent())).toList());
        }
        return "compliance/dashboard";
    }

    @GetMapping("/local-authorities/{urn}/compliance/teams/{team}")
    @org.oversight.access.AccessRules.ChildDataReader
    String team(@PathVariable int urn, @PathVariable String team, Model model) {
        LocalAuthority la = localAuthorities.get(urn);
        model.addAttribute("la", la);
        model.addAttribute("team", compliance.team(la.id(), team));
        return "compliance/team";
    }

    @GetMapping("/compliance/national")
    @National
    String national(Model model) {
        var figures = this.figures.national();
        model.addAttribute("figures", figures);
        Map<String, long[]> regions = new TreeMap<>();
        long[] england = new long[4];
        for (var f : figures) {
            long[] r = regions.computeIfAbsent(f.region(), k -> new long[4]);
            for (long[] t : new long[][] {r, england}) {
                t[0] += f.childrenInCare();
                t[1] += f.reviewsCompliant();
                t[2] += f.careLeavers();
                t[3] += f.careLeaversInTouch();
            }
        }
        model.addAttribute("regions", regions);
        model.addAttribute("england", england);
        return "compliance/national";
    }

    @GetMapping("/local-authorities/{urn}/compliance.csv")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    void csv(@PathVariable int urn, HttpServletResponse response) throws IOException {
        LocalAuthority la = localAuthorities.get(urn);
        var dashboard = compliance.dashboard(la.id()).orElseThrow(() -> new NotFoundException("No child-level data has been imported"));
        compliance.logExport(la.id(), "compliance CSV export");
        List<String> rules = new ArrayList<>(ComplianceService.IN_CARE_RULES);
        rules.addAll(ComplianceService.LEAVER_RULES);
        List<String> columns = new ArrayList<>(List.of("child", "group", "age", "team", "worker", "looked_after_from"));
        for (String r : rules) {
            columns.add(r + " next_due");
            columns.add(r + " days_overdue");
            columns.add(r + " within_timescale");
        }
        CsvResponse.write(response, "compliance-" + la.laCode() + ".csv", columns, csv -> {
            for (var c : dashboard.children()) {
                List<Object> row = new ArrayList<>(List.of(c.childRef(), c.cohort().name(), c.age(), c.team(), c.worker(),
                        Dates.format(c.lookedAfterFrom())));
                for (String r : rules) {
                    Compliance rc = c.rule(r);
                    row.add(rc == null ? "" : Dates.format(rc.nextDue()));
                    row.add(rc == null ? "" : rc.overdueDays());
                    row.add(rc == null ? (c.unknown().contains(r) ? "not known" : "") : rc.compliant() ? "yes" : "no");
                }
                csv.printRecord(row);
            }
        });
    }

    @GetMapping("/local-authorities/{urn}/children/{childRef}")
    @org.oversight.access.AccessRules.ChildDataReader
    String child(@PathVariable int urn, @PathVariable String childRef,
                 @org.springframework.web.bind.annotation.RequestParam(required = false) String purpose,
                 @org.springframework.web.bind.annotation.RequestParam(required = false) String asked,
                 jakarta.servlet.http.HttpSession session, Model model, HttpServletResponse response) {
        LocalAuthority la = localAuthorities.get(urn);
        compliance.checkReadable(la.id());
        model.addAttribute("la", la);
        Purpose why = purposes.answer(purpose, asked, childRef, null, null, session, model, response);
        if (why == null) {
            return PurposeQuestion.PAGE; // sensitive: ask why before opening the record; the answer is kept in the access log
        }
        // the record with the whole journey from both stores, oldest first (the same fragment and function as the
        // help-and-protection page): one view, one access-log entry
        var seen = compliance.childWithJourney(la.id(), childRef, why);
        var child = seen.record();
        model.addAttribute("child", child);
        model.addAttribute("purpose", why);
        // the earlier part of the child's journey (contacts, early help, referrals), when the whole-journey data holds it
        model.addAttribute("hasJourney", protection.hasJourney(la.id(), childRef));
        model.addAttribute("chronology", seen.journey());
        model.addAttribute("unknownNames", child.unknown().stream().map(this::ruleName).toList());
        return "compliance/child";
    }

    /**
     * The child's journey from both stores as CSV (dd/mm/yyyy dates), under the same rule as the child's pages: the purpose
     * asked first (or the session's), the read logged.
     */
    @GetMapping("/local-authorities/{urn}/children/{childRef}/journey.csv")
    @org.oversight.access.AccessRules.ChildDataReader
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.EXPORT)
    org.springframework.web.servlet.ModelAndView journeyCsv(@PathVariable int urn, @PathVariable String childRef,
                                                             @org.springframework.web.bind.annotation.RequestParam(required = false) String purpose,
                                                             @org.springframework.web.bind.annotation.RequestParam(required = false) String asked,
                                                             jakarta.servlet.http.HttpSession session, Model model, HttpServletResponse response)
            throws IOException {
        LocalAuthority la = localAuthorities.get(urn);
        protection.checkReadable(la.id());
        model.addAttribute("la", la);
        String self = "/local-authorities/" + la.urn() + "/children/" + childRef + "/journey.csv";
        Purpose why = purposes.answer(purpose, asked, childRef, self, "/local-authorities/" + la.urn() + "/help-and-protection", session, model,
                response);
        if (why == null) {
            return new org.springframework.web.servlet.ModelAndView(PurposeQuestion.PAGE);
        }
        var chronology = protection.chronology(la.id(), childRef, why);
        CsvResponse.write(response, "journey-" + la.laCode() + "-" + childRef.replaceAll("[^A-Za-z0-9_-]", "_") + ".csv",
                List.of("child", "date", "what_happened", "source"), csv -> {
                    for (var l : chronology.lines()) {
                        csv.printRecord(chronology.child(), Dates.format(l.date()), l.what(), l.source());
                    }
                });
        return null;
    }

    private String ruleName(String ruleId) {
        return messages.getMessage("rule.name." + ruleId, null, ruleId, LocaleContextHolder.getLocale());
    }
}
