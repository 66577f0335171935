package org.oversight.audit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.AccessRules.LaMember;
import org.oversight.audit.AuditService;
import org.oversight.audit.AuditTemplates;
import org.oversight.audit.AuditViews;
import org.oversight.audit.domain.AuditGrade;
import org.oversight.audit.domain.Question;
import org.oversight.audit.domain.SamplingMethod;
import org.oversight.audit.domain.SamplingRule;
import org.oversight.register.LocalAuthority;
import org.oversight.access.UserAccounts;
import org.oversight.improvement.PlanService;
import org.oversight.shared.problem.ProblemText;
import org.oversight.shared.web.Choice;
import org.oversight.shared.web.Choices;
import org.oversight.shared.web.FormErrors;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Case-audit pages of an LA: programmes, the sample, each audit with its moderation, findings and the roll-up. */
@Controller
class AuditPages {

    private final AuditService audits;
    private final AuditTemplates templates;

    private final Choices choices;
    private final Clock clock;

    AuditPages(AuditService audits, AuditTemplates templates, Choices choices, Clock clock) {
        this.audits = audits;
        this.templates = templates;
        this.choices = choices;
        this.clock = clock;
    }

    @GetMapping("/local-authorities/{urn}/audits")
    @LaMember
    String index(@PathVariable int urn, Model model) {
        LocalAuthority la = audits.localAuthority(urn);
        model.addAttribute("la", la);
        model.addAttribute("programmes", audits.programmes(la.id()));
        model.addAttribute("canRun", audits.canRun(la.id()));
        model.addAttribute("canAudit", audits.canAudit(la.id()));
        return "audits/index";
    }

    @GetMapping("/local-authorities/{urn}/audits/new")
    @LaManager
    String newProgramme(@PathVariable int urn, Model model) {
        LocalAuthority la = audits.localAuthority(urn);
        ProgrammeForm form = new ProgrammeForm();
        LocalDate today = LocalDate.now(clock);
        form.setPeriodStart(org.oversight.shared.web.DateInput.of(today.withDayOfMonth(1)));
        form.setPeriodEnd(org.oversight.shared.web.DateInput.of(today.withDayOfMonth(1).plusMonths(1).minusDays(1)));
        return programmeForm(la, form, FormErrors.none(), model);
    }

    private String programmeForm(LocalAuthority la, ProgrammeForm form, FormErrors errors, Model model) {
        model.addAttribute("la", la);
        model.addAttribute("form", form);
        errors.show(model, List.of("title", "templateId", "periodStart-day", "periodEnd-day", "auditors", "moderators", "rule", "method",
                "sampleSize", "seed"));
        model.addAttribute("templateChoices", templates.latest().stream().map(t -> new Choice(t.id().toString(),
                choices.message("audit.formVersion", t.name(), t.versionNo()), t.description(), t.family())).toList());
        List<UserAccounts.Member> people = audits.people(la.id());
        model.addAttribute("auditorChoices", people.stream().map(AuditPages::person).toList());
        model.addAttribute("moderatorChoices", people.stream().filter(UserAccounts.Member::manager).map(AuditPages::person).toList());
        model.addAttribute("hasChildData", audits.hasChildData(la.id()));
        model.addAttribute("rules", SamplingRule.values());
        model.addAttribute("methods", SamplingMethod.values());
        return "audits/new";
    }

    private static Choice person(UserAccounts.Member m) {
        return new Choice(m.username(), m.displayName() + " (" + m.username() + ")");
    }

    @PostMapping("/local-authorities/{urn}/audits")
    @LaManager
    String createProgramme(@PathVariable int urn, @ModelAttribute("form") ProgrammeForm form, Model model, HttpServletResponse response) {
        LocalAuthority la = audits.localAuthority(urn);
        FormErrors errors = FormErrors.none();
        LocalDate start = date(form.getPeriodStart(), "The start of the period", "periodStart-day", errors);
        LocalDate end = date(form.getPeriodEnd(), "The end of the period", "periodEnd-day", errors);
        Integer size = null;
        try {
            size = form.getSampleSize() == null || form.getSampleSize().isBlank() ? null : Integer.valueOf(form.getSampleSize().trim());
        } catch (NumberFormatException e) {
            errors.add("sampleSize", ProblemText.of("audit.error.sampleSize.number"));
        }
        Long seed = null;
        try {
            seed = form.getSeed() == null || form.getSeed().isBlank() ? null : Long.valueOf(form.getSeed().trim());
        } catch (NumberFormatException e) {
            errors.add("seed", ProblemText.of("audit.error.seed"));
        }
        UUID templateId = null;
        try {
            templateId = form.getTemplateId() == null || form.getTemplateId().isBlank() ? null : UUID.fromString(form.getTemplateId());
        } catch (IllegalArgumentException e) {
            errors.add("templateId", ProblemText.of("audit.error.templateId"));
        }
        if (!errors.any()) {
            try {
                UUID id = audits.createProgramme(la.id(), new AuditService.NewProgramme(form.getTitle(), templateId, start, end, form.getAuditors(),
                        form.getModerators(), form.getRule(), form.getMethod(), size, seed));
                return "redirect:/local-authorities/" + urn + "/audits/" + id;
            } catch (InvalidInputException e) {
                errors.addAll(e, f -> f.startsWith("period") ? f + "-day" : f);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return programmeForm(la, form, errors, model);
    }

    @GetMapping("/local-authorities/{urn}/audits/{programmeId}")
    @LaEditor
    String programme(@PathVariable int urn, @PathVariable UUID programmeId, Model model) {
        LocalAuthority la = audits.localAuthority(urn);
        AuditViews.Programme p = audits.programme(la.id(), programmeId);
        model.addAttribute("la", la);
        model.addAttribute("p", p);
        model.addAttribute("canRun", audits.canRun(la.id()));
        List<PlanService.PlanChoice> planChoices = audits.canRun(la.id()) ? audits.plans(la.id()) : List.of();
        model.addAttribute("planChoices", planChoices);
        model.addAttribute("planOptions", planChoices.stream().map(pc -> new Choice(pc.id().toString(), pc.title())).toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        FormErrors.in(model).show(model, List.of());
        model.addAttribute("grades", AuditGrade.values());
        return "audits/programme";
    }

    @PostMapping("/local-authorities/{urn}/audits/{programmeId}/findings")
    @LaManager
    String addFinding(@PathVariable int urn, @PathVariable UUID programmeId, @RequestParam(required = false) String questionId,
                      @RequestParam Map<String, String> params, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = audits.localAuthority(urn);
        String text = params.get("findingText-" + questionId);
        UUID planId = null;
        try {
            String raw = params.get("planId-" + questionId);
            planId = raw == null || raw.isBlank() ? null : UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            planId = null;
        }
        try {
            AuditViews.Finding f = audits.addFinding(la.id(), programmeId, questionId, text, planId);
            redirect.addFlashAttribute("banner", "audit.finding.added");
            return "redirect:/local-authorities/" + urn + "/audits/" + programmeId + "#finding-" + f.id();
        } catch (InvalidInputException e) {
            FormErrors errors = FormErrors.of(e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors);
            model.addAttribute("typed", params);
            return programme(urn, programmeId, model);
        }
    }

    @GetMapping("/local-authorities/{urn}/audits/{programmeId}/cases/{auditId}")
    @LaEditor
    String audit(@PathVariable int urn, @PathVariable UUID programmeId, @PathVariable UUID auditId, Model model) {
        LocalAuthority la = audits.localAuthority(urn);
        AuditViews.CaseAudit a = audits.audit(la.id(), programmeId, auditId);
        model.addAttribute("la", la);
        model.addAttribute("a", a);
        model.addAttribute("canEditAnswers", audits.canEditAnswers(a));
        model.addAttribute("canModerate", audits.canModerate(a));
        model.addAttribute("grades", AuditGrade.values());
        model.addAttribute("figures", audits.figures(la.id(), a.template()).orElse(null));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        if (!model.containsAttribute("typed")) {
            Map<String, String> typed = new LinkedHashMap<>();
            a.answers().values().forEach(ans -> {
                typed.put("grade-" + ans.questionId(), ans.grade().name());
                typed.put("evidence-" + ans.questionId(), ans.evidence());
            });
            typed.put("overallGrade", a.auditorGrade() == null ? "" : a.auditorGrade().name());
            typed.put("summary", a.summary() == null ? "" : a.summary());
            model.addAttribute("typed", typed);
        }
        List<String> order = new java.util.ArrayList<>(List.of("status"));
        for (Question q : a.template().questions()) {
            order.add("grade-" + q.id());
            order.add("evidence-" + q.id());
        }
        order.addAll(List.of("overallGrade", "summary", "moderatorGrade", "agreedGrade", "agreedReason"));
        FormErrors.in(model).show(model, order);
        return "audits/case";
    }

    @PostMapping("/local-authorities/{urn}/audits/{programmeId}/cases/{auditId}")
    @LaEditor
    String saveAudit(@PathVariable int urn, @PathVariable UUID programmeId, @PathVariable UUID auditId, @RequestParam Map<String, String> params,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = audits.localAuthority(urn);
        // The form never submits: "Continue" stores every answer and shows them to check; submission is from that page alone.
        boolean check = !"save".equals(params.get("action"));
        Map<String, String> grades = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("grade-")) {
                grades.put(k.substring(6), v);
            } else if (k.startsWith("evidence-")) {
                evidence.put(k.substring(9), v);
            }
        });
        try {
            AuditService.Answers answers = new AuditService.Answers(grades, evidence, params.get("overallGrade"), params.get("summary"));
            String page = "/local-authorities/" + urn + "/audits/" + programmeId + "/cases/" + auditId;
            if (check) {
                audits.saveForCheck(la.id(), programmeId, auditId, answers);
                return "redirect:" + page + "/check";
            }
            audits.saveAnswers(la.id(), programmeId, auditId, answers, false);
            redirect.addFlashAttribute("banner", "audit.saved");
            return "redirect:" + page;
        } catch (InvalidInputException e) {
            return invalid(urn, programmeId, auditId, params, e, model, response);
        }
    }

    /** Check your answers: every answer as stored, each with a link back to its question, and the one button that submits. */
    @GetMapping("/local-authorities/{urn}/audits/{programmeId}/cases/{auditId}/check")
    @LaEditor
    String check(@PathVariable int urn, @PathVariable UUID programmeId, @PathVariable UUID auditId, Model model) {
        LocalAuthority la = audits.localAuthority(urn);
        AuditViews.CaseAudit a = audits.audit(la.id(), programmeId, auditId);
        if (!audits.canEditAnswers(a)) {
            if (a.status() == AuditViews.Status.OPEN) {
                throw new org.springframework.security.access.AccessDeniedException("Only the audit's auditor checks and submits its answers");
            }
            // Already submitted: the audit's own page says so.
            return "redirect:/local-authorities/" + urn + "/audits/" + programmeId + "/cases/" + auditId;
        }
        model.addAttribute("la", la);
        model.addAttribute("a", a);
        return "audits/check";
    }

    @PostMapping("/local-authorities/{urn}/audits/{programmeId}/cases/{auditId}/submission")
    @LaEditor
    String submit(@PathVariable int urn, @PathVariable UUID programmeId, @PathVariable UUID auditId, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        LocalAuthority la = audits.localAuthority(urn);
        try {
            audits.submitStored(la.id(), programmeId, auditId);
            redirect.addFlashAttribute("banner", "audit.submitted");
            return "redirect:/local-authorities/" + urn + "/audits/" + programmeId + "/cases/" + auditId;
        } catch (InvalidInputException e) {
            FormErrors errors = FormErrors.of(e);
            response.setStatus(e instanceof AuditService.AuditClosedException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("errors", errors);
            return audit(urn, programmeId, auditId, model);
        }
    }

    @PostMapping("/local-authorities/{urn}/audits/{programmeId}/cases/{auditId}/moderation")
    @LaManager
    String moderate(@PathVariable int urn, @PathVariable UUID programmeId, @PathVariable UUID auditId, @RequestParam Map<String, String> params,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        LocalAuthority la = audits.localAuthority(urn);
        try {
            audits.moderate(la.id(), programmeId, auditId, params.get("moderatorGrade"), params.get("agreedGrade"), params.get("agreedReason"));
            redirect.addFlashAttribute("banner", "audit.moderated");
            return "redirect:/local-authorities/" + urn + "/audits/" + programmeId + "/cases/" + auditId;
        } catch (InvalidInputException e) {
            return invalid(urn, programmeId, auditId, params, e, model, response);
        }
    }

    private String invalid(int urn, UUID programmeId, UUID auditId, Map<String, String> params, InvalidInputException e, Model model,
                           HttpServletResponse response) {
        FormErrors errors = FormErrors.of(e);
        response.setStatus(e instanceof AuditService.AuditClosedException ? HttpServletResponse.SC_CONFLICT : HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("errors", errors);
        if (!(e instanceof AuditService.AuditClosedException)) {
            model.addAttribute("typed", params);
        }
        return audit(urn, programmeId, auditId, model);
    }

    @GetMapping("/local-authorities/{urn}/audits/roll-up")
    @LaMember
    String rollUp(@PathVariable int urn, Model model) {
        LocalAuthority la = audits.localAuthority(urn);
        model.addAttribute("la", la);
        model.addAttribute("r", audits.rollUp(la.id()));
        model.addAttribute("grades", AuditGrade.values());
        return "audits/roll-up";
    }

    private static LocalDate date(org.oversight.shared.web.DateInput input, String label, String id, FormErrors errors) {
        try {
            return input.toDate(label);
        } catch (IllegalArgumentException e) {
            errors.add(id, e.getMessage());
            return null;
        }
    }
}
