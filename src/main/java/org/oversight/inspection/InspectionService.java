package org.oversight.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.access.CurrentUser;
import org.oversight.inspection.domain.ActivityCommand;
import org.oversight.inspection.domain.ActivityRules;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.inspection.domain.Finding;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.inspection.persistence.ActivityRepository;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.Dates;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to activities and findings goes through here: checked by {@link ActivityRules}, allowed only for
 * the LA's own managers and staff, written with its history row in one transaction.
 */
@Service
public class InspectionService {

    private final ActivityRepository activities;
    private final LocalAuthorities localAuthorities;
    private final ActivityRules rules;
    private final CurrentUser currentUser;
    private final Clock clock;

    InspectionService(ActivityRepository activities, LocalAuthorities localAuthorities, ActivityRules rules,
                      CurrentUser currentUser, Clock clock) {
        this.activities = activities;
        this.localAuthorities = localAuthorities;
        this.rules = rules;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** An LA by URN, or a 404. */
    public LocalAuthority localAuthority(int urn) {
        return localAuthorities.get(urn);
    }

    /** The name of the LA of a published activity (public data), or empty when there is no such published activity. */
    @Transactional(readOnly = true)
    public java.util.Optional<String> publishedActivityLa(UUID id) {
        return activities.find(id).filter(a -> a.publiclyVisible(today())).map(InspectionActivity::laName);
    }

    /** An activity the current user may see: published ones for everyone, the rest for the LA's own users. */
    @Transactional(readOnly = true)
    public InspectionActivity visibleActivity(UUID id) {
        InspectionActivity activity = activities.find(id)
                .orElseThrow(() -> new NotFoundException("No inspection activity has the id " + id));
        if (!activity.publiclyVisible(today()) && !currentUser.canSeeInternal(activity.laId())) {
            if (!currentUser.signedIn()) {
                throw new InsufficientAuthenticationException("Sign in to see this activity");
            }
            throw new AccessDeniedException("This activity is not published and belongs to another local authority");
        }
        return activity;
    }

    /**
     * An activity the current user may see, as {@link #visibleActivity}, and also one of the LA an inspector has a grant
     * in force for (the inspection they are on, before its report is published).
     */
    @Transactional(readOnly = true)
    public InspectionActivity activityForInspection(UUID id) {
        InspectionActivity activity = activities.find(id)
                .orElseThrow(() -> new NotFoundException("No inspection activity has the id " + id));
        if (currentUser.inspectorLa().filter(activity.laId()::equals).isPresent()) {
            return activity;
        }
        return visibleActivity(id);
    }

    /** What the current user may see of an LA's activities. */
    @Transactional(readOnly = true)
    public List<InspectionActivity> visibleActivities(UUID laId) {
        boolean internal = currentUser.canSeeInternal(laId);
        LocalDate today = today();
        return activities.forLa(laId).stream().filter(a -> internal || a.publiclyVisible(today)).toList();
    }

    @Transactional
    public UUID create(int laUrn, ActivityCommand command) {
        LocalAuthority la = localAuthority(laUrn);
        requireEditor(la.id());
        check(command);
        Instant now = clock.instant();
        UUID id = activities.insert(la.id(), command, "MANUAL", currentUser.actor(), now);
        activities.recordHistory(id, la.id(), "CREATED", "Created " + describe(command), currentUser.actor(), now);
        return id;
    }

    @Transactional
    public void update(UUID id, int expectedVersion, ActivityCommand command) {
        InspectionActivity existing = activities.find(id)
                .orElseThrow(() -> new NotFoundException("No inspection activity has the id " + id));
        requireEditor(existing.laId());
        check(command);
        Instant now = clock.instant();
        if (!activities.update(id, expectedVersion, command, currentUser.actor(), now)) {
            throw new InvalidInputException(List.of(FieldProblem.of("version", "inspection.error.version")));
        }
        activities.recordHistory(id, existing.laId(), "UPDATED", "Updated " + describe(command), currentUser.actor(), now);
    }

    @Transactional
    public UUID addFinding(UUID activityId, FindingKind kind, String text, String reference) {
        InspectionActivity activity = activities.find(activityId)
                .orElseThrow(() -> new NotFoundException("No inspection activity has the id " + activityId));
        requireEditor(activity.laId());
        checkFinding(kind, text, reference);
        UUID id = activities.insertFinding(activityId, kind, text.trim(), reference, currentUser.actor());
        activities.recordHistory(activityId, activity.laId(), "FINDING_ADDED", "Added " + kind.name().toLowerCase().replace('_', ' ')
                + ": " + abbreviate(text), currentUser.actor(), clock.instant());
        return id;
    }

    @Transactional
    public void updateFinding(UUID activityId, UUID findingId, FindingKind kind, String text, String reference) {
        InspectionActivity activity = activityOwningFinding(activityId, findingId);
        requireEditor(activity.laId());
        checkFinding(kind, text, reference);
        activities.updateFinding(findingId, kind, text.trim(), reference);
        activities.recordHistory(activityId, activity.laId(), "FINDING_UPDATED", "Changed finding: " + abbreviate(text),
                currentUser.actor(), clock.instant());
    }

    @Transactional
    public void deleteFinding(UUID activityId, UUID findingId) {
        InspectionActivity activity = activityOwningFinding(activityId, findingId);
        requireEditor(activity.laId());
        String text = activity.findings().stream().filter(f -> f.id().equals(findingId)).findFirst().map(f -> f.text()).orElse("");
        activities.deleteFinding(findingId);
        activities.recordHistory(activityId, activity.laId(), "FINDING_REMOVED", "Removed finding: " + abbreviate(text),
                currentUser.actor(), clock.instant());
    }

    /** A finding read from a published document. */
    public record ImportedFinding(FindingKind kind, String text, String frameworkReference) {
    }

    /** What recording an imported document did. */
    public enum ImportOutcome { IMPORTED, UPDATED, UNCHANGED }

    public record ImportResult(ImportOutcome outcome, UUID activityId) {
    }

    /**
     * Records an activity read from a published Ofsted document. The caller (the report importer) has checked who may
     * import it and owns the transaction. The same document again changes nothing; a document about an activity already
     * recorded (same LA, same kind, same first on-site day) updates it and replaces its findings with the document's;
     * otherwise a new activity is added.
     *
     * @throws InvalidInputException when the values break the activity rules; nothing is written
     */
    @Transactional
    public ImportResult recordImported(UUID laId, ActivityCommand command, List<ImportedFinding> findings, String documentSha256,
                                       String actor) {
        Optional<UUID> already = activities.findByDocument(documentSha256);
        if (already.isPresent()) {
            return new ImportResult(ImportOutcome.UNCHANGED, already.get());
        }
        check(command);
        Instant now = clock.instant();
        Optional<InspectionActivity> existing = command.onSite().isEmpty() ? Optional.empty()
                : activities.findSame(laId, sameKind(command.type()), command.onSite().getFirst().start());
        UUID id;
        ImportOutcome outcome;
        if (existing.isPresent()) {
            id = existing.get().id();
            merge(existing.get(), command, findings, actor, now);
            outcome = ImportOutcome.UPDATED;
        } else {
            id = activities.insert(laId, command, "IMPORT", actor, now);
            outcome = ImportOutcome.IMPORTED;
            for (ImportedFinding f : findings) {
                activities.insertFinding(id, f.kind(), f.text(), f.frameworkReference(), actor);
            }
        }
        activities.linkDocument(id, documentSha256);
        activities.recordHistory(id, laId, outcome.name(), (outcome == ImportOutcome.IMPORTED ? "Imported " : "Updated from ")
                + "the published document " + documentSha256.substring(0, 12) + " with " + findings.size() + " findings", actor, now);
        return new ImportResult(outcome, id);
    }

    private static List<ActivityType> sameKind(ActivityType type) {
        return type.graded()
                ? List.of(ActivityType.STANDARD_INSPECTION, ActivityType.SHORT_INSPECTION, ActivityType.SIF_INSPECTION)
                : List.of(type);
    }

    /** Updates an activity from a published document: its values, and its findings replaced by the document's. */
    private void merge(InspectionActivity existing, ActivityCommand command, List<ImportedFinding> findings, String actor, Instant now) {
        UUID id = existing.id();
        ActivityCommand merged = keepWhatTheDocumentDoesNotSay(existing, command);
        activities.update(id, existing.version(), merged, actor, now);
        // Keep findings the document repeats (plan items point at them); add the new ones; drop the rest.
        List<ImportedFinding> toAdd = new java.util.ArrayList<>(findings);
        for (Finding kept : existing.findings()) {
            boolean repeated = toAdd.removeIf(f -> f.kind() == kept.kind() && same(f.text(), kept.text()));
            if (!repeated && kept.kind() != FindingKind.STRENGTH) {
                activities.deleteFinding(kept.id());
            }
        }
        toAdd.forEach(f -> activities.insertFinding(id, f.kind(), f.text(), f.frameworkReference(), actor));
    }

    /** An activity read from a published report that Oversight does not hold (the bundled national dataset). */
    public record PublishedActivity(UUID laId, ActivityCommand command, List<ImportedFinding> findings, String source) {
    }

    /** What recording published activities did: the id of each, in order, and how many were new. */
    public record PublishedResult(List<UUID> activityIds, int added, int updated) {
    }

    /**
     * Records many activities read from published reports, in the caller's transaction: one already recorded (same
     * LA, same kind, same first on-site day, e.g. a demo activity or one imported from its PDF) is updated as
     * {@link #recordImported} does; the others are written in batches, with their findings and a history entry each.
     * Every activity is checked first; nothing is written if one breaks the rules.
     *
     * @throws InvalidInputException naming the activity ({@code activities[n]}) and the rule it breaks
     */
    @Transactional
    public PublishedResult recordPublished(List<PublishedActivity> batch, String actor) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            for (FieldProblem p : rules.check(batch.get(i).command())) {
                problems.add(new FieldProblem("activities[" + i + "]." + p.field(), batch.get(i).source() + ": " + p.message()));
            }
            if (batch.get(i).command().onSite().isEmpty()) {
                problems.add(new FieldProblem("activities[" + i + "].onSite", batch.get(i).source() + ": no on-site dates"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        Map<ActivityRepository.FirstDay, UUID> existing = activities.byFirstOnSiteDay();
        List<UUID> ids = new java.util.ArrayList<>();
        List<ActivityRepository.NewActivity> fresh = new java.util.ArrayList<>();
        int updated = 0;
        for (PublishedActivity p : batch) {
            java.time.LocalDate first = p.command().onSite().getFirst().start();
            UUID match = sameKind(p.command().type()).stream()
                    .map(t -> existing.get(new ActivityRepository.FirstDay(p.laId(), t, first))).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            if (match != null) {
                InspectionActivity current = activities.find(match).orElseThrow();
                merge(current, p.command(), p.findings(), actor, now);
                activities.recordHistory(match, p.laId(), ImportOutcome.UPDATED.name(), "Updated from " + p.source()
                        + " with " + p.findings().size() + " findings", actor, now);
                ids.add(match);
                updated++;
            } else {
                UUID id = UUID.randomUUID();
                fresh.add(new ActivityRepository.NewActivity(id, p.laId(), p.command(), p.findings().stream()
                        .map(f -> new ActivityRepository.NewFinding(f.kind(), f.text(), f.frameworkReference())).toList(),
                        "Imported from " + p.source() + " with " + p.findings().size() + " findings"));
                existing.put(new ActivityRepository.FirstDay(p.laId(), p.command().type(), first), id);
                ids.add(id);
            }
        }
        activities.insertAll(fresh, "IMPORT", actor, now);
        return new PublishedResult(List.copyOf(ids), fresh.size(), updated);
    }

    /** Same words, ignoring case, spacing and the kind of apostrophe. */
    private static boolean same(String a, String b) {
        return normalise(a).equals(normalise(b));
    }

    private static String normalise(String s) {
        return s.replace('\u2019', '\'').replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.UK);
    }

    /** Dates, team and notes the LA recorded that a published document does not print are kept on update. */
    private static ActivityCommand keepWhatTheDocumentDoesNotSay(InspectionActivity existing, ActivityCommand doc) {
        return new ActivityCommand(doc.type(), doc.theme() != null ? doc.theme() : existing.theme(),
                doc.partnerInspectorates().isEmpty() ? existing.partnerInspectorates() : doc.partnerInspectorates(),
                doc.notificationDate() != null ? doc.notificationDate() : existing.notificationDate(), doc.onSite(),
                doc.feedbackDate() != null ? doc.feedbackDate() : existing.feedbackDate(),
                doc.publicationDate() != null ? doc.publicationDate() : existing.publicationDate(),
                doc.leadInspector() != null ? doc.leadInspector() : existing.leadInspector(),
                doc.inspectionTeam() != null ? doc.inspectionTeam() : existing.inspectionTeam(),
                doc.summary() != null ? doc.summary() : existing.summary(), doc.judgements());
    }

    @Transactional(readOnly = true)
    public List<ActivityRepository.HistoryEntry> history(UUID activityId) {
        InspectionActivity activity = visibleActivity(activityId);
        if (!currentUser.canSeeInternal(activity.laId())) {
            return List.of();
        }
        return activities.history(activityId);
    }

    private InspectionActivity activityOwningFinding(UUID activityId, UUID findingId) {
        UUID owner = activities.activityOfFinding(findingId)
                .orElseThrow(() -> new NotFoundException("No finding has the id " + findingId));
        if (!owner.equals(activityId)) {
            throw new NotFoundException("Activity " + activityId + " has no finding " + findingId);
        }
        return activities.find(activityId).orElseThrow(() -> new NotFoundException("No inspection activity has the id " + activityId));
    }

    private void requireEditor(UUID laId) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Only this local authority's managers and staff can change its inspection records");
        }
    }

    private void check(ActivityCommand command) {
        List<FieldProblem> problems = rules.check(command);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static void checkFinding(FindingKind kind, String text, String reference) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        if (kind == null) {
            problems.add(FieldProblem.of("kind", "inspection.error.kind"));
        }
        if (text == null || text.isBlank()) {
            problems.add(FieldProblem.of("text", "inspection.error.text"));
        } else if (text.length() > 4000) {
            problems.add(FieldProblem.of("text", "inspection.error.text.2"));
        }
        if (reference != null && reference.length() > 200) {
            problems.add(FieldProblem.of("frameworkReference", "inspection.error.frameworkReference"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String describe(ActivityCommand c) {
        String when = c.onSite() == null || c.onSite().isEmpty() ? "" : " on site from " + Dates.day(c.onSite().getFirst().start());
        return c.type().name().toLowerCase().replace('_', ' ') + when;
    }

    private static String abbreviate(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
