package org.oversight.voice.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.voice.FeedbackTheme;
import org.oversight.voice.PlanSection;
import org.oversight.voice.VoiceViews.Account;
import org.oversight.voice.VoiceViews.Feedback;
import org.oversight.voice.VoiceViews.Invitation;
import org.oversight.voice.VoiceViews.Words;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the young person's records: their words, the worker's plan summaries, feedback, safety alerts, their
 * access log ({@code yp_access}) and what the worker sees of their account and invitation.
 */
@Repository
public class VoiceRepository {

    /** A safety alert as stored, with the young person's first name. */
    public record AlertRow(UUID id, String childRef, String firstName, String message, Instant raisedAt, String acknowledgedBy,
                           Instant acknowledgedAt, String actionTaken, Instant wordsAddedAt) {
    }

    /** The count of ratings of a theme and their average (null when none). */
    public record Rating(long count, Double average) {
    }

    private final JdbcClient jdbc;

    VoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the young person's words, plan and feedback ------------------------------------------------------------

    public List<Words> words(UUID laId, String childRef) {
        return jdbc.sql("SELECT id, section, words, created_at FROM yp_contribution WHERE la_id = ? AND child_ref = ? ORDER BY created_at, id")
                .params(laId, childRef).query((rs, n) -> new Words(rs.getObject(1, UUID.class), PlanSection.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    public UUID insertWords(UUID laId, String childRef, UUID accountId, PlanSection section, String words, Instant at) {
        return jdbc.sql("""
                INSERT INTO yp_contribution (la_id, child_ref, account_id, section, words, created_at)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(laId, childRef, accountId, section.name(), words, Timestamp.from(at)).query(UUID.class).single();
    }

    /** The worker's summary of each section of the young person's plan. */
    public Map<PlanSection, String> summaries(UUID laId, String childRef) {
        Map<PlanSection, String> out = new EnumMap<>(PlanSection.class);
        jdbc.sql("SELECT section, summary FROM yp_plan_section WHERE la_id = ? AND child_ref = ?").params(laId, childRef)
                .query((rs, n) -> out.put(PlanSection.valueOf(rs.getString(1)), rs.getString(2))).list();
        return out;
    }

    public void saveSummary(UUID laId, String childRef, PlanSection section, String summary, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO yp_plan_section (la_id, child_ref, section, summary, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (la_id, child_ref, section) DO UPDATE SET summary = EXCLUDED.summary, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at""")
                .params(laId, childRef, section.name(), summary, by, Timestamp.from(at)).update();
    }

    /** The summary of a section that has none yet (the demo's worker writing a plan once). */
    public void fillEmptySummary(UUID laId, String childRef, PlanSection section, String summary, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO yp_plan_section (la_id, child_ref, section, summary, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (la_id, child_ref, section) DO UPDATE SET summary = EXCLUDED.summary WHERE yp_plan_section.summary = ''""")
                .params(laId, childRef, section.name(), summary, by, Timestamp.from(at)).update();
    }

    /** An empty section, unless the plan has it already. */
    public void ensureSection(UUID laId, String childRef, PlanSection section, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO yp_plan_section (la_id, child_ref, section, summary, updated_by, updated_at) VALUES (?, ?, ?, '', ?, ?)
                ON CONFLICT DO NOTHING""").params(laId, childRef, section.name(), by, Timestamp.from(at)).update();
    }

    public void insertRating(UUID laId, String childRef, UUID accountId, FeedbackTheme theme, int rating, Instant at) {
        jdbc.sql("INSERT INTO yp_feedback (la_id, child_ref, account_id, theme, rating, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(laId, childRef, accountId, theme.name(), rating, Timestamp.from(at)).update();
    }

    public void insertComment(UUID laId, String childRef, UUID accountId, String comment, Instant at) {
        jdbc.sql("INSERT INTO yp_feedback (la_id, child_ref, account_id, theme, comment, created_at) VALUES (?, ?, ?, 'GENERAL', ?, ?)")
                .params(laId, childRef, accountId, comment, Timestamp.from(at)).update();
    }

    /** The young person's feedback, newest first. */
    public List<Feedback> feedback(UUID laId, String childRef) {
        return jdbc.sql("""
                SELECT theme, rating, comment, created_at FROM yp_feedback WHERE la_id = ? AND child_ref = ? ORDER BY created_at DESC, theme""")
                .params(laId, childRef).query((rs, n) -> new Feedback(FeedbackTheme.valueOf(rs.getString(1)),
                        (Integer) rs.getObject(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
    }

    /** The young person's own access log. */
    public void logAccess(UUID laId, String childRef, UUID accountId, Instant at, String what) {
        jdbc.sql("INSERT INTO yp_access (la_id, child_ref, account_id, at, what) VALUES (?, ?, ?, ?, ?)")
                .params(laId, childRef, accountId, Timestamp.from(at), what).update();
    }

    // ---- safety alerts -------------------------------------------------------------------------------------------

    public UUID insertAlert(UUID laId, String childRef, UUID accountId, String message, Instant at) {
        return jdbc.sql("""
                INSERT INTO yp_safety_alert (la_id, child_ref, account_id, message, raised_at) VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(laId, childRef, accountId, message, Timestamp.from(at)).query(UUID.class).single();
    }

    /** The LA's alerts, oldest first: of one child (or every child when null), unacknowledged only or all. */
    public List<AlertRow> alerts(UUID laId, String childRef, boolean openOnly) {
        return jdbc.sql("""
                SELECT a.id, a.child_ref, coalesce(acc.first_name, ''), a.message, a.raised_at, a.acknowledged_by, a.acknowledged_at,
                       a.action_taken, a.words_added_at
                FROM yp_safety_alert a LEFT JOIN yp_account acc ON acc.id = a.account_id
                WHERE a.la_id = :la AND (CAST(:child AS TEXT) IS NULL OR a.child_ref = :child) AND (NOT :open OR a.acknowledged_at IS NULL)
                ORDER BY a.raised_at""").param("la", laId).param("child", childRef).param("open", openOnly)
                .query((rs, n) -> alertRow(rs)).list();
    }

    /** The newest alert the account raised at or after {@code since}, if any. */
    public Optional<AlertRow> latestAlertOf(UUID laId, UUID accountId, Instant since) {
        return jdbc.sql("""
                SELECT a.id, a.child_ref, coalesce(acc.first_name, ''), a.message, a.raised_at, a.acknowledged_by, a.acknowledged_at,
                       a.action_taken, a.words_added_at
                FROM yp_safety_alert a LEFT JOIN yp_account acc ON acc.id = a.account_id
                WHERE a.la_id = ? AND a.account_id = ? AND a.raised_at >= ?
                ORDER BY a.raised_at DESC LIMIT 1""").params(laId, accountId, Timestamp.from(since)).query((rs, n) -> alertRow(rs)).optional();
    }

    /** Adds the young person's words to their own open alert (after any words it has); false when it is not open. */
    public boolean addWords(UUID laId, UUID accountId, UUID alertId, String words, Instant at) {
        return jdbc.sql("""
                UPDATE yp_safety_alert SET message = CASE WHEN message IS NULL THEN ? ELSE message || E'\n\n' || ? END, words_added_at = ?
                 WHERE id = ? AND la_id = ? AND account_id = ? AND acknowledged_at IS NULL""")
                .params(words, words, Timestamp.from(at), alertId, laId, accountId).update() > 0;
    }

    /** How many alerts of the LA nobody has acknowledged yet, and the oldest of them (null when none), in one query. */
    public OpenAlerts openAlerts(UUID laId) {
        return jdbc.sql("""
                SELECT count(*), (array_agg(id ORDER BY raised_at))[1] FROM yp_safety_alert WHERE la_id = ? AND acknowledged_at IS NULL""")
                .param(laId).query((rs, n) -> new OpenAlerts(rs.getLong(1), rs.getObject(2, UUID.class))).single();
    }

    public record OpenAlerts(long count, UUID oldest) {
    }

    private static AlertRow alertRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AlertRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(), rs.getString(8),
                rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant());
    }

    public long openAlertCount(UUID laId) {
        return jdbc.sql("SELECT count(*) FROM yp_safety_alert WHERE la_id = ? AND acknowledged_at IS NULL").param(laId)
                .query(Long.class).single();
    }

    /** Records who acknowledged an open alert, when and what they did; false when the LA has no such open alert. */
    public boolean acknowledge(UUID laId, UUID alertId, String by, Instant at, String action) {
        return jdbc.sql("""
                UPDATE yp_safety_alert SET acknowledged_by = ?, acknowledged_at = ?, action_taken = ?
                 WHERE id = ? AND la_id = ? AND acknowledged_at IS NULL""")
                .params(by, Timestamp.from(at), action, alertId, laId).update() > 0;
    }

    /** The child an alert of the LA is about. */
    public Optional<String> childOfAlert(UUID laId, UUID alertId) {
        return jdbc.sql("SELECT child_ref FROM yp_safety_alert WHERE id = ? AND la_id = ?").params(alertId, laId).query(String.class).optional();
    }

    // ---- accounts and invitations, as the worker sees them -------------------------------------------------------

    /** The child refs of the LA with a current invitation, and the first names on them. */
    public Map<String, String> invited(UUID laId) {
        Map<String, String> out = new HashMap<>();
        jdbc.sql("SELECT child_ref, first_name FROM yp_invitation WHERE la_id = ? AND revoked_at IS NULL ORDER BY issued_at")
                .param(laId).query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    public Optional<Account> account(UUID laId, String childRef) {
        return jdbc.sql("""
                SELECT first_name, sign_in_name, created_at FROM yp_account WHERE la_id = ? AND child_ref = ? AND revoked_at IS NULL""")
                .params(laId, childRef).query((rs, n) -> new Account(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** The latest invitation not revoked; pending when unused and not run out at {@code now}. */
    public Optional<Invitation> latestInvitation(UUID laId, String childRef, Instant now) {
        return jdbc.sql("""
                SELECT first_name, issued_by, issued_at, expires_at, used_at FROM yp_invitation
                WHERE la_id = ? AND child_ref = ? AND revoked_at IS NULL ORDER BY issued_at DESC LIMIT 1""")
                .params(laId, childRef).query((rs, n) -> {
                    Instant expires = rs.getTimestamp(4).toInstant();
                    Instant used = rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant();
                    return new Invitation(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), expires, used,
                            used == null && expires.isAfter(now));
                }).optional();
    }

    // ---- the LA's views by theme ---------------------------------------------------------------------------------

    /** How many young people have added words or feedback. */
    public long youngPeopleHeard(UUID laId) {
        return jdbc.sql("""
                SELECT count(DISTINCT child_ref) FROM (SELECT child_ref FROM yp_contribution WHERE la_id = ?
                UNION SELECT child_ref FROM yp_feedback WHERE la_id = ?) x""").params(laId, laId).query(Long.class).single();
    }

    public Map<PlanSection, Long> contributionsBySection(UUID laId) {
        Map<PlanSection, Long> counts = new EnumMap<>(PlanSection.class);
        jdbc.sql("SELECT section, count(*) FROM yp_contribution WHERE la_id = ? GROUP BY section").param(laId)
                .query((rs, n) -> counts.put(PlanSection.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** The latest words added to one section across the LA. */
    public List<String> recentWords(UUID laId, PlanSection section, int limit) {
        return jdbc.sql("SELECT words FROM yp_contribution WHERE la_id = ? AND section = ? ORDER BY created_at DESC LIMIT " + limit)
                .params(laId, section.name()).query(String.class).list();
    }

    public Rating rating(UUID laId, FeedbackTheme theme) {
        return jdbc.sql("SELECT count(rating), avg(rating) FROM yp_feedback WHERE la_id = ? AND theme = ?")
                .params(laId, theme.name()).query((rs, n) -> new Rating(rs.getLong(1),
                        rs.getObject(2) == null ? null : ((Number) rs.getObject(2)).doubleValue())).single();
    }

    /** A young person's rating of a theme and when it was given. */
    public record DatedRating(String id, FeedbackTheme theme, int rating, java.time.Instant at) {
    }

    /** Every rating of the LA's young people (no comment, child reference or account), oldest first. */
    public List<DatedRating> datedRatings(UUID laId) {
        return jdbc.sql("SELECT id, theme, rating, created_at FROM yp_feedback WHERE la_id = ? AND rating IS NOT NULL ORDER BY created_at")
                .param(laId).query((rs, n) -> new DatedRating(rs.getString(1), FeedbackTheme.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    /** The latest comments across the LA. */
    public List<String> recentComments(UUID laId, int limit) {
        return jdbc.sql("SELECT comment FROM yp_feedback WHERE la_id = ? AND comment IS NOT NULL ORDER BY created_at DESC LIMIT " + limit)
                .param(laId).query(String.class).list();
    }
}
