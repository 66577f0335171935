package org.oversight.voice;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.access.AccessLog;
import org.oversight.access.CurrentUser;
import org.oversight.access.Purpose;
import org.oversight.access.OversightUser;
import org.oversight.access.Role;
import org.oversight.compliance.ChildSummaries;
import org.oversight.compliance.ChildSummaries.ChildSummary;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    public record Words(UUID id, PlanSection section, String words, Instant at) {
    }

    public record SectionView(PlanSection section, String summary, List<Words> words) {
    }

    /** What the young person sees: their plan's sections with the worker's summary and their own words. */
    public record MyRecord(String firstName, Cohort cohort, LocalDate nextReviewDue, List<SectionView> sections,
                           List<Words> whatMatters) {
        public Optional<SectionView> section(PlanSection s) {
            return sections.stream().filter(v -> v.section() == s).findFirst();
        }
    }

    public record Feedback(FeedbackTheme theme, Integer rating, String comment, Instant at) {
    }

    public record Alert(UUID id, String childRef, String firstName, String message, Instant raisedAt, String team,
                        String worker, String acknowledgedBy, Instant acknowledgedAt) {
    }

    public record Account(String firstName, String signInName, Instant createdAt) {
    }

    public record Invitation(String firstName, String issuedBy, Instant issuedAt, Instant expiresAt, Instant usedAt) {
        public boolean pending() {
            return usedAt == null && expiresAt.isAfter(Instant.now());
        }
    }

    /** What the worker sees of one young person. */
    public record WorkerView(ChildSummary child, Optional<Account> account, Optional<Invitation> invitation,
                             List<SectionView> sections, List<Words> whatMatters, List<Feedback> feedback, List<Alert> alerts) {
    }

    /** One theme in the LA's views: how many contributions or ratings, the average rating, recent comments (managers only). */
    public record Theme(String code, boolean feedback, long count, Double averageRating, List<String> recentComments) {
    }

    public record Views(long youngPeople, List<Theme> sections, List<Theme> ratings, List<String> recentComments,
                        boolean withComments) {
    }

    private final JdbcClient jdbc;
    private final ChildSummaries children;
    private final CurrentUser currentUser;
    private final VoiceSignIn signIn;
    private final AccessLog accessLog;

    VoiceService(JdbcClient jdbc, ChildSummaries children, CurrentUser currentUser, VoiceSignIn signIn, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.children = children;
        this.currentUser = currentUser;
        this.signIn = signIn;
        this.accessLog = accessLog;
    }

    // ---- The young person -------------------------------------------------------------------------------------

    /** The young person's own record; logs the access. */
    @Transactional
    public MyRecord me(YoungPersonPrincipal me, String what) {
        current(me);
        logAccess(me, what);
        LocalDate next = children.one(me.laId(), me.childRef()).map(ChildSummary::nextReviewDue).orElse(null);
        List<Words> words = words(me.laId(), me.childRef());
        Map<PlanSection, String> summaries = summaries(me.laId(), me.childRef());
        List<SectionView> sections = PlanSection.of(me.cohort()).stream()
                .map(s -> new SectionView(s, summaries.getOrDefault(s, ""), words.stream().filter(w -> w.section() == s).toList()))
                .toList();
        return new MyRecord(me.firstName(), me.cohort(), next, sections,
                words.stream().filter(w -> w.section() == PlanSection.WHAT_MATTERS).toList());
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
            throw new InvalidInputException(List.of(new FieldProblem("words", "Write your words in the box")));
        }
        if (text.length() > MAX_WORDS) {
            throw new InvalidInputException(List.of(new FieldProblem("words",
                    "Your words are " + text.length() + " letters long. Please keep them under " + MAX_WORDS)));
        }
        Instant now = Instant.now();
        UUID id = jdbc.sql("""
                INSERT INTO yp_contribution (la_id, child_ref, account_id, section, words, created_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(me.laId(), me.childRef(), me.accountId(), section.name(), text, Timestamp.from(now)).query(UUID.class).single();
        logAccess(me, "added words to " + section.name());
        return new Words(id, section, text, now);
    }

    /** Ratings 1 to 5 for any of the rated themes, and a comment; at least one of them. */
    @Transactional
    public void giveFeedback(YoungPersonPrincipal me, Map<FeedbackTheme, Integer> ratings, String comment) {
        current(me);
        List<FieldProblem> problems = new ArrayList<>();
        ratings.forEach((theme, rating) -> {
            if (rating != null && (rating < 1 || rating > 5)) {
                problems.add(new FieldProblem(theme.name(), "Choose a number from 1 to 5"));
            }
        });
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_WORDS) {
            problems.add(new FieldProblem("comment", "Please keep your comment under " + MAX_WORDS + " letters"));
        }
        if (problems.isEmpty() && ratings.values().stream().allMatch(r -> r == null) && text.isEmpty()) {
            problems.add(new FieldProblem("comment", "Choose a number for at least one question, or write a comment"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Timestamp now = Timestamp.from(Instant.now());
        ratings.forEach((theme, rating) -> {
            if (rating != null) {
                jdbc.sql("INSERT INTO yp_feedback (la_id, child_ref, account_id, theme, rating, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(me.laId(), me.childRef(), me.accountId(), theme.name(), rating, now).update();
            }
        });
        if (!text.isEmpty()) {
            jdbc.sql("INSERT INTO yp_feedback (la_id, child_ref, account_id, theme, comment, created_at) VALUES (?, ?, ?, 'GENERAL', ?, ?)")
                    .params(me.laId(), me.childRef(), me.accountId(), text, now).update();
        }
        logAccess(me, "gave feedback");
    }

    /** "I don't feel safe": stored at once for the LA's team to see, with the time and the message if any. */
    @Transactional
    public Alert raiseAlert(YoungPersonPrincipal me, String message) {
        current(me);
        String text = message == null || message.isBlank() ? null : message.strip();
        if (text != null && text.length() > MAX_WORDS) {
            throw new InvalidInputException(List.of(new FieldProblem("message", "Please keep your message under " + MAX_WORDS + " letters")));
        }
        Instant now = Instant.now();
        UUID id = jdbc.sql("""
                INSERT INTO yp_safety_alert (la_id, child_ref, account_id, message, raised_at) VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(me.laId(), me.childRef(), me.accountId(), text, Timestamp.from(now)).query(UUID.class).single();
        logAccess(me, "raised a safety alert");
        log.warn("SAFETY ALERT {} raised by a young person of LA {} at {}", id, me.laId(), now);
        return new Alert(id, me.childRef(), me.firstName(), text, now, null, null, null, null);
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
        jdbc.sql("INSERT INTO yp_access (la_id, child_ref, account_id, at, what) VALUES (?, ?, ?, ?, ?)")
                .params(me.laId(), me.childRef(), me.accountId(), Timestamp.from(Instant.now()), what).update();
    }

    // ---- The worker -------------------------------------------------------------------------------------------

    /** The children of the LA's current data with whether each has a portal sign-in; for the LA's managers and staff. */
    @Transactional(readOnly = true)
    public List<ChildSummary> children(UUID laId) {
        requireEditor(laId);
        return children.current(laId);
    }

    /** The child refs of the LA with a current sign-in or a pending code, and their first names. */
    @Transactional(readOnly = true)
    public Map<String, String> invited(UUID laId) {
        requireEditor(laId);
        Map<String, String> out = new java.util.HashMap<>();
        jdbc.sql("SELECT child_ref, first_name FROM yp_invitation WHERE la_id = ? AND revoked_at IS NULL ORDER BY issued_at")
                .param(laId).query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    /** One young person as their worker sees them; the view is written to the access log. */
    @Transactional
    public WorkerView worker(UUID laId, String childRef) {
        requireEditor(laId);
        ChildSummary child = child(laId, childRef);
        accessLog.record(laId, childRef, "young person's voice", Purpose.DIRECT_WORK);
        List<Words> words = words(laId, childRef);
        Map<PlanSection, String> summaries = summaries(laId, childRef);
        List<SectionView> sections = PlanSection.of(child.cohort()).stream()
                .map(s -> new SectionView(s, summaries.getOrDefault(s, ""), words.stream().filter(w -> w.section() == s).toList()))
                .toList();
        Optional<Account> account = jdbc.sql("""
                SELECT first_name, sign_in_name, created_at FROM yp_account WHERE la_id = ? AND child_ref = ? AND revoked_at IS NULL""")
                .params(laId, childRef).query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
        Optional<Invitation> invitation = jdbc.sql("""
                SELECT first_name, issued_by, issued_at, expires_at, used_at FROM yp_invitation
                WHERE la_id = ? AND child_ref = ? AND revoked_at IS NULL ORDER BY issued_at DESC LIMIT 1""")
                .params(laId, childRef).query((rs, n) -> new Invitation(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())).optional();
        List<Feedback> feedback = jdbc.sql("""
                SELECT theme, rating, comment, created_at FROM yp_feedback WHERE la_id = ? AND child_ref = ? ORDER BY created_at DESC, theme""")
                .params(laId, childRef).query((rs, n) -> new Feedback(FeedbackTheme.valueOf(rs.getString(1)),
                        (Integer) rs.getObject(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
        return new WorkerView(child, account, invitation, sections,
                words.stream().filter(w -> w.section() == PlanSection.WHAT_MATTERS).toList(), feedback,
                alerts(laId, childRef, false));
    }

    /** Issues a fresh invitation code (shown once), revoking the young person's current sign-in and any unused code. */
    @Transactional
    public VoiceSignIn.IssuedCode invite(UUID laId, String childRef, String firstName) {
        requireEditor(laId);
        ChildSummary child = child(laId, childRef);
        String name = firstName == null ? "" : firstName.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException(List.of(new FieldProblem("firstName", "Enter the name the young person wants us to use")));
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException(List.of(new FieldProblem("firstName", "The name must be " + MAX_NAME + " characters or fewer")));
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
            throw new InvalidInputException(List.of(new FieldProblem("summary-" + section.slug(),
                    "The summary must be " + MAX_WORDS + " characters or fewer")));
        }
        jdbc.sql("""
                INSERT INTO yp_plan_section (la_id, child_ref, section, summary, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (la_id, child_ref, section) DO UPDATE SET summary = EXCLUDED.summary, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at""")
                .params(laId, childRef, section.name(), text, currentUser.actor(), Timestamp.from(Instant.now())).update();
        accessLog.record(laId, childRef, "young person's voice: plan summary changed (" + section.name() + ")", Purpose.DIRECT_WORK);
    }

    /** Sections with empty summaries, so the plan exists before the worker writes them (used by the demo too). */
    @Transactional
    public void ensureSections(UUID laId, String childRef, Cohort cohort) {
        for (PlanSection s : PlanSection.of(cohort)) {
            jdbc.sql("""
                    INSERT INTO yp_plan_section (la_id, child_ref, section, summary, updated_by, updated_at) VALUES (?, ?, ?, '', ?, ?)
                    ON CONFLICT DO NOTHING""").params(laId, childRef, s.name(), currentUser.actor(), Timestamp.from(Instant.now())).update();
        }
    }

    /** Unacknowledged safety alerts of the LA, oldest first; for its managers and staff. */
    @Transactional(readOnly = true)
    public List<Alert> openAlerts(UUID laId) {
        requireEditor(laId);
        return alerts(laId, null, true);
    }

    /** How many safety alerts of the LA nobody has acknowledged yet (no access check: for the banner of the LA's own staff). */
    @Transactional(readOnly = true)
    public long openAlertCount(UUID laId) {
        return jdbc.sql("SELECT count(*) FROM yp_safety_alert WHERE la_id = ? AND acknowledged_at IS NULL").param(laId)
                .query(Long.class).single();
    }

    /** Records who acknowledged the alert and when. */
    @Transactional
    public void acknowledge(UUID laId, UUID alertId) {
        requireEditor(laId);
        int n = jdbc.sql("UPDATE yp_safety_alert SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND la_id = ? AND acknowledged_at IS NULL")
                .params(currentUser.actor(), Timestamp.from(Instant.now()), alertId, laId).update();
        if (n == 0) {
            boolean exists = jdbc.sql("SELECT count(*) FROM yp_safety_alert WHERE id = ? AND la_id = ?").params(alertId, laId)
                    .query(Integer.class).single() > 0;
            if (!exists) {
                throw new NotFoundException("No safety alert " + alertId + " in this local authority");
            }
            throw new InvalidInputException(List.of(new FieldProblem("alert", "This alert has already been acknowledged")));
        }
        String childRef = jdbc.sql("SELECT child_ref FROM yp_safety_alert WHERE id = ?").param(alertId).query(String.class).single();
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
        long people = jdbc.sql("""
                SELECT count(DISTINCT child_ref) FROM (SELECT child_ref FROM yp_contribution WHERE la_id = ?
                UNION SELECT child_ref FROM yp_feedback WHERE la_id = ?) x""").params(laId, laId).query(Long.class).single();
        List<Theme> sections = new ArrayList<>();
        Map<PlanSection, Long> counts = new EnumMap<>(PlanSection.class);
        jdbc.sql("SELECT section, count(*) FROM yp_contribution WHERE la_id = ? GROUP BY section").param(laId)
                .query((rs, n) -> counts.put(PlanSection.valueOf(rs.getString(1)), rs.getLong(2))).list();
        for (PlanSection s : PlanSection.values()) {
            List<String> recent = manager ? jdbc.sql("""
                    SELECT words FROM yp_contribution WHERE la_id = ? AND section = ? ORDER BY created_at DESC LIMIT 5""")
                    .params(laId, s.name()).query(String.class).list() : List.of();
            sections.add(new Theme(s.name(), false, counts.getOrDefault(s, 0L), null, recent));
        }
        List<Theme> ratings = new ArrayList<>();
        for (FeedbackTheme t : FeedbackTheme.RATED) {
            var row = jdbc.sql("SELECT count(rating), avg(rating) FROM yp_feedback WHERE la_id = ? AND theme = ?")
                    .params(laId, t.name()).query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2)}).single();
            Double avg = row[1] == null ? null : Math.round(((Number) row[1]).doubleValue() * 10) / 10.0;
            ratings.add(new Theme(t.name(), true, (Long) row[0], avg, List.of()));
        }
        List<String> comments = manager ? jdbc.sql("""
                SELECT comment FROM yp_feedback WHERE la_id = ? AND comment IS NOT NULL ORDER BY created_at DESC LIMIT 10""")
                .param(laId).query(String.class).list() : List.of();
        return new Views(people, sections, ratings, comments, manager);
    }

    // ---- Shared -----------------------------------------------------------------------------------------------

    private ChildSummary child(UUID laId, String childRef) {
        return children.one(laId, childRef).orElseThrow(() -> new NotFoundException(
                "No child with reference '" + clip(childRef, 40) + "' in this local authority's current data"));
    }

    private void requireEditor(UUID laId) {
        if (!currentUser.canEdit(laId)) {
            throw new AccessDeniedException("Young people's records are visible only to the local authority's own managers and staff");
        }
    }


    private List<Words> words(UUID laId, String childRef) {
        return jdbc.sql("SELECT id, section, words, created_at FROM yp_contribution WHERE la_id = ? AND child_ref = ? ORDER BY created_at, id")
                .params(laId, childRef).query((rs, n) -> new Words(rs.getObject(1, UUID.class), PlanSection.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    private Map<PlanSection, String> summaries(UUID laId, String childRef) {
        Map<PlanSection, String> out = new EnumMap<>(PlanSection.class);
        jdbc.sql("SELECT section, summary FROM yp_plan_section WHERE la_id = ? AND child_ref = ?").params(laId, childRef)
                .query((rs, n) -> out.put(PlanSection.valueOf(rs.getString(1)), rs.getString(2))).list();
        return out;
    }

    private List<Alert> alerts(UUID laId, String childRef, boolean openOnly) {
        Map<String, ChildSummary> byRef = new java.util.HashMap<>();
        children.current(laId).forEach(c -> byRef.put(c.childRef(), c));
        return jdbc.sql("""
                SELECT a.id, a.child_ref, coalesce(acc.first_name, ''), a.message, a.raised_at, a.acknowledged_by, a.acknowledged_at
                FROM yp_safety_alert a LEFT JOIN yp_account acc ON acc.id = a.account_id
                WHERE a.la_id = :la AND (CAST(:child AS TEXT) IS NULL OR a.child_ref = :child) AND (NOT :open OR a.acknowledged_at IS NULL)
                ORDER BY a.raised_at""").param("la", laId).param("child", childRef).param("open", openOnly)
                .query((rs, n) -> {
                    ChildSummary c = byRef.get(rs.getString(2));
                    return new Alert(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), c == null ? null : c.team(), c == null ? null : c.worker(),
                            rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
                }).list();
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}
