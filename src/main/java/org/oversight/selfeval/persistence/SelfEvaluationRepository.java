package org.oversight.selfeval.persistence;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.selfeval.Area;
import org.oversight.selfeval.Evidence;
import org.oversight.selfeval.Theme;
import org.oversight.selfeval.Trend;
import org.oversight.selfeval.Rating;
import org.oversight.selfeval.SelfEvaluationViews.AgreedAction;
import org.oversight.selfeval.SelfEvaluationViews.Citation;
import org.oversight.selfeval.SelfEvaluationViews.Comment;
import org.oversight.selfeval.SelfEvaluationViews.Event;
import org.oversight.selfeval.SelfEvaluationViews.Meeting;
import org.oversight.selfeval.SelfEvaluationViews.Section;
import org.oversight.selfeval.SelfEvaluationViews.Share;
import org.oversight.selfeval.SelfEvaluationViews.Status;
import org.oversight.selfeval.SelfEvaluationViews.Summary;
import org.oversight.selfeval.SelfEvaluationViews.Version;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The self-evaluation's tables, in plain SQL. Every query names the LA, and row-level security checks it again. */
@Repository
public class SelfEvaluationRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SelfEvaluationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The header of a self-evaluation. */
    public record Header(UUID id, UUID laId, int year, String title, Integer startedFromYear, Status status, String signedOffBy,
                         String signedOffName, Instant signedOffAt, String createdBy, Instant createdAt) {
    }

    public List<Summary> summaries(UUID laId) {
        return jdbc.sql("""
                SELECT e.id, e.year, e.title, e.status, e.signed_off_name, e.signed_off_at,
                       (SELECT count(*) FROM self_evaluation_section s WHERE s.self_evaluation_id = e.id
                           AND (s.know <> '' OR s.how <> '' OR s.plans <> '' OR s.themes <> '{}'::jsonb)),
                       (SELECT count(*) FROM self_evaluation_section s WHERE s.self_evaluation_id = e.id)
                  FROM self_evaluation e WHERE e.la_id = ? ORDER BY e.year DESC""").param(laId)
                .query((rs, i) -> new Summary(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), Status.valueOf(rs.getString(4)),
                        rs.getString(5), instant(rs, 6), rs.getInt(7), rs.getInt(8))).list();
    }

    public Optional<Header> header(UUID laId, int year) {
        return jdbc.sql("""
                SELECT e.id, e.la_id, e.year, e.title, f.year, e.status, e.signed_off_by, e.signed_off_name, e.signed_off_at, e.created_by, e.created_at
                  FROM self_evaluation e LEFT JOIN self_evaluation f ON f.id = e.started_from WHERE e.la_id = ? AND e.year = ?""")
                .params(laId, year).query((rs, i) -> new Header(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4), (Integer) rs.getObject(5), Status.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                        instant(rs, 9), rs.getString(10), instant(rs, 11))).optional();
    }

    public UUID insert(UUID laId, int year, String title, UUID startedFrom, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO self_evaluation (la_id, year, title, started_from, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(laId, year, title, startedFrom, by, Timestamp.from(at)).query(UUID.class).single();
    }

    public UUID insertSection(UUID laId, UUID selfEvaluationId, Area area, String know, String how, String plans, String author) {
        return jdbc.sql("""
                INSERT INTO self_evaluation_section (la_id, self_evaluation_id, area, ordinal, know, how, plans, author)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(laId, selfEvaluationId, area.name(), area.ordinal() + 1, know, how, plans, author).query(UUID.class).single();
    }

    public List<Section> sections(UUID laId, UUID selfEvaluationId) {
        List<Section> bare = jdbc.sql("""
                SELECT s.id, s.area, s.know, s.how, s.plans, s.author, u.display_name, s.due_date, s.version, s.updated_by, s.updated_at,
                       s.themes::text
                  FROM self_evaluation_section s LEFT JOIN app_user u ON u.username = s.author
                 WHERE s.la_id = ? AND s.self_evaluation_id = ? ORDER BY s.ordinal""").params(laId, selfEvaluationId)
                .query((rs, i) -> new Section(rs.getObject(1, UUID.class), Area.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getInt(9), rs.getString(10),
                        instant(rs, 11), List.of(), List.of(), themes(rs.getString(12)))).list();
        return bare.stream().map(s -> new Section(s.id(), s.area(), s.know(), s.how(), s.plans(), s.author(), s.authorName(), s.dueDate(),
                s.version(), s.updatedBy(), s.updatedAt(), citations(laId, s.id()), comments(laId, s.id()), s.themes())).toList();
    }

    /** Theme texts from their JSON (theme code to text); a code no longer known is kept out rather than fail the read. */
    private Map<Theme, String> themes(String jsonText) {
        Map<Theme, String> out = new EnumMap<>(Theme.class);
        if (jsonText == null) {
            return out;
        }
        Map<?, ?> raw = json.readValue(jsonText, Map.class);
        raw.forEach((k, v) -> {
            for (Theme t : Theme.values()) {
                if (t.name().equals(k) && v != null) {
                    out.put(t, v.toString());
                }
            }
        });
        return out;
    }

    private String themesJson(Map<Theme, String> themes) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (themes != null) {
            themes.forEach((t, text) -> {
                if (text != null && !text.isBlank()) {
                    out.put(t.name(), text);
                }
            });
        }
        return json.writeValueAsString(out);
    }

    public List<Citation> citations(UUID laId, UUID sectionId) {
        return jdbc.sql("""
                SELECT id, evidence_key, kind, label, value_text, value_number, as_of, source, rating, cited_by, cited_at,
                       trend_text, trend::text, benchmarks::text, theme
                  FROM self_evaluation_citation WHERE la_id = ? AND section_id = ? AND withdrawn_at IS NULL ORDER BY cited_at, id""")
                .params(laId, sectionId).query((rs, i) -> citation(rs)).list();
    }

    public Optional<Citation> citation(UUID laId, UUID citationId) {
        return jdbc.sql("""
                SELECT id, evidence_key, kind, label, value_text, value_number, as_of, source, rating, cited_by, cited_at,
                       trend_text, trend::text, benchmarks::text, theme
                  FROM self_evaluation_citation WHERE la_id = ? AND id = ?""").params(laId, citationId).query((rs, i) -> citation(rs)).optional();
    }

    private Citation citation(ResultSet rs) throws SQLException {
        String rating = rs.getString(9);
        String trend = rs.getString(13);
        String benchmarks = rs.getString(14);
        return new Citation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getObject(7, LocalDate.class), rs.getString(8), rating == null ? null : Rating.valueOf(rating),
                rs.getString(10), instant(rs, 11), rs.getString(12),
                trend == null ? List.of() : List.of(json.readValue(trend, Trend.Point[].class)),
                benchmarks == null ? List.of() : List.of(json.readValue(benchmarks, Evidence.Benchmark[].class)),
                rs.getString(15) == null ? null : Theme.valueOf(rs.getString(15)));
    }

    /** A citation made without its trend kept (as before Oversight kept trends). */
    public UUID insertCitation(UUID laId, UUID sectionId, String key, String kind, String label, String valueText, BigDecimal value,
                               LocalDate asOf, String source, Rating rating, String by, Instant at) {
        return insertCitation(laId, sectionId, key, kind, label, valueText, value, asOf, source, rating, null, null, null, null, by, at);
    }

    /** A citation with its trend and comparisons frozen beside the value ({@code trendText} null: none kept). */
    public UUID insertCitation(UUID laId, UUID sectionId, String key, String kind, String label, String valueText, BigDecimal value,
                               LocalDate asOf, String source, Rating rating, String trendText, List<Trend.Point> trend,
                               List<Evidence.Benchmark> benchmarks, Theme theme, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO self_evaluation_citation (la_id, section_id, evidence_key, kind, label, value_text, value_number, as_of, source,
                    rating, cited_by, cited_at, trend_text, trend, benchmarks, theme)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?) RETURNING id""")
                .params(laId, sectionId, key, kind, label, valueText, value, Date.valueOf(asOf), source, rating == null ? null : rating.name(),
                        by, Timestamp.from(at), trendText, trendText == null || trend == null ? null : json.writeValueAsString(trend),
                        trendText == null || benchmarks == null ? null : json.writeValueAsString(benchmarks), theme == null ? null : theme.name())
                .query(UUID.class).single();
    }

    public boolean cited(UUID sectionId, String key) {
        return jdbc.sql("SELECT count(*) FROM self_evaluation_citation WHERE section_id = ? AND evidence_key = ? AND withdrawn_at IS NULL")
                .params(sectionId, key).query(Integer.class).single() > 0;
    }

    public int withdrawCitation(UUID laId, UUID sectionId, UUID citationId, String by, Instant at) {
        return jdbc.sql("""
                UPDATE self_evaluation_citation SET withdrawn_by = ?, withdrawn_at = ? WHERE la_id = ? AND section_id = ? AND id = ?
                   AND withdrawn_at IS NULL""").params(by, Timestamp.from(at), laId, sectionId, citationId).update();
    }

    public List<Comment> comments(UUID laId, UUID sectionId) {
        return jdbc.sql("SELECT id, body, written_by, written_at FROM self_evaluation_comment WHERE la_id = ? AND section_id = ? ORDER BY written_at, id")
                .params(laId, sectionId).query((rs, i) -> new Comment(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs, 4))).list();
    }

    public void insertComment(UUID laId, UUID sectionId, String body, String by, Instant at) {
        jdbc.sql("INSERT INTO self_evaluation_comment (la_id, section_id, body, written_by, written_at) VALUES (?, ?, ?, ?, ?)")
                .params(laId, sectionId, body, by, Timestamp.from(at)).update();
    }

    /** Saves a section's text if it is still at {@code expectedVersion}; false when someone saved it in between. */
    public boolean updateText(UUID laId, UUID sectionId, int expectedVersion, String know, String how, String plans, Map<Theme, String> themes,
                              String by, Instant at) {
        String themesJson = themesJson(themes);
        int changed = jdbc.sql("""
                UPDATE self_evaluation_section SET know = ?, how = ?, plans = ?, themes = CAST(? AS jsonb), version = version + 1, updated_by = ?,
                       updated_at = ?
                 WHERE la_id = ? AND id = ? AND version = ?""")
                .params(know, how, plans, themesJson, by, Timestamp.from(at), laId, sectionId, expectedVersion).update();
        if (changed == 1) {
            insertVersion(laId, sectionId, expectedVersion + 1, know, how, plans, themes, by, at);
        }
        return changed == 1;
    }

    public void insertVersion(UUID laId, UUID sectionId, int version, String know, String how, String plans, String by, Instant at) {
        insertVersion(laId, sectionId, version, know, how, plans, Map.of(), by, at);
    }

    public void insertVersion(UUID laId, UUID sectionId, int version, String know, String how, String plans, Map<Theme, String> themes,
                              String by, Instant at) {
        jdbc.sql("""
                INSERT INTO self_evaluation_section_version (section_id, la_id, version, know, how, plans, themes, written_by, written_at)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?)""").params(sectionId, laId, version, know, how, plans, themesJson(themes), by,
                        Timestamp.from(at)).update();
    }

    /** Sets a section's theme texts without a version of its own (a section started from an earlier year's). */
    public void setThemes(UUID laId, UUID sectionId, Map<Theme, String> themes) {
        jdbc.sql("UPDATE self_evaluation_section SET themes = CAST(? AS jsonb) WHERE la_id = ? AND id = ?").params(themesJson(themes), laId, sectionId)
                .update();
    }

    public void assign(UUID laId, UUID sectionId, String author, LocalDate due) {
        jdbc.sql("UPDATE self_evaluation_section SET author = ?, due_date = ? WHERE la_id = ? AND id = ?")
                .params(author, due == null ? null : Date.valueOf(due), laId, sectionId).update();
    }

    public List<Version> versions(UUID laId, UUID sectionId) {
        return jdbc.sql("""
                SELECT version, know, how, plans, written_by, written_at, themes::text FROM self_evaluation_section_version
                 WHERE la_id = ? AND section_id = ? ORDER BY version DESC""").params(laId, sectionId)
                .query((rs, i) -> new Version(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, 6),
                        themes(rs.getString(7)))).list();
    }

    public boolean signOff(UUID laId, UUID id, String by, String name, Instant at) {
        return jdbc.sql("""
                UPDATE self_evaluation SET status = 'SIGNED_OFF', signed_off_by = ?, signed_off_name = ?, signed_off_at = ?
                 WHERE la_id = ? AND id = ? AND status = 'DRAFT'""").params(by, name, Timestamp.from(at), laId, id).update() == 1;
    }

    public void event(UUID laId, UUID selfEvaluationId, String description, String actor, Instant at) {
        jdbc.sql("INSERT INTO self_evaluation_event (la_id, self_evaluation_id, description, actor, at) VALUES (?, ?, ?, ?, ?)")
                .params(laId, selfEvaluationId, description, actor, Timestamp.from(at)).update();
    }

    public List<Event> history(UUID laId, UUID selfEvaluationId) {
        return jdbc.sql("SELECT description, actor, at FROM self_evaluation_event WHERE la_id = ? AND self_evaluation_id = ? ORDER BY at DESC, id")
                .params(laId, selfEvaluationId).query((rs, i) -> new Event(rs.getString(1), rs.getString(2), instant(rs, 3))).list();
    }

    public Optional<String> director(UUID laId) {
        return jdbc.sql("SELECT username FROM self_evaluation_director WHERE la_id = ?").param(laId).query(String.class).optional();
    }

    public void designateDirector(UUID laId, String username, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO self_evaluation_director (la_id, username, designated_by, designated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (la_id) DO UPDATE SET username = EXCLUDED.username, designated_by = EXCLUDED.designated_by,
                    designated_at = EXCLUDED.designated_at""").params(laId, username, by, Timestamp.from(at)).update();
    }

    public List<Share> shares(UUID laId, UUID selfEvaluationId) {
        return jdbc.sql("""
                SELECT s.id, s.inspector, u.display_name, s.shared_by, s.shared_at, s.expires_on, s.revoked_at
                  FROM self_evaluation_share s LEFT JOIN app_user u ON u.username = s.inspector
                 WHERE s.la_id = ? AND s.self_evaluation_id = ? ORDER BY s.shared_at DESC""").params(laId, selfEvaluationId)
                .query((rs, i) -> new Share(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                        rs.getObject(6, LocalDate.class), instant(rs, 7))).list();
    }

    public UUID insertShare(UUID laId, UUID selfEvaluationId, String inspector, String by, Instant at, LocalDate expiresOn) {
        return jdbc.sql("""
                INSERT INTO self_evaluation_share (la_id, self_evaluation_id, inspector, shared_by, shared_at, expires_on)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""").params(laId, selfEvaluationId, inspector, by, Timestamp.from(at), Date.valueOf(expiresOn))
                .query(UUID.class).single();
    }

    public int revokeShare(UUID laId, UUID shareId, String by, Instant at) {
        return jdbc.sql("UPDATE self_evaluation_share SET revoked_by = ?, revoked_at = ? WHERE la_id = ? AND id = ? AND revoked_at IS NULL")
                .params(by, Timestamp.from(at), laId, shareId).update();
    }

    /** Whether the inspector holds a share of this self-evaluation in force on {@code today}. */
    public boolean sharedWith(UUID laId, UUID selfEvaluationId, String inspector, LocalDate today) {
        return jdbc.sql("""
                SELECT count(*) FROM self_evaluation_share WHERE la_id = ? AND self_evaluation_id = ? AND inspector = ?
                   AND revoked_at IS NULL AND expires_on >= ?""").params(laId, selfEvaluationId, inspector, Date.valueOf(today))
                .query(Integer.class).single() > 0;
    }

    public Optional<Meeting> meeting(UUID laId, UUID selfEvaluationId) {
        return jdbc.sql("""
                SELECT id, activity_id, meeting_date, attendees, kloes, notes, next_steps, version FROM engagement_meeting
                 WHERE la_id = ? AND self_evaluation_id = ?""").params(laId, selfEvaluationId)
                .query((rs, i) -> new Meeting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), List.of())).optional()
                .map(m -> new Meeting(m.id(), m.activityId(), m.date(), m.attendees(), m.kloes(), m.notes(), m.nextSteps(), m.version(),
                        agreedActions(laId, m.id())));
    }

    public Optional<UUID> selfEvaluationOfActivity(UUID activityId) {
        return jdbc.sql("SELECT self_evaluation_id FROM engagement_meeting WHERE activity_id = ?").param(activityId).query(UUID.class).optional();
    }

    public UUID insertMeeting(UUID laId, UUID selfEvaluationId, UUID activityId, LocalDate date, String attendees, String kloes, String notes,
                              String nextSteps, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO engagement_meeting (la_id, self_evaluation_id, activity_id, meeting_date, attendees, kloes, notes, next_steps,
                    updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(laId, selfEvaluationId, activityId, Date.valueOf(date), attendees, kloes, notes, nextSteps, by, Timestamp.from(at))
                .query(UUID.class).single();
    }

    public boolean updateMeeting(UUID laId, UUID id, int expectedVersion, LocalDate date, String attendees, String kloes, String notes,
                                 String nextSteps, String by, Instant at) {
        return jdbc.sql("""
                UPDATE engagement_meeting SET meeting_date = ?, attendees = ?, kloes = ?, notes = ?, next_steps = ?, version = version + 1,
                    updated_by = ?, updated_at = ? WHERE la_id = ? AND id = ? AND version = ?""")
                .params(Date.valueOf(date), attendees, kloes, notes, nextSteps, by, Timestamp.from(at), laId, id, expectedVersion).update() == 1;
    }

    public List<AgreedAction> agreedActions(UUID laId, UUID meetingId) {
        return jdbc.sql("SELECT id, ordinal, text, plan_id, plan_item_id FROM engagement_action WHERE la_id = ? AND meeting_id = ? ORDER BY ordinal")
                .params(laId, meetingId).query((rs, i) -> new AgreedAction(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class))).list();
    }

    public void insertAgreedAction(UUID laId, UUID meetingId, String text, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO engagement_action (la_id, meeting_id, ordinal, text, created_by, created_at)
                VALUES (?, ?, (SELECT coalesce(max(ordinal), 0) + 1 FROM engagement_action WHERE meeting_id = ?), ?, ?, ?)""")
                .params(laId, meetingId, meetingId, text, by, Timestamp.from(at)).update();
    }

    public int linkAgreedAction(UUID laId, UUID actionId, UUID planId, UUID itemId) {
        return jdbc.sql("UPDATE engagement_action SET plan_id = ?, plan_item_id = ? WHERE la_id = ? AND id = ? AND plan_item_id IS NULL")
                .params(planId, itemId, laId, actionId).update();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
