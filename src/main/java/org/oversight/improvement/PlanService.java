package org.oversight.improvement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

import org.oversight.access.CurrentUser;
import org.oversight.access.UserAccounts;
import org.oversight.compliance.ComplianceMeasures;
import org.oversight.improvement.domain.ActionStatus;
import org.oversight.improvement.domain.BodyKind;
import org.oversight.improvement.domain.Measure;
import org.oversight.improvement.domain.PlanKind;
import org.oversight.improvement.domain.PlanView;
import org.oversight.improvement.domain.RagRule;
import org.oversight.improvement.persistence.PlanRepository;
import org.oversight.inspection.InspectionService;
import org.oversight.inspection.domain.Finding;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to plans goes through here, in one transaction with its history row: plans and governance by the
 * LA's managers; progress updates and evidence by its managers and staff. Plans are LA-internal: only the LA's own
 * users (managers, staff, councillors) read them.
 */
@Service
public class PlanService {

    private final PlanRepository plans;
    private final InspectionService inspections;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final RagRule rag = RagRule.standard();
    private final long maxEvidenceBytes;
    private final ComplianceMeasures measures;
    private final UserAccounts accounts;

    PlanService(PlanRepository plans, InspectionService inspections, CurrentUser currentUser, Clock clock,
                @Value("${oversight.evidence.max-bytes:10485760}") long maxEvidenceBytes, ComplianceMeasures measures,
                UserAccounts accounts) {
        this.measures = measures;
        this.accounts = accounts;
        this.plans = plans;
        this.inspections = inspections;
        this.currentUser = currentUser;
        this.clock = clock;
        this.maxEvidenceBytes = maxEvidenceBytes;
    }

    public RagRule ragRule() {
        return rag;
    }

    public long maxEvidenceBytes() {
        return maxEvidenceBytes;
    }

    @Transactional(readOnly = true)
    public PlanView plan(UUID planId) {
        PlanView plan = plans.find(planId, rag, LocalDate.now(clock))
                .orElseThrow(() -> new NotFoundException("No improvement plan has the id " + planId));
        requireReader(plan.laId());
        if (plan.allActions().stream().noneMatch(a -> a.boundMeasure() != null)) {
            return plan;
        }
        LocalDate today = LocalDate.now(clock);
        // the bound measures' current values, each kind of stored figures read once for the whole plan
        Map<ComplianceMeasures.Key, ComplianceMeasures.Value> current = measures.current(plan.laId(), plan.items().stream()
                .flatMap(item -> item.actions().stream()).filter(a -> a.boundMeasure() != null && a.measure() != null)
                .map(a -> ComplianceMeasures.Key.valueOf(a.boundMeasure())).distinct().toList());
        List<PlanView.Item> items = plan.items().stream().map(item -> new PlanView.Item(item.id(), item.ordinal(), item.title(),
                item.findingId(), item.findingKind(), item.findingText(), item.actions().stream().map(a -> live(current, a, today)).toList(),
                item.sourceLabel(), item.sourceUrl()))
                .toList();
        return new PlanView(plan.id(), plan.laId(), plan.laUrn(), plan.laName(), plan.activityId(), plan.kind(), plan.title(),
                plan.startDate(), items, plan.overseenBy(), plan.history());
    }

    /** A bound measure's current value is the LA's live compliance percentage; the rating follows it. */
    private PlanView.Action live(Map<ComplianceMeasures.Key, ComplianceMeasures.Value> current, PlanView.Action a, LocalDate today) {
        if (a.boundMeasure() == null || a.measure() == null) {
            return a;
        }
        return java.util.Optional.ofNullable(current.get(ComplianceMeasures.Key.valueOf(a.boundMeasure()))).map(v -> {
            Measure m = new Measure(a.measure().name(), a.measure().baseline(), a.measure().target(), v.percent(), v.asOf());
            return new PlanView.Action(a.id(), a.description(), a.ownerId(), a.ownerName(), a.dueDate(), a.status(), m,
                    rag.rate(a.status(), a.start(), a.dueDate(), m, today), a.updates(), a.evidence(), a.version(), a.start(), a.boundMeasure());
        }).orElse(a);
    }

    /** Binds an action's impact measure to a compliance measure (or unbinds it with null); LA managers only. */
    @Transactional
    public void bindMeasure(UUID actionId, ComplianceMeasures.Key key) {
        PlanRepository.Owner owner = plans.ownerOfAction(actionId).orElseThrow(() -> new NotFoundException("No action has the id " + actionId));
        requireManager(owner.laId());
        plans.bindMeasure(actionId, key == null ? null : key.name());
        plans.history(owner.planId(), owner.laId(), key == null ? "Measure no longer follows the data"
                : "Measure now follows the compliance data: " + key.name().toLowerCase(Locale.UK).replace('_', ' '), currentUser.actor(), now());
    }

    @Transactional(readOnly = true)
    public List<PlanRepository.PlanSummary> plansOf(int laUrn) {
        LocalAuthority la = inspections.localAuthority(laUrn);
        requireReader(la.id());
        return plans.plansOfLa(la.id());
    }

    @Transactional(readOnly = true)
    public List<UUID> plansOfActivity(UUID activityId) {
        InspectionActivity activity = inspections.visibleActivity(activityId);
        if (!currentUser.canSeeInternal(activity.laId())) {
            return List.of();
        }
        return plans.plansOfActivity(activityId);
    }

    @Transactional(readOnly = true)
    public List<PlanRepository.ItemOfFinding> itemsOfFindings(UUID activityId) {
        InspectionActivity activity = inspections.visibleActivity(activityId);
        return currentUser.canSeeInternal(activity.laId()) ? plans.itemsOfFindings(activityId) : List.of();
    }

    @Transactional(readOnly = true)
    public List<UserAccounts.Member> people(UUID laId) {
        requireReader(laId);
        return accounts.managersAndStaff(laId);
    }

    @Transactional(readOnly = true)
    public List<PlanView.Body> bodies(UUID laId) {
        requireReader(laId);
        return plans.bodies(laId);
    }

    /** A plan answering an activity's findings: one item per area for improvement, recommendation and priority action. */
    @Transactional
    public UUID createFromActivity(UUID activityId, PlanKind kind, String title, LocalDate start) {
        InspectionActivity activity = inspections.visibleActivity(activityId);
        requireManager(activity.laId());
        List<FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(FieldProblem.of("kind", "improvement.error.kind"));
        }
        if (title == null || title.isBlank()) {
            problems.add(FieldProblem.of("title", "improvement.error.title"));
        }
        if (start == null) {
            problems.add(FieldProblem.of("startDate", "improvement.error.startDate"));
        }
        invalidIf(problems);
        UUID planId = plans.insertPlan(activity.laId(), activityId, kind, title.trim(), start, currentUser.actor());
        for (Finding finding : activity.findings()) {
            if (finding.kind() != FindingKind.STRENGTH) {
                plans.insertItem(planId, activity.laId(), finding.id(), finding.text(), currentUser.actor());
            }
        }
        plans.history(planId, activity.laId(), "Created the plan from the findings of the " + activityLabel(activity), currentUser.actor(), now());
        return planId;
    }

    @Transactional
    public UUID addItem(UUID planId, UUID findingId, String title) {
        PlanView plan = plan(planId);
        requireManager(plan.laId());
        if (title == null || title.isBlank()) {
            throw new InvalidInputException(List.of(FieldProblem.of("title", "improvement.error.title.2")));
        }
        UUID id = plans.insertItem(planId, plan.laId(), findingId, title.trim(), currentUser.actor());
        plans.history(planId, plan.laId(), "Added item: " + abbreviate(title), currentUser.actor(), now());
        return id;
    }

    /** A plan of an LA, for other modules to offer as a destination (e.g. for a case-audit finding). */
    public record PlanChoice(UUID id, String title, int items) {
    }

    /** The LA's plans, newest first, for its own users. */
    @Transactional(readOnly = true)
    public List<PlanChoice> choicesOf(UUID laId) {
        requireReader(laId);
        return plans.plansOfLa(laId).stream().map(p -> new PlanChoice(p.id(), p.title(), p.items())).toList();
    }

    /**
     * An item that comes from another source than an inspection finding (e.g. a case-audit finding): its label and a
     * link back to it are kept on the item and shown on the plan. LA managers only; the plan must be of {@code laId}.
     */
    @Transactional
    public UUID addItemFromSource(UUID laId, UUID planId, String title, String sourceLabel, String sourceUrl) {
        PlanView plan = plan(planId);
        requireManager(plan.laId());
        if (!plan.laId().equals(laId)) {
            throw new NotFoundException("No improvement plan " + planId + " in this local authority");
        }
        if (title == null || title.isBlank()) {
            throw new InvalidInputException(List.of(FieldProblem.of("title", "improvement.error.title.2")));
        }
        if (sourceLabel == null || sourceLabel.isBlank() || (sourceUrl != null && !sourceUrl.startsWith("/"))) {
            throw new IllegalArgumentException("A source needs a label and, if any, a link within Oversight");
        }
        UUID id = plans.insertItem(planId, plan.laId(), null, title.trim(), currentUser.actor(), sourceLabel, sourceUrl);
        plans.history(planId, plan.laId(), "Added item from " + abbreviate(sourceLabel) + ": " + abbreviate(title), currentUser.actor(), now());
        return id;
    }

    /** A new action; owner, due date (on or after the plan's start) and description are required. */
    @Transactional
    public UUID addAction(UUID itemId, String description, UUID ownerId, LocalDate due, ActionStatus status, Measure measure) {
        PlanRepository.Owner owner = plans.ownerOfItem(itemId).orElseThrow(() -> new NotFoundException("No plan item has the id " + itemId));
        PlanView plan = plan(owner.planId());
        requireManager(plan.laId());
        List<FieldProblem> problems = new ArrayList<>();
        if (description == null || description.isBlank()) {
            problems.add(FieldProblem.of("description", "improvement.error.description"));
        }
        if (ownerId == null) {
            problems.add(FieldProblem.of("ownerId", "improvement.error.ownerId"));
        } else if (accounts.managersAndStaff(plan.laId()).stream().noneMatch(p -> p.id().equals(ownerId))) {
            problems.add(FieldProblem.of("ownerId", "improvement.error.ownerId.2", plan.laName()));
        }
        if (due == null) {
            problems.add(FieldProblem.of("dueDate", "improvement.error.dueDate"));
        } else if (due.isBefore(plan.startDate())) {
            problems.add(FieldProblem.of("dueDate", "improvement.error.dueDate.2", Dates.format(plan.startDate())));
        }
        checkMeasure(measure, problems);
        invalidIf(problems);
        if (measure != null && measure.current() != null && measure.measuredOn() == null) {
            measure = new Measure(measure.name(), measure.baseline(), measure.target(), measure.current(), LocalDate.now(clock));
        }
        UUID id = plans.insertAction(itemId, plan.laId(), description.trim(), ownerId, due, status == null ? ActionStatus.NOT_STARTED : status,
                measure, currentUser.actor());
        plans.history(plan.id(), plan.laId(), "Added action: " + abbreviate(description) + " (due " + Dates.format(due) + ")",
                currentUser.actor(), now());
        return id;
    }

    /** A dated progress update: the new status, a note, and the measure's current value if it moved. */
    @Transactional
    public void recordProgress(UUID actionId, int version, ActionStatus status, String note, BigDecimal value) {
        PlanRepository.Owner owner = plans.ownerOfAction(actionId).orElseThrow(() -> new NotFoundException("No action has the id " + actionId));
        requireEditor(owner.laId());
        List<FieldProblem> problems = new ArrayList<>();
        if (status == null) {
            problems.add(FieldProblem.of("status", "improvement.error.status"));
        }
        if (note == null || note.isBlank()) {
            problems.add(FieldProblem.of("note", "improvement.error.note"));
        }
        invalidIf(problems);
        LocalDate today = LocalDate.now(clock);
        if (!plans.updateAction(actionId, version, status, value, today)) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "improvement.error.status.2")));
        }
        plans.insertUpdate(actionId, owner.laId(), note.trim(), status, value, currentUser.actor(), now());
        plans.history(owner.planId(), owner.laId(), "Progress on an action: " + status.name().toLowerCase(Locale.UK).replace('_', ' ')
                + (value == null ? "" : ", measure now " + value.toPlainString()) + " — " + abbreviate(note), currentUser.actor(), now());
    }

    /** Evidence as a file (size and type limited, stored with its SHA-256) or as a link. */
    @Transactional
    public UUID addEvidence(UUID actionId, String description, String fileName, String contentType, byte[] content, String url) {
        PlanRepository.Owner owner = plans.ownerOfAction(actionId).orElseThrow(() -> new NotFoundException("No action has the id " + actionId));
        requireEditor(owner.laId());
        List<FieldProblem> problems = new ArrayList<>();
        if (description == null || description.isBlank()) {
            problems.add(FieldProblem.of("evidenceDescription", "improvement.error.evidenceDescription"));
        }
        boolean hasFile = content != null && content.length > 0;
        boolean hasUrl = url != null && !url.isBlank();
        if (hasFile == hasUrl) {
            problems.add(FieldProblem.of("file", "improvement.error.file"));
        }
        if (hasFile && content.length > maxEvidenceBytes) {
            problems.add(FieldProblem.of("file", "improvement.error.file.2", String.valueOf(fileName), String.valueOf((maxEvidenceBytes / (1024 * 1024)))));
        }
        // The type comes from the content (its magic bytes) and must agree with the name; the browser's claim is ignored.
        org.oversight.shared.upload.FileTypes.Verdict type = hasFile ? org.oversight.shared.upload.FileTypes.check(fileName, content) : null;
        if (type != null && !type.ok()) {
            problems.add(new FieldProblem("file", type.problem()));
        }
        if (hasUrl && !url.trim().matches("https?://\\S+")) {
            problems.add(FieldProblem.of("url", "improvement.error.url"));
        }
        invalidIf(problems);
        UUID id = plans.insertEvidence(actionId, owner.laId(), description.trim(), hasFile ? fileName : null, hasFile ? type.kind().mediaType() : null,
                hasFile ? org.oversight.shared.Checksums.sha256(content) : null, hasFile ? content : null,
                hasUrl ? url.trim() : null, currentUser.actor(), now());
        plans.history(owner.planId(), owner.laId(), "Added evidence: " + abbreviate(description), currentUser.actor(), now());
        return id;
    }

    @Transactional(readOnly = true)
    public PlanRepository.EvidenceFile evidenceFile(UUID evidenceId) {
        PlanRepository.EvidenceFile file = plans.evidenceFile(evidenceId)
                .orElseThrow(() -> new NotFoundException("No evidence file has the id " + evidenceId));
        requireReader(file.laId());
        return file;
    }

    @Transactional
    public UUID addBody(UUID laId, String name, BodyKind kind) {
        requireManager(laId);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException(List.of(FieldProblem.of("name", "improvement.error.name")));
        }
        if (plans.bodyByName(laId, name.trim()).isPresent()) {
            throw new InvalidInputException(List.of(FieldProblem.of("name", "improvement.error.name.2", String.valueOf(name.trim()))));
        }
        return plans.insertBody(laId, name.trim(), kind == null ? BodyKind.COMMITTEE : kind);
    }

    @Transactional
    public void addMeeting(UUID laId, UUID bodyId, LocalDate date) {
        requireManager(laId);
        if (plans.bodies(laId).stream().noneMatch(b -> b.id().equals(bodyId))) {
            throw new NotFoundException("No board or committee " + bodyId + " in this local authority");
        }
        if (date == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("meetingDate", "improvement.error.meetingDate")));
        }
        plans.insertMeeting(bodyId, laId, date);
    }

    @Transactional
    public void oversee(UUID planId, UUID bodyId) {
        PlanView plan = plan(planId);
        requireManager(plan.laId());
        PlanView.Body body = plans.bodies(plan.laId()).stream().filter(b -> b.id().equals(bodyId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No board or committee " + bodyId + " in " + plan.laName()));
        plans.oversee(planId, bodyId);
        plans.history(planId, plan.laId(), body.name() + " oversees the plan", currentUser.actor(), now());
    }

    void requireReader(UUID laId) {
        if (!currentUser.canSeeInternal(laId)) {
            throw new AccessDeniedException("Improvement plans are visible only to the local authority's own users");
        }
    }

    void requireManager(UUID laId) {
        if (!currentUser.canManage(laId)) {
            throw new AccessDeniedException("Only the local authority's managers can change its plans and committee reports");
        }
    }

    private void requireEditor(UUID laId) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Only the local authority's managers and staff can update actions");
        }
    }

    private static void checkMeasure(Measure m, List<FieldProblem> problems) {
        if (m == null) {
            return;
        }
        if (m.name() == null || m.name().isBlank()) {
            problems.add(FieldProblem.of("measureName", "improvement.error.measureName"));
        }
        if (m.baseline() == null) {
            problems.add(FieldProblem.of("baseline", "improvement.error.baseline"));
        }
        if (m.target() == null) {
            problems.add(FieldProblem.of("target", "improvement.error.target"));
        } else if (m.baseline() != null && m.baseline().compareTo(m.target()) == 0) {
            problems.add(FieldProblem.of("target", "improvement.error.target.2"));
        }
    }

    private static void invalidIf(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static String activityLabel(InspectionActivity a) {
        return a.type().name().toLowerCase(Locale.UK).replace('_', ' ') + (a.startDate() == null ? "" : " of " + Dates.format(a.startDate()));
    }

    private static String abbreviate(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
