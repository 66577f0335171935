package org.oversight.improvement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.oversight.access.CurrentUser;
import org.oversight.compliance.JourneySummaries;
import org.oversight.improvement.domain.ActionStatus;
import org.oversight.improvement.domain.BodyKind;
import org.oversight.improvement.domain.PlanView;
import org.oversight.improvement.persistence.CommitteeReportRepository;
import org.oversight.improvement.persistence.PlanRepository;
import org.oversight.improvement.report.CommitteeReportContent;
import org.oversight.improvement.report.CommitteeReportDocx;
import org.oversight.improvement.report.CommitteeReportHtml;
import org.oversight.improvement.report.CommitteeReportPdf;
import org.oversight.improvement.report.WrittenStatementContent;
import org.oversight.improvement.report.WrittenStatementDocx;
import org.oversight.improvement.report.WrittenStatementPdf;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Finding;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.JudgementEra;
import org.oversight.inspection.domain.JudgementSet;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Committee reports drawn from the data, in the councils' format (seeds 000, 002, 004): the officer edits the drafted
 * text, then each generation is kept as a version with its DOCX, PDF and accessible HTML. Also the s137 written
 * statement of action, in the order of the findings.
 */
@Service
public class CommitteeReports {

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PlanService plans;
    private final InspectionService inspections;
    private final JudgementSet judgementSet;
    private final MessageSource messages;
    private final CurrentUser currentUser;
    private final CommitteeReportRepository reports;
    private final PlanRepository planRepository;
    private final Clock clock;
    private final JourneySummaries journeys;

    CommitteeReports(PlanService plans, InspectionService inspections, JudgementSet judgementSet, MessageSource messages,
                     CurrentUser currentUser, CommitteeReportRepository reports, PlanRepository planRepository, Clock clock,
                     JourneySummaries journeys) {
        this.journeys = journeys;
        this.plans = plans;
        this.inspections = inspections;
        this.judgementSet = judgementSet;
        this.messages = messages;
        this.currentUser = currentUser;
        this.reports = reports;
        this.planRepository = planRepository;
        this.clock = clock;
    }

    public record Version(UUID id, int number, String generatedBy, Instant generatedAt) {
    }

    public record Generated(String fileName, String contentType, byte[] content) {
    }

    @Transactional(readOnly = true)
    public List<Version> versions(UUID planId) {
        plans.plan(planId);
        return reports.versions(planId);
    }

    /** The last generated draft, or one drafted from the data. */
    @Transactional(readOnly = true)
    public ReportDraft draft(UUID planId) {
        PlanView plan = plans.plan(planId);
        Optional<String> last = reports.latestDraft(planId);
        return last.map(json -> stored(json, planRepository.bodies(plan.laId()))).orElseGet(() -> defaultDraft(plan,
                currentUser.get().map(u -> u.getUsername().equals("cli") ? null : u.displayName()).orElse(null)));
    }

    /**
     * A stored draft. One kept before committees and consultations had fields (issue 18) has them as typed lines; they are
     * converted when read (the stored JSON is left as it was): committee lines that match a governance meeting become
     * that meeting picked, the others are kept as typed ({@link ReportDraft#otherCommittees}); each consultation line
     * becomes an officer consulted with that title as role.
     */
    static ReportDraft stored(String json, List<PlanView.Body> governance) {
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(json);
        List<String> meetings = List.of();
        List<String> other = List.of();
        List<ReportDraft.Consultee> consultees = null;
        if (node.has("committees")) {
            ReportDraft.TypedCommittees typed = ReportDraft.typedCommittees(node.get("committees").asString(), governance);
            meetings = typed.meetings();
            other = typed.unmatched();
            node.remove("committees");
        }
        if (node.has("consultations")) {
            consultees = ReportDraft.typedConsultations(node.get("consultations").asString());
            node.remove("consultations");
        }
        ReportDraft draft = JSON.treeToValue(node, ReportDraft.class);
        if (!meetings.isEmpty() || !other.isEmpty()) {
            List<String> picked = new ArrayList<>(draft.meetings());
            picked.addAll(meetings);
            List<String> kept = new ArrayList<>(draft.otherCommittees());
            kept.addAll(other);
            draft = new ReportDraft(picked, kept, draft.subject(), draft.classification(), draft.reportOf(), draft.reportAuthor(),
                    draft.purpose(), draft.summary(), draft.recommendations(), draft.background(), draft.conclusion(), draft.appendices(),
                    draft.leadOfficer(), draft.version(), draft.keyDecision(), draft.consultees(), draft.authorName(), draft.authorTitle(),
                    draft.authorPhone(), draft.authorEmail(), draft.helpAndProtection());
        }
        return consultees == null ? draft : draft.withConsultees(consultees);
    }

    /** The LA's governance: its boards and committees with their meetings (for the editor's choices). */
    @Transactional(readOnly = true)
    public List<PlanView.Body> governance(UUID planId) {
        return planRepository.bodies(plans.plan(planId).laId());
    }

    /** What is wrong with an edited draft of the plan's report, field by field (nothing is stored). */
    @Transactional(readOnly = true)
    public List<org.oversight.shared.problem.FieldProblem> problems(UUID planId, ReportDraft draft) {
        return problems(plans.plan(planId), draft);
    }

    /**
     * The report as the generator would write it from this draft now, as its accessible HTML page, without storing a
     * version (the editor's preview). Refused as {@link #generate} refuses.
     */
    @Transactional(readOnly = true)
    public String preview(UUID planId, ReportDraft draft) {
        PlanView plan = plans.plan(planId);
        plans.requireManager(plan.laId());
        List<org.oversight.shared.problem.FieldProblem> problems = problems(plan, draft);
        if (!problems.isEmpty()) {
            throw new org.oversight.shared.problem.InvalidInputException(problems);
        }
        return CommitteeReportHtml.render(content(plan, draft));
    }

    private List<org.oversight.shared.problem.FieldProblem> problems(PlanView plan, ReportDraft draft) {
        List<PlanView.Body> governance = planRepository.bodies(plan.laId());
        List<String> kept = reports.latestDraft(plan.id()).map(json -> stored(json, governance).otherCommittees()).orElse(List.of());
        return draft.problems(LocalDate.now(clock), meetingKeys(governance), kept);
    }

    private static java.util.Set<String> meetingKeys(List<PlanView.Body> bodies) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        bodies.forEach(b -> b.meetings().forEach(d -> keys.add(ReportDraft.meetingKey(b.id(), d))));
        return keys;
    }

    /**
     * The help-and-protection section the report would have now (the LA's figures for the 12 months to its whole-journey
     * data's date, with the targets of the plan's actions that follow them), or empty when the LA has no such data.
     */
    @Transactional(readOnly = true)
    public Optional<CommitteeReportContent.HelpAndProtection> helpAndProtection(UUID planId) {
        return helpAndProtection(plans.plan(planId));
    }

    /** Generates and keeps a new version from the edited draft; returns its id. */
    @Transactional
    public UUID generate(UUID planId, ReportDraft draft) {
        PlanView plan = plans.plan(planId);
        plans.requireManager(plan.laId());
        List<org.oversight.shared.problem.FieldProblem> problems = problems(plan, draft);
        if (!problems.isEmpty()) {
            throw new org.oversight.shared.problem.InvalidInputException(problems);
        }
        CommitteeReportContent content = content(plan, draft);
        int next = reports.nextVersion(planId);
        Instant now = clock.instant();
        UUID id = reports.insert(planId, plan.laId(), next, JSON.writeValueAsString(draft), docx(content), pdf(content),
                CommitteeReportHtml.render(content), currentUser.actor(), now);
        planRepository.history(planId, plan.laId(), "Generated committee report version " + next, currentUser.actor(), now);
        return id;
    }

    @Transactional(readOnly = true)
    public Generated file(UUID reportId, String format) {
        CommitteeReportRepository.Files row = reports.files(reportId)
                .orElseThrow(() -> new NotFoundException("No committee report has the id " + reportId));
        plans.plan(row.planId()); // access check
        String base = "committee-report-v" + row.version();
        return switch (format) {
            case "docx" -> new Generated(base + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", row.docx());
            case "pdf" -> new Generated(base + ".pdf", "application/pdf", row.pdf());
            case "html" -> new Generated(base + ".html", "text/html; charset=utf-8", row.html().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> throw new NotFoundException("No format " + format);
        };
    }

    /** The report of a plan drafted from the data, without storing a version (for scripts). */
    @Transactional(readOnly = true)
    public CommitteeReportContent contentFromData(UUID planId) {
        PlanView plan = plans.plan(planId);
        return content(plan, defaultDraft(plan, null));
    }

    public static byte[] docx(CommitteeReportContent content) {
        return write(out -> CommitteeReportDocx.write(content, out));
    }

    public static byte[] pdf(CommitteeReportContent content) {
        return write(out -> CommitteeReportPdf.write(content, out));
    }

    /** The written statement of action: each finding in order, with the plan items and actions that answer it. */
    @Transactional(readOnly = true)
    public Generated writtenStatement(UUID planId, String format) {
        PlanView plan = plans.plan(planId);
        InspectionActivity activity = plan.activityId() == null ? null : inspections.visibleActivity(plan.activityId());
        List<WrittenStatementContent.FindingResponse> responses = new ArrayList<>();
        List<Finding> findings = activity == null ? List.of() : activity.findings().stream()
                .filter(f -> f.kind() != FindingKind.STRENGTH).toList();
        for (Finding f : findings) {
            List<WrittenStatementContent.PlanItem> items = plan.items().stream().filter(i -> f.id().equals(i.findingId()))
                    .map(this::statementItem).toList();
            responses.add(new WrittenStatementContent.FindingResponse(f.text(), items));
        }
        List<WrittenStatementContent.PlanItem> direct = plan.items().stream().filter(i -> i.findingId() == null).map(this::statementItem).toList();
        if (!direct.isEmpty()) {
            responses.add(new WrittenStatementContent.FindingResponse("Further improvement the authority has chosen to make", direct));
        }
        WrittenStatementContent content = new WrittenStatementContent(plan.laName(),
                activity == null ? plan.title() : label(activity.type()), activity == null ? "" : onSite(activity),
                Dates.day(LocalDate.now(clock)),
                List.of("This is " + plan.laName() + "'s written statement of the action it proposes to take in response to the "
                        + "findings of Ofsted" + (activity == null ? "" : "'s " + label(activity.type()).toLowerCase(Locale.UK))
                        + ", and the period within which it will take it (Education and Inspections Act 2006, section 137).",
                        "Findings are answered in the order Ofsted set them out."), responses);
        String base = "written-statement-of-action";
        return switch (format) {
            case "docx" -> new Generated(base + ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    write(out -> WrittenStatementDocx.write(content, out)));
            case "pdf" -> new Generated(base + ".pdf", "application/pdf", write(out -> WrittenStatementPdf.write(content, out)));
            default -> throw new NotFoundException("No format " + format);
        };
    }

    private WrittenStatementContent.PlanItem statementItem(PlanView.Item item) {
        return new WrittenStatementContent.PlanItem(item.title(), item.actions().stream().map(a -> new WrittenStatementContent.Action(
                a.description(), a.ownerName(), Dates.day(a.dueDate()), measureText(a))).toList());
    }

    ReportDraft defaultDraft(PlanView plan, String author) {
        InspectionActivity activity = plan.activityId() == null ? null : inspections.visibleActivity(plan.activityId());
        // Each committee overseeing the plan, at its first meeting from today (or its first, when none is to come).
        LocalDate today = LocalDate.now(clock);
        List<String> committees = plan.overseenBy().stream().filter(b -> b.kind() != BodyKind.BOARD && !b.meetings().isEmpty())
                .map(b -> ReportDraft.meetingKey(b.id(), b.meetings().stream().filter(d -> !d.isBefore(today)).findFirst()
                        .orElse(b.meetings().getFirst()))).toList();
        String when = activity == null || activity.startDate() == null ? "" : MONTH_YEAR.format(activity.startDate());
        String subject = activity == null ? plan.title() : "Ofsted " + shortLabel(activity.type()) + " " + (activity.startDate() == null ? "" : activity.startDate().getYear());
        List<String> summary = new ArrayList<>();
        if (activity != null) {
            summary.add("Ofsted carried out " + article(label(activity.type()).toLowerCase(Locale.UK)) + " of " + plan.laName()
                    + "'s children's social care services in " + when + "."
                    + (activity.publicationDate() == null ? "" : " Their findings were published on " + Dates.day(activity.publicationDate()) + ".")
                    + " This report summarises the key findings and the plan to address them, and appends Ofsted's findings in full.");
            Grade overall = activity.judgements().get(JudgementArea.OVERALL);
            if (overall != null) {
                summary.add("Children's social care services received an overall judgement of '" + gradeWords(overall, true) + "'.");
            }
            List<Finding> improve = activity.improvementItems();
            if (!improve.isEmpty()) {
                String what = activity.type().graded() ? (improve.size() == 1 ? " recommendation" : " recommendations")
                        : (improve.size() == 1 ? " area for improvement" : " areas for improvement");
                summary.add("The " + (activity.type().graded() ? "inspection report" : "letter") + " made " + improve.size() + what
                        + ", which are now in the " + plan.title() + ".");
            }
        }
        List<String> background = new ArrayList<>();
        background.add("Ofsted inspects local authority children's services under the ILACS framework (Inspecting Local Authority "
                + "Children's Services), introduced in 2018. Standard (two-week) inspections are usually for local authorities judged "
                + "'requires improvement to be good'; short (one-week) inspections for those judged 'good' or 'outstanding'. Focused "
                + "visits and joint targeted area inspections take place between inspections and are not graded.");
        if (activity != null) {
            inspections.visibleActivities(activity.laId()).stream()
                    .filter(a -> a.startDate() != null && activity.startDate() != null && a.startDate().isBefore(activity.startDate()))
                    .reduce((a, b) -> b).ifPresent(previous -> background.add("The previous Ofsted activity was the "
                            + label(previous.type()).toLowerCase(Locale.UK) + (previous.theme() == null ? "" : " (" + previous.theme() + ")")
                            + " on " + onSite(previous) + (previous.judgements().get(JudgementArea.OVERALL) == null ? "."
                            : ", when overall effectiveness was judged " + gradeWords(previous.judgements().get(JudgementArea.OVERALL), false) + ".")));
        }
        long actions = plan.allActions().size();
        long complete = plan.allActions().stream().filter(a -> a.status() == ActionStatus.COMPLETE).count();
        String conclusion = (activity != null && activity.judgements().get(JudgementArea.OVERALL) != null
                ? plan.laName() + "'s children's social care services are " + gradeWords(activity.judgements().get(JudgementArea.OVERALL), false) + ". "
                : "") + (actions == 1 ? "The plan has 1 action, which " + (complete == 1 ? "is complete" : "is not yet complete")
                        : "Of the " + actions + " actions in the plan, " + (complete == 1 ? "1 is complete" : complete + " are complete"))
                + "; progress is reported to "
                + plan.overseenBy().stream().filter(b -> b.kind() == BodyKind.BOARD).map(PlanView.Body::name).findFirst().orElse("the committees") + ".";
        return new ReportDraft(committees, List.of(), subject, "Public", "Director of Children's Services",
                author == null ? "" : author, "For Information", String.join("\n\n", summary), "Note the report.",
                String.join("\n\n", background), conclusion,
                (activity != null && activity.type().published() ? "Appendix 1 Ofsted " + (activity.type().graded() ? "report" : "letter") + "\n" : "")
                        + "Appendix 2 Action Plan",
                "Director of Children's Services", "Final", "No",
                List.of(new ReportDraft.Consultee(null, "Director of Law and Democracy", null),
                        new ReportDraft.Consultee(null, "Strategic Director of Finance and Governance", null),
                        new ReportDraft.Consultee(null, "Cabinet Member", null)),
                author == null ? "" : author, "", "", "", journeys.figures(plan.laId()).isPresent());
    }

    CommitteeReportContent content(PlanView plan, ReportDraft d) {
        InspectionActivity activity = plan.activityId() == null ? null : inspections.visibleActivity(plan.activityId());
        List<CommitteeReportContent.CommitteeDate> committees = committees(d, planRepository.bodies(plan.laId()));
        List<CommitteeReportContent.JudgementFinding> findings = new ArrayList<>();
        if (activity != null) {
            Optional<JudgementEra> era = activity.era(judgementSet);
            era.ifPresent(e -> e.areas().forEach(area -> {
                Grade g = activity.judgements().get(area);
                if (g != null) {
                    findings.add(new CommitteeReportContent.JudgementFinding(
                            messages.getMessage(e.labelKey(area), null, Locale.UK), gradeWords(g, false), List.of()));
                }
            }));
        }
        List<CommitteeReportContent.Proposal> proposals = plan.items().stream().map(item -> new CommitteeReportContent.Proposal(
                item.findingText(), item.title(), item.actions().stream().map(a -> new CommitteeReportContent.ActionLine(
                        a.description(), a.ownerName(), Dates.day(a.dueDate()), status(a.status()),
                        a.rag().rating().name().charAt(0) + a.rag().rating().name().substring(1).toLowerCase(Locale.UK),
                        a.latestUpdate() == null ? "" : Dates.day(a.latestUpdate().writtenAt().atZone(Dates.LONDON).toLocalDate()) + ": " + a.latestUpdate().note(),
                        measureText(a))).toList())).toList();
        List<CommitteeReportContent.Consultation> consultations = d.consulted().stream()
                .map(c -> new CommitteeReportContent.Consultation(c.name(), c.role(), c.day() == null ? c.date() : Dates.day(c.day()))).toList();
        String today = Dates.day(LocalDate.now(clock));
        return new CommitteeReportContent(plan.laName(), committees, d.subject(), d.classification(), d.reportOf(), d.reportAuthor(),
                d.purpose(), ReportDraft.paragraphs(d.summary()), ReportDraft.lines(d.recommendations()),
                ReportDraft.paragraphs(d.background()), findings, proposals, ReportDraft.paragraphs(d.conclusion()),
                ReportDraft.lines(d.appendices()),
                new CommitteeReportContent.AuditTrail(d.leadOfficer(), d.reportAuthor(), d.version(), today, d.keyDecision(), consultations, today),
                blank(d.authorName()) ? null : new CommitteeReportContent.AuthorSignOff(d.authorName(), d.authorTitle(), d.authorPhone(), d.authorEmail()),
                d.includesHelpAndProtection() ? helpAndProtection(plan).orElse(null) : null);
    }

    /**
     * The committees the report goes to: the picked governance meetings in date order, each with its date as "6 April
     * 2020", then the lines kept from an earlier version as typed ("name | date").
     */
    static List<CommitteeReportContent.CommitteeDate> committees(ReportDraft d, List<PlanView.Body> governance) {
        record Picked(String name, LocalDate date) {
        }
        List<Picked> picked = new ArrayList<>();
        for (PlanView.Body b : governance) {
            for (LocalDate date : b.meetings()) {
                if (d.meetings().contains(ReportDraft.meetingKey(b.id(), date))) {
                    picked.add(new Picked(b.name(), date));
                }
            }
        }
        List<CommitteeReportContent.CommitteeDate> out = new ArrayList<>(picked.stream()
                .sorted(java.util.Comparator.comparing(Picked::date).thenComparing(Picked::name))
                .map(p -> new CommitteeReportContent.CommitteeDate(p.name(), Dates.day(p.date()))).toList());
        ReportDraft.rows(String.join("\n", d.otherCommittees()), 2).forEach(r -> out.add(new CommitteeReportContent.CommitteeDate(r[0], nz(r[1]))));
        return out;
    }

    /** The measures a committee report shows, in this order (the funnel is shown in full). */
    static final List<String> REPORT_MEASURES = List.of("RE_REFERRALS", "REFERRALS_NFA", "ASSESSMENTS_IN_TIME", "ICPC_IN_TIME",
            "REPEAT_PLANS_2_YEARS", "PLANS_OVER_2_YEARS", "CP_REVIEWS_IN_TIME", "CP_VISITS_IN_TIME", "CIN_VISITS_IN_TIME",
            "STEP_DOWN_EARLY_HELP_STARTED", "STEP_DOWN_STEPPED_UP");

    Optional<CommitteeReportContent.HelpAndProtection> helpAndProtection(PlanView plan) {
        return journeys.figures(plan.laId()).map(f -> section(plan.laName(), plan.title(), plan.allActions(), f, this::message));
    }

    /**
     * The section from the LA's figures: the funnel in full, {@link #REPORT_MEASURES} as numbers and percentages, and
     * beside each the target of the first action (in plan order) whose measure follows it, with the distance to that
     * target in percentage points from the action's current value (the bound measure's, as the plan shows it), or from
     * this figure when the action has none yet (never negative; the direction is the action's, baseline to target).
     */
    static CommitteeReportContent.HelpAndProtection section(String laName, String planTitle, List<PlanView.Action> actions,
                                                            JourneySummaries.Figures f, java.util.function.Function<String, String> message) {
        List<CommitteeReportContent.FunnelLine> funnel = f.funnel().stream().map(s -> new CommitteeReportContent.FunnelLine(
                message.apply("protection.step." + s.step()), String.valueOf(s.count()), s.conversion() == null ? "" : s.conversion() + "%")).toList();
        List<CommitteeReportContent.MeasureLine> lines = new ArrayList<>();
        for (String name : REPORT_MEASURES) {
            f.measure(name).ifPresent(m -> {
                Optional<PlanView.Action> bound = actions.stream()
                        .filter(a -> a.measure() != null && a.boundMeasure() != null && followsMeasure(a.boundMeasure(), name)).findFirst();
                String target = bound.map(a -> a.measure().target().stripTrailingZeros().toPlainString() + "%").orElse("");
                // The plan's own current value of the bound measure when it has one (as the plan page shows it), else this figure.
                String distance = bound.map(a -> a.measure().current() != null ? points(a.measure().distanceToTarget())
                        : m.percent() == null ? "not yet measured"
                        : points(new org.oversight.improvement.domain.Measure(a.measure().name(), a.measure().baseline(), a.measure().target(),
                        java.math.BigDecimal.valueOf(m.percent()), f.to()).distanceToTarget())).orElse("");
                lines.add(new CommitteeReportContent.MeasureLine(message.apply("protection.measure." + name), m.hits() + " of " + m.total(),
                        m.percent() == null ? "–" : m.percent() + "%", target, distance));
            });
        }
        List<String> paragraphs = List.of("These figures are " + laName + "'s help and protection for the 12 months from "
                        + Dates.day(f.from()) + " to " + Dates.day(f.to()) + ", from its child-level data on the whole child's journey "
                        + "(contacts to child protection plans, and cases stepped down to early help, with early help expected to start within "
                        + f.stepDownWorkingDays() + " working days). No child is identified.",
                "Where an action of the " + planTitle + " has a measure that follows one of these figures, its target and the "
                        + "distance still to go are shown beside it, in percentage points.");
        return new CommitteeReportContent.HelpAndProtection(paragraphs, funnel, lines);
    }

    /** Whether an action's bound measure key ({@code ComplianceMeasures.Key}) follows a front-door measure: the same name. */
    static boolean followsMeasure(String key, String measure) {
        return key.equals(measure);
    }

    private static String points(java.math.BigDecimal distance) {
        return distance.stripTrailingZeros().toPlainString() + " points";
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, Locale.UK);
    }

    private static String measureText(PlanView.Action a) {
        if (a.measure() == null) {
            return "";
        }
        var m = a.measure();
        return m.name() + ": baseline " + m.baseline().toPlainString() + ", target " + m.target().toPlainString() + ", now "
                + (m.current() == null ? "not yet measured" : m.current().toPlainString() + (m.measuredOn() == null ? "" : " on " + Dates.day(m.measuredOn())))
                + " (" + m.distanceToTarget().toPlainString() + " from target)";
    }

    private static String status(ActionStatus s) {
        String words = s.name().toLowerCase(Locale.UK).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String gradeWords(Grade g, boolean capital) {
        String w = switch (g) {
            case OUTSTANDING -> "outstanding";
            case GOOD -> "good";
            case REQUIRES_IMPROVEMENT -> "requires improvement to be good";
            case INADEQUATE -> "inadequate";
        };
        return capital ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w;
    }

    private static String label(ActivityType type) {
        return switch (type) {
            case STANDARD_INSPECTION -> "Standard inspection";
            case SHORT_INSPECTION -> "Short inspection";
            case SIF_INSPECTION -> "Inspection";
            case FOCUSED_VISIT -> "Focused visit";
            case MONITORING_VISIT -> "Monitoring visit";
            case JTAI -> "Joint targeted area inspection";
            case ANNUAL_ENGAGEMENT_MEETING -> "Annual engagement meeting";
            case SELF_EVALUATION -> "Self-evaluation";
        };
    }

    private static String shortLabel(ActivityType type) {
        return type.graded() ? "Inspection" : label(type);
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    private static String onSite(InspectionActivity a) {
        if (a.startDate() == null) {
            return "";
        }
        return a.startDate().equals(a.endDate()) ? Dates.day(a.startDate())
                : Dates.day(a.startDate()) + " to " + Dates.day(a.endDate());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writer.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
