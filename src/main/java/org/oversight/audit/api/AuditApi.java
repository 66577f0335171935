package org.oversight.audit.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.access.AccessRules.LaManager;
import org.oversight.access.AccessRules.LaMember;
import org.oversight.access.AccessRules.SignedIn;
import org.oversight.audit.AuditService;
import org.oversight.audit.AuditTemplates;
import org.oversight.audit.AuditViews;
import org.oversight.audit.domain.AuditTemplate;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Case audits as JSON: programmes and samples, audits, moderation, findings to plan items, roll-ups (LA-internal). */
@RestController
@Tag(name = "Case audits", description = "Audit programmes with reproducible samples, graded audits, moderation, roll-ups and findings that become plan items (LA-internal)")
class AuditApi {

    private final AuditService audits;
    private final AuditTemplates templates;

    AuditApi(AuditService audits, AuditTemplates templates) {
        this.audits = audits;
        this.templates = templates;
    }

    @GetMapping("/api/v1/audit-templates")
    @SignedIn
    @Operation(summary = "Every version of every audit form, questions grouped by ILACS judgement area and theme, each with its source finding")
    List<AuditTemplate> templates() {
        return templates.all();
    }

    @GetMapping("/api/v1/local-authorities/{urn}/audits")
    @LaMember
    @Operation(summary = "The LA's audit programmes with progress and moderation disagreement rates (no child references)")
    List<AuditViews.ProgrammeSummary> programmes(@PathVariable int urn) {
        return audits.programmes(la(urn).id());
    }

    record NewProgrammeJson(String title, UUID templateId, LocalDate periodStart, LocalDate periodEnd, List<String> auditors,
                            List<String> moderators, String rule, String method, Integer sampleSize, Long seed) {
    }

    @PostMapping("/api/v1/local-authorities/{urn}/audits")
    @LaManager
    @Operation(summary = "Create a programme and draw its sample from the LA's current child-level data (rule ALL_CARE_LEAVERS, "
            + "CARE_LEAVERS_PATHWAY_REVIEW_OVERDUE, CARE_LEAVERS_NOT_IN_TOUCH, ALL_CHILDREN_IN_CARE, CHILDREN_IN_CARE_REVIEW_OVERDUE, "
            + "from the help and protection data CHILDREN_IN_NEED, CHILDREN_ON_CP_PLANS, CHILDREN_IN_EARLY_HELP or STEPPED_DOWN_TO_EARLY_HELP, "
            + "or ALL_CHILDREN; method RANDOM or STRATIFIED_BY_TEAM); the same seed and data give the same sample")
    ResponseEntity<AuditViews.Programme> create(@PathVariable int urn, @RequestBody NewProgrammeJson in) {
        LocalAuthority la = la(urn);
        UUID id = audits.createProgramme(la.id(), new AuditService.NewProgramme(in.title(), in.templateId(), in.periodStart(), in.periodEnd(),
                in.auditors(), in.moderators(), in.rule(), in.method(), in.sampleSize(), in.seed()));
        return ResponseEntity.status(HttpStatus.CREATED).body(audits.programme(la.id(), id));
    }

    @GetMapping("/api/v1/local-authorities/{urn}/audits/{programmeId}")
    @LaEditor
    @Operation(summary = "A programme: its form version, sampling rule, seed, the sampled children with their audits' grades, question tallies and findings")
    AuditViews.Programme programme(@PathVariable int urn, @PathVariable UUID programmeId) {
        return audits.programme(la(urn).id(), programmeId);
    }

    @GetMapping("/api/v1/local-authorities/{urn}/audits/{programmeId}/cases/{auditId}")
    @LaEditor
    @Operation(summary = "One audit of a child (the read is logged as a view of the child's record)")
    AuditViews.CaseAudit audit(@PathVariable int urn, @PathVariable UUID programmeId, @PathVariable UUID auditId) {
        return audits.audit(la(urn).id(), programmeId, auditId);
    }

    record AnswersJson(Map<String, String> grades, Map<String, String> evidence, String overallGrade, String summary,
                       @Schema(deprecated = true, description = "No longer accepted as true: saving answers never submits. "
                               + "Submit with POST .../cases/{auditId}/submission once every answer is saved") Boolean submit) {
    }

    @PutMapping("/api/v1/local-authorities/{urn}/audits/{programmeId}/cases/{auditId}")
    @LaEditor
    @Operation(summary = "The auditor saves answers (grade and evidence per question id); the audit stays open, answers may be partial. "
            + "400 names each question with a problem (and refuses submit: true, which moved to POST .../submission); "
            + "a closed audit is refused whole (409, field status) and the attempt logged")
    AuditViews.CaseAudit save(@PathVariable int urn, @PathVariable UUID programmeId, @PathVariable UUID auditId, @RequestBody AnswersJson in) {
        LocalAuthority la = la(urn);
        if (Boolean.TRUE.equals(in.submit())) {
            throw new InvalidInputException(List.of(FieldProblem.of("submit", "audit.error.submit")));
        }
        audits.saveAnswers(la.id(), programmeId, auditId, new AuditService.Answers(in.grades(), in.evidence(), in.overallGrade(), in.summary()), false);
        return audits.audit(la.id(), programmeId, auditId);
    }

    @PostMapping("/api/v1/local-authorities/{urn}/audits/{programmeId}/cases/{auditId}/submission")
    @LaEditor
    @Operation(summary = "The auditor submits the answers saved, as the check-your-answers page does: every question needs a grade and "
            + "evidence, and the audit an overall grade and summary (400 lists each missing or invalid answer by question, nothing changes); "
            + "the audit then closes, recording its auditor and the time of submission. A second submission is refused (409)")
    AuditViews.CaseAudit submit(@PathVariable int urn, @PathVariable UUID programmeId, @PathVariable UUID auditId) {
        LocalAuthority la = la(urn);
        audits.submitStored(la.id(), programmeId, auditId);
        return audits.audit(la.id(), programmeId, auditId);
    }

    /** A closed audit (submitted already): 409, as the pages answer, with the field {@code status} naming why. */
    @ExceptionHandler(AuditService.AuditClosedException.class)
    ResponseEntity<ProblemDetail> closed(AuditService.AuditClosedException e, HttpServletRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.problems().getFirst().message());
        p.setTitle("Conflict");
        p.setInstance(URI.create(request.getRequestURI()));
        p.setProperty("errors", e.problems().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    record ModerationJson(String moderatorGrade, String agreedGrade, String reason) {
    }

    @PostMapping("/api/v1/local-authorities/{urn}/audits/{programmeId}/cases/{auditId}/moderation")
    @LaManager
    @Operation(summary = "A moderator's grade, the agreed grade and the reason, for a submitted audit")
    AuditViews.CaseAudit moderate(@PathVariable int urn, @PathVariable UUID programmeId, @PathVariable UUID auditId, @RequestBody ModerationJson in) {
        LocalAuthority la = la(urn);
        audits.moderate(la.id(), programmeId, auditId, in.moderatorGrade(), in.agreedGrade(), in.reason());
        return audits.audit(la.id(), programmeId, auditId);
    }

    record FindingJson(String questionId, String text, UUID planId) {
    }

    @PostMapping("/api/v1/local-authorities/{urn}/audits/{programmeId}/findings")
    @LaManager
    @Operation(summary = "Record a finding about one question and add it as an item of one of the LA's improvement plans, linked both ways")
    ResponseEntity<AuditViews.Finding> finding(@PathVariable int urn, @PathVariable UUID programmeId, @RequestBody FindingJson in) {
        return ResponseEntity.status(HttpStatus.CREATED).body(audits.addFinding(la(urn).id(), programmeId, in.questionId(), in.text(), in.planId()));
    }

    @GetMapping("/api/v1/local-authorities/{urn}/audits/roll-up")
    @LaMember
    @Operation(summary = "Findings by theme, team and grade, and the trend over programmes (no child references; councillors may read)")
    AuditViews.RollUp rollUp(@PathVariable int urn) {
        return audits.rollUp(la(urn).id());
    }

    private LocalAuthority la(int urn) {
        return audits.localAuthority(urn);
    }
}
