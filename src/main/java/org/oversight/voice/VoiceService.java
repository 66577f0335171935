package org.oversight.voice;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.access.AccessLog;
import org.oversight.access.CurrentUser;
import org.oversight.access.OversightUser;
import org.oversight.access.Purpose;
import org.oversight.access.Role;
import org.oversight.compliance.ChildSummaries;
import org.oversight.compliance.ChildSummaries.ChildSummary;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.voice.VoiceViews.Account;
import org.oversight.voice.VoiceViews.Alert;
import org.oversight.voice.VoiceViews.Feedback;
import org.oversight.voice.VoiceViews.Invitation;
import org.oversight.voice.VoiceViews.MyRecord;
import org.oversight.voice.VoiceViews.SectionView;
import org.oversight.voice.VoiceViews.Theme;
import org.oversight.voice.VoiceViews.Views;
import org.oversight.voice.VoiceViews.WorkerView;
import org.oversight.voice.VoiceViews.Words;
import org.oversight.voice.persistence.VoiceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The young person's record as they see it (only their own, every access logged in yp_access) and as their LA's
 * managers and staff see it (every view written to the access log, for direct work); safety alerts; the LA's views by theme.
 */
@Service
public class VoiceService {

    private static final Logger log = LoggerFactory.getLogger(VoiceService.class);
    public static final int MAX_WORDS = 2000;
    public static final int MAX_NAME = 40;

    private final VoiceRepository voice;
    private final ChildSummaries children;
    private final CurrentUser currentUser;
    private final VoiceSignIn signIn;
    private final AccessLog accessLog;
    private final Clock clock;
    private final java.time.Duration alertJoinWindow;

    VoiceService(VoiceRepository voice, ChildSummaries children, CurrentUser currentUser, VoiceSignIn signIn, AccessLog accessLog,
                 Clock clock, @org.springframework.beans.factory.annotation.Value("${oversight.voice.alert-join-minutes:60}") int alertJoinMinutes) {
        if (alertJoinMinutes < 0 || alertJoinMinutes > 24 * 60) {
            throw new IllegalArgumentException("oversight.voice.alert-join-minutes must be between 0 and 1440, not " + alertJoinMinutes);
        }
        this.alertJoinWindow = java.time.Duration.ofMinutes(alertJoinMinutes);
        this.voice = voice;
        this.children = children;
        this.currentUser = currentUser;
        this.signIn = signIn;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    // ---- The young person -------------------------------------------------------------------------------------

    /** The young person's own record; logs the access. */
    @Transactional
    public MyRecord me(YoungPersonPrincipal me, String what) {
        current(me);
        logAccess(me, what);
        LocalDate next = children.one(me.laId(), me.childRef()).map(ChildSummary::nextReviewDue).orElse(null);
        List<Words> words = voice.words(me.laId(), me.childRef());
        return new MyRecord(me.firstName(), me.cohort(), next, sections(me.laId(), me.childRef(), me.cohort(), words), whatMatters(words));
    }

    /** Adds the young person's words to one section of their plan (or to what matters to them). */
    @Transactional(noRollbackFor = {NotFoundException.class, InvalidInputException.class})
    public Words addWords(YoungPersonPrincipal me, String sectionCode, String words) {
        current(me);
        PlanSection section = PlanSection.find(me.cohort(), sectionCode).orElseThrow(() -> {
            logAccess(me, "refused: no section " + clip(sectionCode, 40));
            return new NotFoundException("Your plan has no part called '" + clip(sectionCode, 40) + "'");
        });
        String text = words == null ? "" : words.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("words", "voice.error.words")));
        }
        if (text.length() > MAX_WORDS) {
            throw new InvalidInputException(List.of(FieldProblem.of("words", "voice.error.words.2", String.valueOf(text.length()), String.valueOf(MAX_WORDS))));
        }
        Instant now = clock.instant();
        UUID id = voice.insertWords(me.laId(), me.childRef(), me.accountId(), section, text, now);
        logAccess(me, "added words to " + section.name());
        return new Words(id, section, text, now);
    }

    /** Ratings 1 to 5 for any of the rated themes, and a comment; at least one of them. */
    @Transactional
    public void giveFeedback(YoungPersonPrincipal me, Map<FeedbackTheme, Integer> ratings, String comment) {
        giveFeedbackOn(me, ratings, comment, clock.instant());
    }

    /**
     * Feedback as given at an earlier moment, with the same checks: for the demo data, whose young people rated the
     * service over the last quarters. Never in the future.
     */
    @Transactional
    public void giveFeedbackOn(YoungPersonPrincipal me, Map<FeedbackTheme, Integer> ratings, String comment, Instant at) {
        if (at == null || at.isAfter(clock.instant())) {
            throw new IllegalArgumentException("Feedback cannot be dated in the future: " + at);
        }
        current(me);
        List<FieldProblem> problems = new ArrayList<>();
        ratings.forEach((theme, rating) -> {
            if (rating != null && (rating < 1 || rating > 5)) {
                problems.add(FieldProblem.of(theme.name(), "voice.error.field"));
            }
        });
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_WORDS) {
            problems.add(FieldProblem.of("comment", "voice.error.comment", String.valueOf(MAX_WORDS)));
        }
        if (problems.isEmpty() && ratings.values().stream().allMatch(r -> r == null) && text.isEmpty()) {
            problems.add(FieldProblem.of("comment", "voice.error.comment.2"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ratings.forEach((theme, rating) -> {
            if (rating != null) {
                voice.insertRating(me.laId(), me.childRef(), me.accountId(), theme, rating, at);
            }
        });
        if (!text.isEmpty()) {
            voice.insertComment(me.laId(), me.childRef(), me.accountId(), text, at);
        }
        logAccess(me, "gave feedback");
    }

    /**
     * "I don't feel safe": stored at once for the LA's team to see, with the time and the message if any. Pressing it
     * again, or adding words, while the young person's last alert is open and at most {@code alert-join-minutes} old
     * adds to that alert rather than raising another (its {@code wordsAddedAt} says so).
     */
    @Transactional
    public Alert raiseAlert(YoungPersonPrincipal me, String message) {
        current(me);
        String text = message == null || message.isBlank() ? null : message.strip();
        if (text != null && text.length() > MAX_WORDS) {
            throw new InvalidInputException(List.of(FieldProblem.of("message", "voice.error.message", String.valueOf(MAX_WORDS))));
        }
        Instant now = clock.instant();
        var open = voice.latestAlertOf(me.laId(), me.accountId(), now.minus(alertJoinWindow)).filter(a -> a.acknowledgedAt() == null);
        if (open.isPresent() && (text == null || voice.addWords(me.laId(), me.accountId(), open.get().id(), text, now))) {
            var a = open.get();
            String words = text == null ? a.message() : a.message() == null ? text : a.message() + "\n\n" + text;
            logAccess(me, text == null ? "pressed the safety button again (one alert)" : "added words to a safety alert");
            log.warn("SAFETY ALERT {} of LA {}: the young person {} at {}", a.id(), me.laId(), text == null ? "pressed again" : "added words", now);
            return new Alert(a.id(), me.childRef(), me.firstName(), words, a.raisedAt(), null, null, null, null, null, now);
        }
        UUID id = voice.insertAlert(me.laId(), me.childRef(), me.accountId(), text, now);
        logAccess(me, "raised a safety alert");
        log.warn("SAFETY ALERT {} raised by a young person of LA {} at {}", id, me.laId(), now);
        return new Alert(id, me.childRef(), me.firstName(), text, now, null, null, null, null, null, null);
    }

    /** The young person's own newest alert of the last 7 days, to show them whether their team has seen it. */
    @Transactional(readOnly = true)
    public java.util.Optional<Alert> myLatestAlert(YoungPersonPrincipal me) {
        return voice.latestAlertOf(me.laId(), me.accountId(), clock.instant().minus(java.time.Duration.ofDays(7)))
                .map(a -> new Alert(a.id(), a.childRef(), a.firstName(), a.message(), a.raisedAt(), null, null, null, a.acknowledgedAt(), null,
                        a.wordsAddedAt()));
    }

    /** Logs a refused attempt by a young person (another record, a staff page). */
    @Transactional
    public void logRefused(YoungPersonPrincipal me, String what) {
        logAccess(me, "refused: " + clip(what, 200));
    }

    private void current(YoungPersonPrincipal me) {
        if (!signIn.current(me.accountId())) {
            throw new AccessDeniedException("This sign-in has been replaced by a new code. Sign in again with your new details.");
        }
    }

    private void logAccess(YoungPersonPrincipal me, String what) {
        voice.logAccess(me.laId(), me.childRef(), me.accountId(), clock.instant(), what);
    }

    // ---- The worker -------------------------------------------------------------------------------------------

    /** The children of the LA's current data with whether each has a portal sign-in; for the LA's managers and staff. */
    @Transactional(readOnly = true)
    public List<ChildSummary> children(UUID laId) {
        requireEditor(laId);
        return children.withPlans(laId);
    }

    /** The child refs of the LA with a current sign-in or a pending code, and their first names. */
    @Transactional(readOnly = true)
    public Map<String, String> invited(UUID laId) {
        requireEditor(laId);
        return voice.invited(laId);
    }

    /** One young person as their worker sees them; the view is written to the access log. */
    @Transactional
    public WorkerView worker(UUID laId, String childRef) {
        requireEditor(laId);
        ChildSummary child = child(laId, childRef);
        accessLog.record(laId, childRef, "young person's voice", Purpose.DIRECT_WORK);
        List<Words> words = voice.words(laId, childRef);
        Optional<Account> account = voice.account(laId, childRef);
        Optional<Invitation> invitation = voice.latestInvitation(laId, childRef, clock.instant());
        List<Feedback> feedback = voice.feedback(laId, childRef);
        return new WorkerView(child, account, invitation, sections(laId, childRef, child.cohort(), words), whatMatters(words), feedback,
                alerts(laId, childRef, false));
    }

    /** Issues a fresh invitation code (shown once), revoking the young person's current sign-in and any unused code. */
    @Transactional
    public VoiceSignIn.IssuedCode invite(UUID laId, String childRef, String firstName) {
        requireEditor(laId);
        ChildSummary child = child(laId, childRef);
        String name = firstName == null ? "" : firstName.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException(List.of(FieldProblem.of("firstName", "voice.error.firstName")));
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException(List.of(FieldProblem.of("firstName", "voice.error.firstName.2", String.valueOf(MAX_NAME))));
        }
        ensureSections(laId, childRef, child.cohort());
        accessLog.record(laId, childRef, "young person's voice: invitation code issued", Purpose.DIRECT_WORK);
        return signIn.issue(laId, childRef, child.cohort(), name, currentUser.actor());
    }

    /** The worker's plain-English summary of one section of the plan. */
    @Transactional
    public void updateSummary(UUID laId, String childRef, String sectionCode, String summary) {
        requireEditor(laId);
        ChildSummary child = child(laId, childRef);
        PlanSection section = PlanSection.find(child.cohort(), sectionCode).filter(s -> s != PlanSection.WHAT_MATTERS)
                .orElseThrow(() -> new NotFoundException("The plan has no section '" + clip(sectionCode, 40) + "'"));
        String text = summary == null ? "" : summary.strip();
        if (text.length() > MAX_WORDS) {
            throw new InvalidInputException(List.of(FieldProblem.of("summary-" + section.slug(), "voice.error.summary", String.valueOf(MAX_WORDS))));
        }
        voice.saveSummary(laId, childRef, section, text, currentUser.actor(), clock.instant());
        accessLog.record(laId, childRef, "young person's voice: plan summary changed (" + section.name() + ")", Purpose.DIRECT_WORK);
    }

    /** Sections with empty summaries, so the plan exists before the worker writes them (used by the demo too). */
    @Transactional
    public void ensureSections(UUID laId, String childRef, Cohort cohort) {
        for (PlanSection s : PlanSection.of(cohort)) {
            voice.ensureSection(laId, childRef, s, currentUser.actor(), clock.instant());
        }
    }

    /** Unacknowledged safety alerts of the LA, oldest first; for its managers and staff. */
    @Transactional(readOnly = true)
    public List<Alert> openAlerts(UUID laId) {
        requireEditor(laId);
        return alerts(laId, null, true);
    }

    /** How many alerts of the LA nobody has acknowledged yet and the oldest (no access check: for the banner of the LA's own staff). */
    @Transactional(readOnly = true)
    public VoiceRepository.OpenAlerts openAlertSummary(UUID laId) {
        return voice.openAlerts(laId);
    }

    /** How many safety alerts of the LA nobody has acknowledged yet (no access check: for the banner of the LA's own staff). */
    @Transactional(readOnly = true)
    public long openAlertCount(UUID laId) {
        return voice.openAlertCount(laId);
    }

    /** Records who acknowledged the alert, when and what they did (required, in words). */
    @Transactional
    public void acknowledge(UUID laId, UUID alertId, String action) {
        requireEditor(laId);
        String text = action == null ? "" : action.strip();
        if (text.isEmpty() || text.length() > MAX_WORDS) {
            throw new InvalidInputException(List.of(FieldProblem.of("action-" + alertId,
                    text.isEmpty() ? "voice.error.action" : "voice.error.action.long", String.valueOf(MAX_WORDS))));
        }
        boolean acknowledged = voice.acknowledge(laId, alertId, currentUser.actor(), clock.instant(), text);
        String childRef = voice.childOfAlert(laId, alertId)
                .orElseThrow(() -> new NotFoundException("No safety alert " + alertId + " in this local authority"));
        if (!acknowledged) {
            throw new InvalidInputException(List.of(FieldProblem.of("alert", "voice.error.alert")));
        }
        accessLog.record(laId, childRef, "young person's voice: safety alert acknowledged", Purpose.DIRECT_WORK);
    }

    // ---- The LA's views by theme ------------------------------------------------------------------------------

    /**
     * Contributions per plan section and ratings per theme, for the LA's managers (with recent comments, never a child
     * reference or name) and councillors (counts and averages only).
     */
    @Transactional(readOnly = true)
    public Views views(UUID laId) {
        OversightUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in to see this"));
        boolean manager = currentUser.canManage(laId);
        boolean councillor = user.role() == Role.COUNCILLOR && user.memberOf(laId);
        if (!manager && !councillor) {
            throw new AccessDeniedException("Young people's views are visible only to the local authority's managers and councillors");
        }
        long people = voice.youngPeopleHeard(laId);
        List<Theme> sections = new ArrayList<>();
        Map<PlanSection, Long> counts = voice.contributionsBySection(laId);
        for (PlanSection s : PlanSection.values()) {
            List<String> recent = manager ? voice.recentWords(laId, s, 5) : List.of();
            sections.add(new Theme(s.name(), false, counts.getOrDefault(s, 0L), null, recent));
        }
        List<Theme> ratings = new ArrayList<>();
        for (FeedbackTheme t : FeedbackTheme.RATED) {
            VoiceRepository.Rating rating = voice.rating(laId, t);
            Double avg = rating.average() == null ? null : Math.round(rating.average() * 10) / 10.0;
            ratings.add(new Theme(t.name(), true, rating.count(), avg, List.of()));
        }
        List<String> comments = manager ? voice.recentComments(laId, 10) : List.of();
        return new Views(people, sections, ratings, comments, manager);
    }

    /** A rating of a theme (1 to 5) and the day it was given, for trends by period: never a comment or a child. */
    public record DatedRating(String id, String theme, int rating, LocalDate on) {
    }

    /** Every rating of the LA's young people by theme and day, for the LA's managers and councillors (as {@link #views}). */
    @Transactional(readOnly = true)
    public List<DatedRating> datedRatings(UUID laId) {
        OversightUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in to see this"));
        if (!currentUser.canManage(laId) && !(user.role() == Role.COUNCILLOR && user.memberOf(laId))) {
            throw new AccessDeniedException("Young people's views are visible only to the local authority's managers and councillors");
        }
        return voice.datedRatings(laId).stream().map(r -> new DatedRating(r.id(), r.theme().name(), r.rating(),
                r.at().atZone(clock.getZone()).toLocalDate())).toList();
    }

    // ---- Shared -----------------------------------------------------------------------------------------------

    private ChildSummary child(UUID laId, String childRef) {
        return children.oneWithPlans(laId, childRef).orElseThrow(() -> new NotFoundException(
                "No child with reference '" + clip(childRef, 40) + "' in this local authority's current data"));
    }

    private void requireEditor(UUID laId) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Young people's records are visible only to the local authority's own managers and staff");
        }
    }

    /** The plan's sections for the cohort, each with the worker's summary and the young person's words on it. */
    private List<SectionView> sections(UUID laId, String childRef, Cohort cohort, List<Words> words) {
        Map<PlanSection, String> summaries = voice.summaries(laId, childRef);
        return PlanSection.of(cohort).stream()
                .map(s -> new SectionView(s, summaries.getOrDefault(s, ""), words.stream().filter(w -> w.section() == s).toList()))
                .toList();
    }

    private static List<Words> whatMatters(List<Words> words) {
        return words.stream().filter(w -> w.section() == PlanSection.WHAT_MATTERS).toList();
    }

    private List<Alert> alerts(UUID laId, String childRef, boolean openOnly) {
        var found = voice.alerts(laId, childRef, openOnly);
        if (found.isEmpty()) {
            return List.of(); // most of the time: the children's summaries (team and worker) are not worked out for nothing
        }
        Map<String, ChildSummary> byRef = new HashMap<>();
        children.withPlans(laId).forEach(c -> byRef.put(c.childRef(), c));
        return found.stream().map(a -> {
            ChildSummary c = byRef.get(a.childRef());
            return new Alert(a.id(), a.childRef(), a.firstName(), a.message(), a.raisedAt(), c == null ? null : c.team(),
                    c == null ? null : c.worker(), a.acknowledgedBy(), a.acknowledgedAt(), a.actionTaken(), a.wordsAddedAt());
        }).toList();
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
