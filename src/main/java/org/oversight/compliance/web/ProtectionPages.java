package org.oversight.compliance.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.oversight.access.AccessRules.ChildDataReader;
import org.oversight.access.AccessRules.National;
import org.oversight.access.CurrentUser;
import org.oversight.access.Purpose;
import org.oversight.compliance.protection.FrontDoor;
import org.oversight.compliance.protection.FrontDoor.Fact;
import org.oversight.compliance.protection.FrontDoor.Owner;
import org.oversight.compliance.protection.FrontDoor.Period;
import org.oversight.compliance.protection.FrontDoor.Result;
import org.oversight.compliance.protection.FrontDoor.Summary;
import org.oversight.compliance.protection.HelpAndProtection;
import org.oversight.compliance.protection.HelpAndProtection.Headline;
import org.oversight.compliance.protection.HelpAndProtection.View;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.web.ChartBar;
import org.oversight.shared.web.ChartCount;
import org.oversight.shared.web.CsvResponse;
import org.oversight.shared.web.NonInteractive;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Help and protection pages: an LA's front door for a period (funnel, measures, teams), a team (its workers), a worker
 * (their children), the step-downs to early help, a child's journey (opened with a purpose, logged), the CSV, and
 * England's figures by region for national analysts.
 */
@Controller
@ChildDataReader
class ProtectionPages {

    /** The path segment for facts whose team or worker the data does not record. */
    static final String NOT_RECORDED = "not-recorded";

    private final HelpAndProtection protection;
    private final LocalAuthorities localAuthorities;
    private final MessageSource messages;
    private final CurrentUser currentUser;
    private final PurposeQuestion purposes;
    private final org.oversight.compliance.ComplianceService compliance;

    ProtectionPages(HelpAndProtection protection, LocalAuthorities localAuthorities, MessageSource messages, CurrentUser currentUser,
                    PurposeQuestion purposes, org.oversight.compliance.ComplianceService compliance) {
        this.purposes = purposes;
        this.compliance = compliance;
        this.protection = protection;
        this.localAuthorities = localAuthorities;
        this.messages = messages;
        this.currentUser = currentUser;
    }

    @GetMapping("/local-authorities/{urn}/help-and-protection")
    String frontDoor(@PathVariable int urn, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalAuthority la = page(urn, model);
        Headline view = protection.headline(la.id(), from, to).orElse(null);
        model.addAttribute("view", view);
        model.addAttribute("canEdit", currentUser.canEdit(la.id()));
        if (view != null) {
            summary(view.period(), view.summary(), Result.all(), model);
            Summary r = view.summary();
            model.addAttribute("teams", r.teams().stream().map(t -> new Row(t, r.figures(Result.team(t.team())), r.caseload(t.team(), null)))
                    .toList());
            model.addAttribute("stepDownCount", r.stepDowns());
        }
        return "compliance/protection";
    }

    @GetMapping("/local-authorities/{urn}/help-and-protection/teams/{team}")
    String team(@PathVariable int urn, @PathVariable String team,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalAuthority la = page(urn, model);
        Headline view = require(protection.headline(la.id(), from, to));
        String id = id(team);
        Summary r = view.summary();
        Owner owner = r.teams().stream().filter(t -> t.team().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No team " + team + " in the help and protection data of the period"));
        model.addAttribute("view", view);
        model.addAttribute("team", owner);
        summary(view.period(), r, Result.team(id), model);
        model.addAttribute("workers", r.workers(id).stream().map(w -> new Row(w, r.figures(Result.worker(id, w.worker())), r.caseload(id, w.worker())))
                .toList());
        return "compliance/protection-team";
    }

    @GetMapping("/local-authorities/{urn}/help-and-protection/teams/{team}/workers/{worker}")
    String worker(@PathVariable int urn, @PathVariable String team, @PathVariable String worker,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalAuthority la = page(urn, model);
        View view = require(protection.frontDoor(la.id(), from, to));
        String t = id(team);
        String w = id(worker);
        Result r = view.result();
        Summary figures = r.summary(view.findings());
        Owner owner = figures.workers(t).stream().filter(o -> o.worker().equals(w)).findFirst()
                .orElseThrow(() -> new NotFoundException("No worker " + worker + " in team " + team + " in the period"));
        model.addAttribute("view", view);
        model.addAttribute("owner", owner);
        summary(view.period(), figures, Result.worker(t, w), model);
        model.addAttribute("children", r.children(Result.worker(t, w)));
        model.addAttribute("caseload", figures.caseload(t, w));
        return "compliance/protection-worker";
    }

    @GetMapping("/local-authorities/{urn}/help-and-protection/step-downs")
    String stepDowns(@PathVariable int urn, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalAuthority la = page(urn, model);
        View view = require(protection.frontDoor(la.id(), from, to));
        model.addAttribute("view", view);
        model.addAttribute("reasons", String.join(", ", protection.stepDownReasons().stream().sorted().toList()));
        summary(view.period(), view.result().summary(view.findings()), Result.all(), model);
        return "compliance/protection-step-downs";
    }

    @GetMapping("/local-authorities/{urn}/help-and-protection/children/{child}")
    String child(@PathVariable int urn, @PathVariable String child, @RequestParam(required = false) String purpose,
                 @RequestParam(required = false) String asked, HttpSession session, Model model, HttpServletResponse response) {
        LocalAuthority la = page(urn, model);
        protection.checkReadable(la.id());
        Purpose why = purposes.answer(purpose, asked, child, "/local-authorities/" + la.urn() + "/help-and-protection/children/" + child,
                "/local-authorities/" + la.urn() + "/help-and-protection", session, model, response);
        if (why == null) {
            return PurposeQuestion.PAGE;
        }
        model.addAttribute("child", protection.child(la.id(), child, why));
        model.addAttribute("purpose", why);
        // the later part of the child's journey: their record as a child looked after or a care leaver, when the SSDA903 data holds it
        model.addAttribute("hasCareRecord", compliance.hasRecord(la.id(), child));
        return "compliance/protection-child";
    }

    @GetMapping("/local-authorities/{urn}/help-and-protection.csv")
    @org.oversight.access.AccessRules.LaEditor
    @NonInteractive(NonInteractive.Kind.EXPORT)
    void csv(@PathVariable int urn, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response) throws IOException {
        LocalAuthority la = localAuthorities.get(urn);
        View view = protection.export(la.id(), from, to).orElseThrow(() -> new NotFoundException("No help and protection data has been imported"));
        CsvResponse.write(response, "help-and-protection-" + la.laCode() + "-" + view.period().from() + "-to-" + view.period().to() + ".csv",
                List.of("measure", "child", "record", "date", "counts_as", "team", "worker"), csv -> {
                    for (Fact f : view.result().facts()) {
                        csv.printRecord(f.measure().name(), f.child(), f.subject(), Dates.format(f.date()), f.hit() ? "yes" : "no",
                                f.owner().teamName(), f.owner().workerName());
                    }
                });
    }

    @GetMapping("/help-and-protection/national")
    @National
    String national(Model model) {
        var national = protection.national();
        model.addAttribute("national", national);
        model.addAttribute("steps", FrontDoor.Step.values());
        model.addAttribute("headline", HEADLINE);
        return "compliance/protection-national";
    }

    /** The measures the national table shows (the others are on each LA's page). */
    static final List<FrontDoor.Measure> HEADLINE = List.of(FrontDoor.Measure.RE_REFERRALS, FrontDoor.Measure.ASSESSMENTS_IN_TIME,
            FrontDoor.Measure.ICPC_IN_TIME, FrontDoor.Measure.REPEAT_PLANS, FrontDoor.Measure.CP_VISITS_IN_TIME,
            FrontDoor.Measure.STEP_DOWN_EARLY_HELP_STARTED, FrontDoor.Measure.STEP_DOWN_STEPPED_UP);

    /** A team or worker with their figures and open cases at the end of the period. */
    record Row(Owner owner, List<FrontDoor.Figure> figures, long caseload) {
        public String path(String kind) {
            String v = kind.equals("team") ? owner.team() : owner.worker();
            return v.isEmpty() ? NOT_RECORDED : v;
        }

        public FrontDoor.Figure figure(String measure) {
            return figures.stream().filter(f -> f.measure().name().equals(measure)).findFirst().orElseThrow();
        }
    }

    private LocalAuthority page(int urn, Model model) {
        LocalAuthority la = localAuthorities.get(urn);
        model.addAttribute("la", la);
        return la;
    }

    private void summary(Period period, Summary r, Predicate<Owner> who, Model model) {
        var funnel = r.funnel(who);
        model.addAttribute("funnel", funnel);
        model.addAttribute("funnelBars", ChartCount.scaled(funnel.stream().map(s -> text("protection.step." + s.step())).toList(),
                funnel.stream().map(FrontDoor.FunnelStep::count).toList()));
        var figures = r.figures(who);
        model.addAttribute("figures", figures);
        model.addAttribute("figureBars", figures.stream().filter(f -> f.percent() != null)
                .map(f -> new ChartBar(text("protection.measure." + f.measure()), f.percent())).toList());
        model.addAttribute("period", period);
        model.addAttribute("from", period.from());
        model.addAttribute("to", period.to());
        model.addAttribute("rules", Arrays.asList(org.oversight.compliance.protection.ProtectionTimescales.RULES.toArray(String[]::new)));
    }

    private static <T> T require(java.util.Optional<T> view) {
        return view.orElseThrow(() -> new NotFoundException("No help and protection data has been imported"));
    }

    private static String id(String segment) {
        return NOT_RECORDED.equals(segment) ? Owner.NONE : segment;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, Locale.UK);
    }
}
