package org.oversight.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.oversight.access.AccessLog;
import org.oversight.access.CurrentUser;
import org.oversight.access.PeopleNames;
import org.oversight.access.Purpose;
import org.oversight.access.UserAccounts;
import org.oversight.audit.AuditViews.Answer;
import org.oversight.audit.AuditViews.CaseAudit;
import org.oversight.audit.AuditViews.CaseRow;
import org.oversight.audit.AuditViews.Disagreement;
import org.oversight.audit.AuditViews.Event;
import org.oversight.audit.AuditViews.Finding;
import org.oversight.audit.AuditViews.GradeCounts;
import org.oversight.audit.AuditViews.Programme;
import org.oversight.audit.AuditViews.ProgrammeSummary;
import org.oversight.audit.AuditViews.QuestionTally;
import org.oversight.audit.AuditViews.RollUp;
import org.oversight.audit.AuditViews.Status;
import org.oversight.audit.domain.AuditGrade;
import org.oversight.audit.domain.AuditTemplate;
import org.oversight.audit.domain.JudgementArea;
import org.oversight.audit.domain.Question;
import org.oversight.audit.domain.Sampler;
import org.oversight.audit.domain.SamplingMethod;
import org.oversight.audit.domain.SamplingRule;
import org.oversight.audit.persistence.AuditRepository;
import org.oversight.compliance.ChildSummaries;
import org.oversight.compliance.JourneySummaries;
import org.oversight.improvement.PlanService;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case audits of one LA. The LA's managers run programmes (create, sample, moderate, turn findings into plan items);
 * its managers and staff complete the audits assigned to them; its councillors read the roll-ups, which never show a
 * child. Nobody else sees anything. Every view of an audit of a child is written to the access log, for case audit.
 */
@Service
public class AuditService {

    private final AuditRepository audits;
    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ChildSummaries children;
    private final AuditTemplates templates;
    private final PlanService plans;
    private final LocalAuthorities localAuthorities;
    private final AccessLog accessLog;
    private final JourneySummaries journeys;
    private final PeopleNames names;

    AuditService(AuditRepository audits, UserAccounts accounts, CurrentUser currentUser, Clock clock, ChildSummaries children,
                 AuditTemplates templates, PlanService plans, LocalAuthorities localAuthorities, AccessLog accessLog,
                 JourneySummaries journeys, PeopleNames people) {
        this.journeys = journeys;
        this.names = people;
        this.audits = audits;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
        this.children = children;
        this.templates = templates;
        this.plans = plans;
        this.localAuthorities = localAuthorities;
        this.accessLog = accessLog;
    }

    public LocalAuthority localAuthority(int urn) {
        return localAuthorities.get(urn);
    }

    // ---- access -------------------------------------------------------------------------------------------------

    public boolean canRun(UUID laId) {
        return currentUser.canManage(laId);
    }

    public boolean canAudit(UUID laId) {
        return currentUser.canEdit(laId);
    }

    private void requireRunner(UUID laId) {
        if (!currentUser.canManage(laId)) {
            throw new AccessDeniedException("Case audit programmes are run by the local authority's own managers");
        }
    }

    private void requireAuditor(UUID laId) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Case audits are visible only to the local authority's own managers and staff");
        }
    }

    private void requireMember(UUID laId) {
        if (!currentUser.canSeeInternal(laId)) {
            throw new AccessDeniedException("Case audit findings are visible only to the local authority's own users");
        }
    }

    // ---- people ------------------------------------------------------------------------------------------------

    /** Who can audit (the LA's managers and staff) or moderate (its managers). */
    @Transactional(readOnly = true)
    public List<UserAccounts.Member> people(UUID laId) {
        requireRunner(laId);
        return accounts.managersAndStaff(laId);
    }

    /** Whether the LA has child-level data to sample from (for the new-programme page). */
    @Transactional(readOnly = true)
    public boolean hasChildData(UUID laId) {
        requireRunner(laId);
        return !children.current(laId).isEmpty() || !journeys.current(laId).isEmpty();
    }

    /**
     * The population of the rule in the LA's current data: children in care and care leavers (SSDA903) and the children
     * of the whole-journey data in a help-and-protection group, one candidate per child reference (a child in both
     * keeps their SSDA903 cohort and gains the groups).
     */
    private List<SamplingRule.Candidate> candidates(List<ChildSummaries.ChildSummary> current, List<JourneySummaries.JourneyChild> journey) {
        Map<String, SamplingRule.Candidate> byRef = new LinkedHashMap<>();
        for (ChildSummaries.ChildSummary c : current) {
            byRef.put(c.childRef(), new SamplingRule.Candidate(c.childRef(), c.cohort().name(), c.team(), c.overdueRules()));
        }
        for (JourneySummaries.JourneyChild j : journey) {
            java.util.Set<String> groups = new java.util.TreeSet<>();
            j.groups().forEach(g -> groups.add(g.name()));
            SamplingRule.Candidate known = byRef.get(j.childRef());
            byRef.put(j.childRef(), known != null
                    ? new SamplingRule.Candidate(known.childRef(), known.cohort(), known.team(), known.overdueRules(), groups)
                    : new SamplingRule.Candidate(j.childRef(), journeyCohort(j), j.team(), List.of(), groups));
        }
        return List.copyOf(byRef.values());
    }

    /** The cohort recorded on a sampled case of the whole-journey data: its most intensive group. */
    static String journeyCohort(JourneySummaries.JourneyChild j) {
        for (JourneySummaries.Group g : List.of(JourneySummaries.Group.CHILD_PROTECTION, JourneySummaries.Group.CHILD_IN_NEED,
                JourneySummaries.Group.EARLY_HELP, JourneySummaries.Group.STEPPED_DOWN)) {
            if (j.in(g)) {
                return g.name();
            }
        }
        return "CHILD_IN_NEED";
    }

    // ---- programmes --------------------------------------------------------------------------------------------

    /** A new programme as entered; rule, method and seed as text so that bad values are reported on their field. */
    public record NewProgramme(String title, UUID templateId, LocalDate periodStart, LocalDate periodEnd, List<String> auditors,
                               List<String> moderators, String rule, String method, Integer sampleSize, Long seed) {
    }

    /** Creates the programme and draws its sample from the LA's current child-level data, in one transaction. */
    @Transactional
    public UUID createProgramme(UUID laId, NewProgramme p) {
        requireRunner(laId);
        LocalAuthority la = localAuthorities.findById(laId).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        if (p.title() == null || p.title().isBlank()) {
            problems.add(FieldProblem.of("title", "audit.error.title"));
        }
        AuditTemplate template = p.templateId() == null ? null : templates.find(p.templateId()).orElse(null);
        if (template == null) {
            problems.add(FieldProblem.of("templateId", "audit.error.templateId"));
        }
        if (p.periodStart() == null) {
            problems.add(FieldProblem.of("periodStart", "audit.error.periodStart"));
        }
        if (p.periodEnd() == null) {
            problems.add(FieldProblem.of("periodEnd", "audit.error.periodEnd"));
        } else if (p.periodStart() != null && p.periodEnd().isBefore(p.periodStart())) {
            problems.add(FieldProblem.of("periodEnd", "audit.error.periodEnd.2", Dates.format(p.periodStart())));
        }
        List<UserAccounts.Member> people = accounts.managersAndStaff(laId);
        List<String> auditors = clean(p.auditors());
        List<String> moderators = clean(p.moderators());
        if (auditors.isEmpty()) {
            problems.add(FieldProblem.of("auditors", "audit.error.auditors"));
        }
        for (String a : auditors) {
            if (people.stream().noneMatch(x -> x.username().equals(a))) {
                problems.add(FieldProblem.of("auditors", "audit.error.auditors.2", la.name(), String.valueOf(a)));
            }
        }
        if (moderators.isEmpty()) {
            problems.add(FieldProblem.of("moderators", "audit.error.moderators"));
        }
        for (String m : moderators) {
            if (people.stream().noneMatch(x -> x.username().equals(m) && x.manager())) {
                problems.add(FieldProblem.of("moderators", "audit.error.moderators.2", la.name(), String.valueOf(m)));
            }
        }
        SamplingRule rule = parse(SamplingRule.class, p.rule());
        if (rule == null) {
            problems.add(FieldProblem.of("rule", "audit.error.rule"));
        }
        SamplingMethod method = parse(SamplingMethod.class, p.method());
        if (method == null) {
            problems.add(FieldProblem.of("method", "audit.error.method"));
        }
        if (p.sampleSize() == null || p.sampleSize() < 1 || p.sampleSize() > 500) {
            problems.add(FieldProblem.of("sampleSize", "audit.error.sampleSize"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<ChildSummaries.ChildSummary> current = children.current(laId);
        List<JourneySummaries.JourneyChild> journey = journeys.current(laId);
        if (current.isEmpty() && journey.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("rule", "audit.error.rule.2", la.name())));
        }
        List<SamplingRule.Candidate> candidates = candidates(current, journey);
        long population = candidates.stream().filter(rule::matches).count();
        long seed = p.seed() != null ? p.seed() : ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        List<Sampler.Pick> sample = Sampler.draw(candidates, rule, method, p.sampleSize(), seed);
        if (sample.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("rule", "audit.error.rule.3", la.name(), String.valueOf(rule.name().toLowerCase(java.util.Locale.UK).replace('_', ' ')))));
        }
        List<String> sources = new ArrayList<>();
        if (!current.isEmpty()) {
            sources.add("Child-level data measured on " + Dates.format(current.getFirst().asOf()));
        }
        if (!journey.isEmpty()) {
            sources.add((sources.isEmpty() ? "Help and protection data" : "help and protection data") + " of " + Dates.format(journey.getFirst().asOf()));
        }
        String from = String.join("; ", sources);
        Instant now = clock.instant();
        List<AuditRepository.SampledCase> cases = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            Sampler.Pick pick = sample.get(i);
            cases.add(new AuditRepository.SampledCase(i + 1, pick.childRef(), pick.cohort(), pick.team(), auditors.get(i % auditors.size())));
        }
        UUID id = audits.insertProgramme(new AuditRepository.NewProgramme(laId, p.title().trim(), template.id(), p.periodStart(), p.periodEnd(),
                auditors, moderators, rule.name(), method.name(), p.sampleSize(), seed, now, from, (int) population, currentUser.actor()), cases);
        accessLog.record(laId, AccessLog.ALL_CHILDREN, "case audit sample drawn: " + p.title().trim(), Purpose.CASE_AUDIT);
        event(laId, id, null, "Drew a sample of " + sample.size() + " of " + population + " children (" + rule.name() + ", " + method.name()
                + ", seed " + seed + ") with form " + template.name() + " v" + template.versionNo(), now);
        return id;
    }

    @Transactional(readOnly = true)
    public List<ProgrammeSummary> programmes(UUID laId) {
        requireMember(laId);
        return audits.programmes(laId);
    }

    /** A programme with its sample (children's references): for the LA's managers and staff. */
    @Transactional(readOnly = true)
    public Programme programme(UUID laId, UUID programmeId) {
        requireAuditor(laId);
        return load(laId, programmeId);
    }

    private Programme load(UUID laId, UUID programmeId) {
        LocalAuthority la = localAuthorities.findById(laId).orElseThrow();
        AuditRepository.ProgrammeHead h = audits.programme(laId, programmeId)
                .orElseThrow(() -> new NotFoundException("No audit programme " + programmeId + " in " + la.name()));
        AuditTemplate template = templates.get(h.templateId());
        List<CaseRow> cases = audits.cases(programmeId);
        List<Finding> findings = audits.findings(programmeId);
        Map<String, GradeCounts> tallies = new LinkedHashMap<>();
        audits.questionGrades(programmeId).forEach(g -> tallies.computeIfAbsent(g.questionId(), k -> GradeCounts.empty()).add(g.grade()));
        List<QuestionTally> questions = template.questions().stream().map(q -> new QuestionTally(q,
                tallies.getOrDefault(q.id(), GradeCounts.empty()), findings.stream().filter(f -> f.questionId().equals(q.id())).toList())).toList();
        int moderated = (int) cases.stream().filter(a -> a.status() == Status.MODERATED).count();
        int disagreed = (int) cases.stream().filter(a -> a.status() == Status.MODERATED && a.moderatorGrade() != a.auditorGrade()).count();
        List<Event> history = audits.events(programmeId);
        return new Programme(programmeId, laId, la.urn(), la.name(), h.title(), template, h.start(), h.end(), h.auditors(), h.moderators(),
                SamplingRule.valueOf(h.rule()), SamplingMethod.valueOf(h.method()), h.size(), h.seed(), h.sampledAt(), h.from(),
                h.population(), cases, questions, findings, new Disagreement(moderated, disagreed), history);
    }

    // ---- one audit -----------------------------------------------------------------------------------------------

    /** One audit of a child, for the LA's managers and staff; the view is logged as an access to that child's record. */
    @Transactional
    public CaseAudit audit(UUID laId, UUID programmeId, UUID auditId) {
        requireAuditor(laId);
        CaseAudit audit = loadAudit(laId, programmeId, auditId);
        accessLog.record(laId, audit.childRef(), "case audit: " + audit.programmeTitle(), Purpose.CASE_AUDIT);
        return audit;
    }

    private CaseAudit loadAudit(UUID laId, UUID programmeId, UUID auditId) {
        LocalAuthority la = localAuthorities.findById(laId).orElseThrow();
        return audits.audit(laId, la.urn(), la.name(), programmeId, auditId, templates::get)
                .orElseThrow(() -> new NotFoundException("No audit " + auditId + " in this programme of " + la.name()));
    }

    /**
     * The LA's help-and-protection figures for the form's questions that bear on front-door measures (12 months to the
     * whole-journey data's date; aggregates, never a child), or empty when no question does or the LA has no such data.
     *
     * @param byQuestion question id → its measures' figures, in the form's order
     */
    public record QuestionFigures(LocalDate from, LocalDate to, int stepDownWorkingDays,
                                  Map<String, List<JourneySummaries.MeasureFigure>> byQuestion) {
    }

    /** The figures beside the questions of an audit's form; for the LA's managers and staff, like the audit. */
    @Transactional(readOnly = true)
    public Optional<QuestionFigures> figures(UUID laId, AuditTemplate template) {
        requireAuditor(laId);
        if (template.questions().stream().allMatch(q -> q.figures().isEmpty())) {
            return Optional.empty();
        }
        return journeys.figures(laId).map(f -> {
            Map<String, List<JourneySummaries.MeasureFigure>> byQuestion = new LinkedHashMap<>();
            for (Question q : template.questions()) {
                List<JourneySummaries.MeasureFigure> mine = q.figures().stream().map(f::measure).flatMap(Optional::stream).toList();
                if (!mine.isEmpty()) {
                    byQuestion.put(q.id(), mine);
                }
            }
            return new QuestionFigures(f.from(), f.to(), f.stepDownWorkingDays(), byQuestion);
        });
    }

    /** The auditor's answers: a grade and evidence per question, the overall grade and a summary. */
    public record Answers(Map<String, String> grades, Map<String, String> evidence, String overallGrade, String summary) {
    }

    /** Whether the current user may change the audit's answers now. */
    public boolean canEditAnswers(CaseAudit audit) {
        return audit.status() == Status.OPEN && currentUser.actor().equals(audit.auditor()) && currentUser.canEdit(audit.laId());
    }

    public boolean canModerate(CaseAudit audit) {
        return audit.status() == Status.SUBMITTED && currentUser.canManage(audit.laId()) && audit.moderators().contains(currentUser.actor())
                && !currentUser.actor().equals(audit.auditor());
    }

    /**
     * Saves the auditor's answers; with {@code submit} every question needs a grade and evidence, and the audit then
     * closes for the auditor. A closed audit is refused whole (nothing changes) and the attempt is logged.
     */
    @Transactional(noRollbackFor = AuditClosedException.class)
    public void saveAnswers(UUID laId, UUID programmeId, UUID auditId, Answers in, boolean submit) {
        save(laId, programmeId, auditId, in, submit, submit);
    }

    /**
     * The auditor's answers stored, every one required as for a submission, but the audit left open: what the
     * check-your-answers page shows before the auditor submits it from there.
     */
    @Transactional(noRollbackFor = AuditClosedException.class)
    public void saveForCheck(UUID laId, UUID programmeId, UUID auditId, Answers in) {
        save(laId, programmeId, auditId, in, true, false);
    }

    /** Submits the answers stored (as the check-your-answers page showed them), with the same checks as any submission. */
    @Transactional(noRollbackFor = AuditClosedException.class)
    public void submitStored(UUID laId, UUID programmeId, UUID auditId) {
        requireAuditor(laId);
        CaseAudit audit = loadAudit(laId, programmeId, auditId);
        Map<String, String> grades = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        audit.answers().values().forEach(a -> {
            grades.put(a.questionId(), a.grade().name());
            evidence.put(a.questionId(), a.evidence());
        });
        save(laId, programmeId, auditId, new Answers(grades, evidence, audit.auditorGrade() == null ? null : audit.auditorGrade().name(),
                audit.summary()), true, true);
    }

    private void save(UUID laId, UUID programmeId, UUID auditId, Answers in, boolean complete, boolean submit) {
        requireAuditor(laId);
        CaseAudit audit = loadAudit(laId, programmeId, auditId);
        if (!currentUser.actor().equals(audit.auditor())) {
            throw new AccessDeniedException("Only the audit's auditor, " + names.name(audit.auditor()) + ", can change it");
        }
        if (audit.status() != Status.OPEN) {
            Instant closedAt = audit.submittedAt();
            event(laId, programmeId, auditId, "Refused a change to the closed audit of child " + audit.childRef() + " by its auditor", clock.instant());
            throw new AuditClosedException("This audit was submitted on " + Dates.format(closedAt)
                    + " and is closed: nothing was changed. Ask a moderator if something needs correcting");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Question q : audit.template().questions()) {
            String label = "Question " + q.id() + " (" + q.theme() + ")";
            String gradeText = in.grades() == null ? null : in.grades().get(q.id());
            String evidence = in.evidence() == null ? null : in.evidence().get(q.id());
            AuditGrade grade = AuditGrade.parse(gradeText);
            boolean hasEvidence = evidence != null && !evidence.isBlank();
            if (gradeText != null && !gradeText.isBlank() && grade == null) {
                problems.add(FieldProblem.of("grade-" + q.id(), "audit.error.grade", String.valueOf(label)));
            } else if (grade == null && complete) {
                problems.add(FieldProblem.of("grade-" + q.id(), "audit.error.grade.2", String.valueOf(label)));
            }
            if (grade != null && !hasEvidence) {
                problems.add(FieldProblem.of("evidence-" + q.id(), "audit.error.evidence", String.valueOf(label)));
            } else if (grade == null && hasEvidence && !complete && (gradeText == null || gradeText.isBlank())) {
                problems.add(FieldProblem.of("grade-" + q.id(), "audit.error.grade.3", String.valueOf(label)));
            }
            if (grade != null && hasEvidence) {
                answers.put(q.id(), new Answer(q.id(), grade, evidence.trim()));
            }
        }
        AuditGrade overall = AuditGrade.parse(in.overallGrade());
        if (in.overallGrade() != null && !in.overallGrade().isBlank() && overall == null) {
            problems.add(FieldProblem.of("overallGrade", "audit.error.overallGrade"));
        } else if (overall == null && complete) {
            problems.add(FieldProblem.of("overallGrade", "audit.error.overallGrade.2"));
        }
        if (complete && (in.summary() == null || in.summary().isBlank())) {
            problems.add(FieldProblem.of("summary", "audit.error.summary"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        audits.replaceAnswers(laId, auditId, answers.values());
        Instant now = clock.instant();
        boolean saved = audits.saveOpenAudit(auditId, overall, in.summary() == null || in.summary().isBlank() ? null : in.summary().trim(),
                submit ? Status.SUBMITTED : Status.OPEN, submit ? now : null);
        if (!saved) {
            throw new IllegalStateException("The audit closed while it was being saved");
        }
        if (submit) {
            event(laId, programmeId, auditId, "Submitted the audit of child " + audit.childRef() + ": " + label(overall), now);
        }
    }

    /** The moderator's view: their grade of the audit, the agreed grade and the reason for it. */
    @Transactional
    public void moderate(UUID laId, UUID programmeId, UUID auditId, String moderatorGrade, String agreedGrade, String reason) {
        requireRunner(laId);
        CaseAudit audit = loadAudit(laId, programmeId, auditId);
        if (!audit.moderators().contains(currentUser.actor())) {
            throw new AccessDeniedException("Only the programme's moderators (" + names.names(audit.moderators()) + ") moderate its audits");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (currentUser.actor().equals(audit.auditor())) {
            problems.add(FieldProblem.of("moderatorGrade", "audit.error.moderatorGrade"));
        }
        if (audit.status() == Status.OPEN) {
            problems.add(FieldProblem.of("moderatorGrade", "audit.error.moderatorGrade.2"));
        } else if (audit.status() == Status.MODERATED) {
            problems.add(FieldProblem.of("moderatorGrade", "audit.error.moderatorGrade.3", Dates.format(audit.moderatedAt()),
                    currentUser.actor().equals(audit.moderator()) ? "you" : names.name(audit.moderator())));
        }
        AuditGrade mine = AuditGrade.parse(moderatorGrade);
        AuditGrade agreed = AuditGrade.parse(agreedGrade);
        if (mine == null) {
            problems.add(FieldProblem.of("moderatorGrade", "audit.error.moderatorGrade.4"));
        }
        if (agreed == null) {
            problems.add(FieldProblem.of("agreedGrade", "audit.error.agreedGrade"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(FieldProblem.of("agreedReason", "audit.error.agreedReason"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        audits.moderate(auditId, currentUser.actor(), mine, agreed, reason.trim(), now);
        event(laId, programmeId, auditId, "Moderated the audit of child " + audit.childRef() + ": auditor " + label(audit.auditorGrade())
                + ", moderator " + label(mine) + ", agreed " + label(agreed) + (mine == audit.auditorGrade() ? "" : " (disagreement)"), now);
    }

    // ---- findings and plan items -----------------------------------------------------------------------------------

    /** The LA's plans a finding can go to. */
    @Transactional(readOnly = true)
    public List<PlanService.PlanChoice> plans(UUID laId) {
        requireRunner(laId);
        return plans.choicesOf(laId);
    }

    /** Records a finding of the programme about one question and makes it an item of an improvement plan, linked both ways. */
    @Transactional
    public Finding addFinding(UUID laId, UUID programmeId, String questionId, String text, UUID planId) {
        requireRunner(laId);
        Programme p = load(laId, programmeId);
        List<FieldProblem> problems = new ArrayList<>();
        Optional<Question> question = questionId == null ? Optional.empty() : p.template().question(questionId);
        if (question.isEmpty()) {
            problems.add(FieldProblem.of("questionId", "audit.error.questionId"));
        }
        if (text == null || text.isBlank()) {
            problems.add(FieldProblem.of("findingText-" + questionId, "audit.error.findingText"));
        }
        if (planId == null || plans.choicesOf(laId).stream().noneMatch(c -> c.id().equals(planId))) {
            problems.add(FieldProblem.of("planId-" + questionId, "audit.error.planId", p.laName()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UUID findingId = UUID.randomUUID();
        String label = "Case audit: " + p.title() + ", question " + questionId + " (" + question.get().theme() + ")";
        String url = "/local-authorities/" + p.laUrn() + "/audits/" + programmeId + "#finding-" + findingId;
        UUID itemId = plans.addItemFromSource(laId, planId, text.trim(), label, url);
        Instant now = clock.instant();
        Finding finding = new Finding(findingId, questionId, text.trim(), planId, itemId, currentUser.actor(), now);
        audits.insertFinding(laId, programmeId, finding);
        event(laId, programmeId, null, "Finding on question " + questionId + " became a plan item: " + abbreviate(text), now);
        return finding;
    }

    // ---- roll-up -----------------------------------------------------------------------------------------------------

    /**
     * Findings by theme (question grades), by team and by grade (each audit's agreed grade, or the auditor's before
     * moderation), and the trend over programmes by period. Submitted and moderated audits only; no child's reference.
     */
    @Transactional(readOnly = true)
    public RollUp rollUp(UUID laId) {
        requireMember(laId);
        Map<String, AuditViews.ThemeRow> themes = new LinkedHashMap<>();
        Map<UUID, AuditTemplate> forms = new LinkedHashMap<>();
        for (AuditRepository.QuestionGrade g : audits.questionGradesOfLa(laId)) {
            AuditTemplate t = forms.computeIfAbsent(g.templateId(), templates::get);
            t.question(g.questionId()).ifPresent(q -> themes.computeIfAbsent(q.area() + "|" + q.theme(),
                    k -> new AuditViews.ThemeRow(q.area(), q.theme(), GradeCounts.empty())).grades().add(g.grade()));
        }
        List<AuditViews.ThemeRow> byTheme = themes.values().stream()
                .sorted(java.util.Comparator.comparing((AuditViews.ThemeRow r) -> r.area().ordinal()).thenComparing(AuditViews.ThemeRow::theme)).toList();
        Map<String, GradeCounts> teams = new java.util.TreeMap<>();
        GradeCounts overall = GradeCounts.empty();
        for (AuditRepository.TeamGrade g : audits.teamGrades(laId)) {
            teams.computeIfAbsent(g.team(), k -> GradeCounts.empty()).add(g.grade());
            overall.add(g.grade());
        }
        Map<UUID, AuditViews.TrendRow> trend = new LinkedHashMap<>();
        for (AuditRepository.TrendLine line : audits.trend(laId)) {
            UUID id = line.programmeId();
            AuditViews.TrendRow row = trend.computeIfAbsent(id, k -> new AuditViews.TrendRow(id, line.title(), line.start(), line.end(),
                    GradeCounts.empty(), new Disagreement(0, 0)));
            if (line.status() != null) {
                row.grades().add(AuditGrade.parse(line.grade()));
                if ("MODERATED".equals(line.status())) {
                    boolean differs = !line.auditorGrade().equals(line.moderatorGrade());
                    trend.put(id, new AuditViews.TrendRow(id, row.title(), row.periodStart(), row.periodEnd(), row.grades(),
                            new Disagreement(row.disagreement().moderated() + 1, row.disagreement().disagreed() + (differs ? 1 : 0))));
                }
            }
        }
        return new RollUp(byTheme, teams.entrySet().stream().map(e -> new AuditViews.TeamRow(e.getKey(), e.getValue())).toList(), overall,
                List.copyOf(trend.values()));
    }

    /** A graded answer of a submitted audit, by theme, dated by the end of its programme's period (no child's reference). */
    public record DatedAnswer(JudgementArea area, String theme, UUID auditId, LocalDate periodEnd, boolean goodOrBetter) {
    }

    /** Every graded answer of the LA's submitted audits by theme and period: what the roll-up counts, spread over time. */
    @Transactional(readOnly = true)
    public List<DatedAnswer> datedAnswers(UUID laId) {
        requireMember(laId);
        Map<UUID, AuditTemplate> forms = new LinkedHashMap<>();
        List<DatedAnswer> out = new ArrayList<>();
        for (AuditRepository.DatedQuestionGrade g : audits.datedQuestionGradesOfLa(laId)) {
            if (g.grade() == null) {
                continue;
            }
            AuditTemplate t = forms.computeIfAbsent(g.templateId(), templates::get);
            t.question(g.questionId()).ifPresent(q -> out.add(new DatedAnswer(q.area(), q.theme(), g.auditId(), g.periodEnd(), g.grade().goodOrBetter())));
        }
        return out;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------


    private void event(UUID laId, UUID programmeId, UUID auditId, String description, Instant at) {
        audits.insertEvent(laId, programmeId, auditId, description, currentUser.actor(), at);
    }

    private static List<String> clean(List<String> names) {
        return names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).map(String::trim).distinct().toList();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String label(AuditGrade g) {
        return g == null ? "not graded" : g.name().toLowerCase(java.util.Locale.UK).replace('_', ' ');
    }

    private static String abbreviate(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }

    /** An auditor tried to change an audit that is already submitted; nothing was changed, the attempt is logged. */
    public static class AuditClosedException extends InvalidInputException {
        public AuditClosedException(String message) {
            super(List.of(new FieldProblem("status", message)));
        }
    }
}
