package org.oversight.improvement.web;

import java.util.List;
import java.util.UUID;

import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.AccessRules.LaMember;
import org.oversight.improvement.CommitteeReports;
import org.oversight.improvement.PlanService;
import org.oversight.improvement.ReportDraft;
import org.oversight.shared.web.Downloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The committee report of a plan: the drafted text to edit, every generated version, and the written statement. */
@Controller
class ReportPages {

    private final CommitteeReports reports;
    private final PlanService plans;

    private final org.springframework.context.MessageSource messages;

    ReportPages(CommitteeReports reports, PlanService plans, org.springframework.context.MessageSource messages) {
        this.reports = reports;
        this.plans = plans;
        this.messages = messages;
    }

    /** The form's fields in page order (the error summary lists them so). */
    static final List<String> FIELDS = List.of("committees", "subject", "classification", "reportOf", "reportAuthor", "purpose", "summary",
            "recommendations", "background", "conclusion", "appendices", "leadOfficer", "version", "keyDecision", "consultations", "authorName",
            "authorTitle", "authorPhone", "authorEmail");

    @GetMapping("/plans/{id}/committee-report")
    @LaManager
    String draft(@PathVariable UUID id, Model model) {
        model.addAttribute("plan", plans.plan(id));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", reports.draft(id));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", org.oversight.shared.web.FormErrors.none());
        }
        org.oversight.shared.web.FormErrors.in(model).show(model, FIELDS);
        model.addAttribute("classifications", ReportDraft.CLASSIFICATIONS.stream()
                .map(c -> new org.oversight.shared.web.Choice(c, c, null)).toList());
        model.addAttribute("keyDecisions", ReportDraft.KEY_DECISION.stream()
                .map(c -> new org.oversight.shared.web.Choice(c, c, null)).toList());
        model.addAttribute("versions", reports.versions(id));
        var hp = reports.helpAndProtection(id).orElse(null);
        model.addAttribute("hp", hp);
        model.addAttribute("hpChoices", List.of(new org.oversight.shared.web.Choice("true",
                messages.getMessage("report.hp.include", null, java.util.Locale.UK),
                messages.getMessage(hp == null ? "report.hp.noData" : "report.hp.hint", null, java.util.Locale.UK), "yes")));
        return "plans/committee-report";
    }

    @PostMapping("/plans/{id}/committee-report")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.REPORT)
    @LaManager
    String generate(@PathVariable UUID id, ReportDraft draft, Model model, RedirectAttributes redirect,
                    jakarta.servlet.http.HttpServletResponse response) {
        try {
            reports.generate(id, draft);
        } catch (org.oversight.shared.problem.InvalidInputException e) {
            model.addAttribute("draft", draft);
            model.addAttribute("errors", org.oversight.shared.web.FormErrors.of(e));
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
            return draft(id, model);
        }
        redirect.addFlashAttribute("banner", "report.generated");
        return "redirect:/plans/" + id + "/committee-report#versions";
    }

    @GetMapping("/committee-reports/{reportId}.{format:docx|pdf|html}")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.REPORT)
    @LaMember
    ResponseEntity<byte[]> file(@PathVariable UUID reportId, @PathVariable String format) {
        return download(reports.file(reportId, format), format.equals("html"));
    }

    @GetMapping("/plans/{id}/written-statement.{format:docx|pdf}")
    @org.oversight.shared.web.NonInteractive(org.oversight.shared.web.NonInteractive.Kind.REPORT)
    @LaMember
    ResponseEntity<byte[]> statement(@PathVariable UUID id, @PathVariable String format) {
        return download(reports.writtenStatement(id, format), false);
    }

    private static ResponseEntity<byte[]> download(CommitteeReports.Generated file, boolean inline) {
        String disposition = inline ? Downloads.inline(file.fileName()) : Downloads.attachment(file.fileName());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition).body(file.content());
    }
}
