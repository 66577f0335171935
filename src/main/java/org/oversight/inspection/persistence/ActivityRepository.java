package org.oversight.inspection.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.inspection.domain.ActivityCommand;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Finding;
import org.oversight.inspection.domain.FindingKind;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.LatestJudgements;
import org.oversight.inspection.domain.OnSiteRange;
import org.oversight.shared.db.ChangeCheckedState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL for activities, their on-site ranges, judgements, findings and history. Callers own the transaction. */
@Repository
public class ActivityRepository {

    private static final String SELECT = """
            SELECT a.id, a.la_id, la.urn, la.name, a.type, a.theme, a.partner_inspectorates, a.notification_date,
                   a.feedback_date, a.publication_date, a.lead_inspector, a.inspection_team, a.summary, a.source,
                   a.version, a.updated_at, a.updated_by, a.source_document_sha256
              FROM inspection_activity a JOIN local_authority la ON la.id = a.la_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ActivityRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.publishedState = new ChangeCheckedState(jdbc, () -> jdbc.sql(PUBLISHED_STATE).query(String.class).single(),
                ChangeCheckedState.DEFAULT_RECHECK);
    }

    /** An LA's activity of one type by its first on-site day: how a published report finds the activity it describes. */
    public record FirstDay(UUID laId, ActivityType type, LocalDate firstOnSiteDay) {
    }

    /** Every activity by its LA, type and first on-site day (the first one created, where several share them). */
    public Map<FirstDay, UUID> byFirstOnSiteDay() {
        Map<FirstDay, UUID> result = new HashMap<>();
        jdbc.sql("""
                SELECT a.la_id, a.type, r.start_date, a.id FROM inspection_activity a
                  JOIN on_site_range r ON r.activity_id = a.id AND r.ordinal = 0 ORDER BY a.created_at DESC
                """).query(rs -> {
            result.put(new FirstDay(rs.getObject(1, UUID.class), ActivityType.valueOf(rs.getString(2)),
                    rs.getObject(3, LocalDate.class)), rs.getObject(4, UUID.class));
        });
        return result;
    }

    /** A finding of an activity written in a batch. */
    public record NewFinding(FindingKind kind, String text, String reference) {
    }

    /** An activity written in a batch, with its id chosen by the caller and the line its history gets. */
    public record NewActivity(UUID id, UUID laId, ActivityCommand command, List<NewFinding> findings, String history) {
    }

    /** Writes many new activities with their ranges, judgements, findings and history in a few batched statements. */
    public void insertAll(List<NewActivity> all, String source, String actor, Instant now) {
        if (all.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> activities = new ArrayList<>();
        List<Object[]> ranges = new ArrayList<>();
        List<Object[]> judgements = new ArrayList<>();
        List<Object[]> findings = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (NewActivity a : all) {
            ActivityCommand c = a.command();
            activities.add(new Object[] {a.id(), a.laId(), c.type().name(), blank(c.theme()), partners(c), c.notificationDate(),
                    c.feedbackDate(), c.publicationDate(), blank(c.leadInspector()), blank(c.inspectionTeam()), blank(c.summary()),
                    source, at, actor, at, actor});
            List<OnSiteRange> onSite = c.onSite() == null ? List.of() : c.onSite();
            for (int i = 0; i < onSite.size(); i++) {
                ranges.add(new Object[] {a.id(), i, onSite.get(i).start(), onSite.get(i).end()});
            }
            if (c.judgements() != null) {
                c.judgements().forEach((area, grade) -> judgements.add(new Object[] {a.id(), area.name(), grade.name()}));
            }
            Map<FindingKind, Integer> ordinals = new EnumMap<>(FindingKind.class);
            for (NewFinding f : a.findings()) {
                findings.add(new Object[] {a.id(), f.kind().name(), ordinals.merge(f.kind(), 1, Integer::sum), f.text(),
                        blank(f.reference()), actor});
            }
            history.add(new Object[] {a.id(), a.laId(), "IMPORTED", a.history(), actor, at});
        }
        batch.batchUpdate("""
                INSERT INTO inspection_activity (id, la_id, type, theme, partner_inspectorates, notification_date, feedback_date,
                       publication_date, lead_inspector, inspection_team, summary, source, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, activities);
        // one statement per table: the rows go as arrays, unnested by PostgreSQL
        jdbc.sql("""
                INSERT INTO on_site_range (activity_id, ordinal, start_date, end_date)
                SELECT * FROM unnest(?::uuid[], ?::int[], ?::date[], ?::date[])
                """).params(column(ranges, 0), column(ranges, 1), column(ranges, 2), column(ranges, 3)).update();
        jdbc.sql("INSERT INTO judgement (activity_id, area, grade) SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[])")
                .params(column(judgements, 0), column(judgements, 1), column(judgements, 2)).update();
        jdbc.sql("""
                INSERT INTO finding (activity_id, kind, ordinal, text, framework_reference, created_by)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[])
                """).params(column(findings, 0), column(findings, 1), column(findings, 2), column(findings, 3), column(findings, 4),
                column(findings, 5)).update();
        jdbc.sql("""
                INSERT INTO activity_history (activity_id, la_id, action, description, actor, at)
                SELECT a, l, act, d, who, ? FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[]) AS h(a, l, act, d, who)
                """).params(at, column(history, 0), column(history, 1), column(history, 2), column(history, 3), column(history, 4))
                .update();
    }

    /** One column of rows as a text array (PostgreSQL casts it to the column's type). */
    private static String[] column(List<Object[]> rows, int index) {
        String[] out = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Object v = rows.get(i)[index];
            out[i] = v == null ? null : v.toString();
        }
        return out;
    }

    public UUID insert(UUID laId, ActivityCommand c, String source, String actor, Instant now) {
        UUID id = jdbc.sql("""
                INSERT INTO inspection_activity (la_id, type, theme, partner_inspectorates, notification_date, feedback_date,
                       publication_date, lead_inspector, inspection_team, summary, source, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(laId, c.type().name(), blank(c.theme()), partners(c), c.notificationDate(), c.feedbackDate(),
                c.publicationDate(), blank(c.leadInspector()), blank(c.inspectionTeam()), blank(c.summary()), source,
                Timestamp.from(now), actor, Timestamp.from(now), actor).query(UUID.class).single();
        writeChildren(id, c);
        return id;
    }

    /** Updates if the version still matches (optimistic lock); returns false when someone else changed it first. */
    public boolean update(UUID id, int expectedVersion, ActivityCommand c, String actor, Instant now) {
        int rows = jdbc.sql("""
                UPDATE inspection_activity SET type = ?, theme = ?, partner_inspectorates = ?, notification_date = ?,
                       feedback_date = ?, publication_date = ?, lead_inspector = ?, inspection_team = ?, summary = ?,
                       version = version + 1, updated_at = ?, updated_by = ?
                 WHERE id = ? AND version = ?
                """).params(c.type().name(), blank(c.theme()), partners(c), c.notificationDate(), c.feedbackDate(),
                c.publicationDate(), blank(c.leadInspector()), blank(c.inspectionTeam()), blank(c.summary()),
                Timestamp.from(now), actor, id, expectedVersion).update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM on_site_range WHERE activity_id = ?").param(id).update();
        jdbc.sql("DELETE FROM judgement WHERE activity_id = ?").param(id).update();
        writeChildren(id, c);
        return true;
    }

    private void writeChildren(UUID id, ActivityCommand c) {
        List<OnSiteRange> ranges = c.onSite() == null ? List.of() : c.onSite();
        for (int i = 0; i < ranges.size(); i++) {
            jdbc.sql("INSERT INTO on_site_range (activity_id, ordinal, start_date, end_date) VALUES (?, ?, ?, ?)")
                    .params(id, i, ranges.get(i).start(), ranges.get(i).end()).update();
        }
        if (c.judgements() != null) {
            c.judgements().forEach((area, grade) -> jdbc.sql("INSERT INTO judgement (activity_id, area, grade) VALUES (?, ?, ?)")
                    .params(id, area.name(), grade.name()).update());
        }
    }

    /** Links an activity to the document it was read from, marking it imported. */
    public void linkDocument(UUID id, String sha256) {
        jdbc.sql("UPDATE inspection_activity SET source_document_sha256 = ?, source = 'IMPORT' WHERE id = ?").params(sha256, id).update();
    }

    /** Removes all findings of an activity (an import replaces them with the document's). */
    public void deleteFindings(UUID activityId) {
        jdbc.sql("DELETE FROM finding WHERE activity_id = ?").param(activityId).update();
    }

    /** The activity already read from this document, if any. */
    public Optional<UUID> findByDocument(String sha256) {
        return jdbc.sql("SELECT id FROM inspection_activity WHERE source_document_sha256 = ? LIMIT 1").param(sha256)
                .query(UUID.class).optional();
    }

    /** An activity of the LA of one of these types whose first on-site day is this date. */
    public Optional<InspectionActivity> findSame(UUID laId, Collection<ActivityType> types, LocalDate firstOnSiteDay) {
        List<UUID> ids = jdbc.sql("""
                SELECT a.id FROM inspection_activity a JOIN on_site_range r ON r.activity_id = a.id AND r.ordinal = 0
                 WHERE a.la_id = ? AND a.type = ANY (?) AND r.start_date = ? ORDER BY a.created_at LIMIT 1
                """).params(laId, types.stream().map(Enum::name).toArray(String[]::new), firstOnSiteDay).query(UUID.class).list();
        return ids.stream().findFirst().flatMap(this::find);
    }

    public UUID insertFinding(UUID activityId, FindingKind kind, String text, String reference, String actor) {
        int ordinal = jdbc.sql("SELECT coalesce(max(ordinal), 0) + 1 FROM finding WHERE activity_id = ? AND kind = ?")
                .params(activityId, kind.name()).query(Integer.class).single();
        return jdbc.sql("""
                INSERT INTO finding (activity_id, kind, ordinal, text, framework_reference, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """).params(activityId, kind.name(), ordinal, text, blank(reference), actor).query(UUID.class).single();
    }

    public boolean updateFinding(UUID findingId, FindingKind kind, String text, String reference) {
        return jdbc.sql("UPDATE finding SET kind = ?, text = ?, framework_reference = ? WHERE id = ?")
                .params(kind.name(), text, blank(reference), findingId).update() == 1;
    }

    public boolean deleteFinding(UUID findingId) {
        return jdbc.sql("DELETE FROM finding WHERE id = ?").param(findingId).update() == 1;
    }

    public Optional<UUID> activityOfFinding(UUID findingId) {
        return jdbc.sql("SELECT activity_id FROM finding WHERE id = ?").param(findingId).query(UUID.class).optional();
    }

    public void recordHistory(UUID activityId, UUID laId, String action, String description, String actor, Instant at) {
        jdbc.sql("INSERT INTO activity_history (activity_id, la_id, action, description, actor, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(activityId, laId, action, description, actor, Timestamp.from(at)).update();
    }

    public record HistoryEntry(String action, String description, String actor, Instant at) {
    }

    public List<HistoryEntry> history(UUID activityId) {
        return jdbc.sql("""
                SELECT h.action, h.description, coalesce(u.display_name, h.actor), h.at
                  FROM activity_history h LEFT JOIN app_user u ON u.username = h.actor
                 WHERE h.activity_id = ? ORDER BY h.at DESC, h.id DESC""")
                .param(activityId).query((rs, i) -> new HistoryEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant())).list();
    }

    public Optional<InspectionActivity> find(UUID id) {
        List<InspectionActivity> found = load(SELECT + " WHERE a.id = ?", id);
        return found.stream().findFirst();
    }

    /** Every activity of an LA, oldest first (by first on-site day, else notification date). */
    public List<InspectionActivity> forLa(UUID laId) {
        return load(SELECT + " WHERE a.la_id = ?", laId).stream()
                .sorted(java.util.Comparator.comparing(ActivityRepository::sortDate,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    /** All activities of the given LAs, for national views. */
    public List<InspectionActivity> forLas(Collection<UUID> laIds) {
        if (laIds.isEmpty()) {
            return List.of();
        }
        return load(SELECT + " WHERE a.la_id = ANY (?)", (Object) laIds.toArray(UUID[]::new));
    }

    /**
     * The latest published graded judgements of every LA (by first on-site day), as of {@code today}.
     * Used for the register list, comparisons with neighbours and regions, and the API.
     */
    public Map<UUID, LatestJudgements> latestPublishedJudgements(LocalDate today) {
        // Public data, the same for every reader (these tables are outside row-level security): kept while the tables and
        // the day stay as they were.
        String state = today + "/" + publishedState.current();
        Published kept = published;
        if (kept != null && kept.state().equals(state)) {
            return kept.latest();
        }
        Map<UUID, LatestJudgements> latest = readLatestPublishedJudgements(today);
        published = new Published(state, latest);
        return latest;
    }

    /** Rows and the newest row version of each table the latest judgements are read from: any change changes it. */
    private static final String PUBLISHED_STATE = """
            SELECT (SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM inspection_activity) || '/'
                || (SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM on_site_range) || '/'
                || (SELECT count(*) || ':' || coalesce(max(xmin::text::bigint), 0) FROM judgement)
            """;

    /** The latest published judgements as read at one state of their tables and one day. */
    private record Published(String state, Map<UUID, LatestJudgements> latest) {
    }

    private volatile Published published;
    /** {@link #PUBLISHED_STATE}, asked only when a statement wrote its tables or a second has passed. */
    private final ChangeCheckedState publishedState;

    private Map<UUID, LatestJudgements> readLatestPublishedJudgements(LocalDate today) {
        Map<UUID, LatestJudgements> result = new HashMap<>();
        jdbc.sql("""
                WITH graded AS (
                    SELECT DISTINCT ON (a.la_id) a.la_id, a.id, a.type, r.start_date
                      FROM inspection_activity a
                      JOIN on_site_range r ON r.activity_id = a.id AND r.ordinal = 0
                     WHERE a.type IN ('STANDARD_INSPECTION', 'SHORT_INSPECTION', 'SIF_INSPECTION')
                       AND a.publication_date IS NOT NULL AND a.publication_date <= ?
                       AND EXISTS (SELECT 1 FROM judgement j WHERE j.activity_id = a.id)
                     ORDER BY a.la_id, r.start_date DESC)
                SELECT g.la_id, g.id, g.type, g.start_date, j.area, j.grade
                  FROM graded g JOIN judgement j ON j.activity_id = g.id
                """).param(today).query(rs -> {
            UUID laId = rs.getObject(1, UUID.class);
            LatestJudgements latest = result.computeIfAbsent(laId, k -> {
                try {
                    return new LatestJudgements(rs.getObject(2, UUID.class), ActivityType.valueOf(rs.getString(3)),
                            rs.getObject(4, LocalDate.class), new EnumMap<>(JudgementArea.class));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            latest.grades().put(JudgementArea.valueOf(rs.getString(5)), Grade.valueOf(rs.getString(6)));
        });
        Map<UUID, LatestJudgements> fixed = new HashMap<>();
        result.forEach((la, l) -> fixed.put(la, new LatestJudgements(l.activityId(), l.type(), l.startDate(),
                java.util.Collections.unmodifiableMap(new EnumMap<>(l.grades())))));
        return java.util.Collections.unmodifiableMap(fixed);
    }


    private List<InspectionActivity> load(String sql, Object param) {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        jdbc.sql(sql).param(param).query(rs -> {
            Row row = Row.of(rs);
            rows.put(row.id, row);
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        UUID[] ids = rows.keySet().toArray(UUID[]::new);
        jdbc.sql("SELECT activity_id, start_date, end_date FROM on_site_range WHERE activity_id = ANY (?) ORDER BY activity_id, ordinal")
                .param(ids).query(rs -> {
                    rows.get(rs.getObject(1, UUID.class)).ranges.add(
                            new OnSiteRange(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
                });
        jdbc.sql("SELECT activity_id, area, grade FROM judgement WHERE activity_id = ANY (?)").param(ids).query(rs -> {
            rows.get(rs.getObject(1, UUID.class)).judgements.put(JudgementArea.valueOf(rs.getString(2)), Grade.valueOf(rs.getString(3)));
        });
        jdbc.sql("""
                SELECT activity_id, id, kind, ordinal, text, framework_reference FROM finding
                 WHERE activity_id = ANY (?) ORDER BY activity_id, kind, ordinal
                """).param(ids).query(rs -> {
            rows.get(rs.getObject(1, UUID.class)).findings.add(new Finding(rs.getObject(2, UUID.class),
                    FindingKind.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5), rs.getString(6)));
        });
        return rows.values().stream().map(Row::toActivity).toList();
    }

    private static LocalDate sortDate(InspectionActivity a) {
        return a.startDate() != null ? a.startDate() : a.notificationDate() != null ? a.notificationDate() : a.publicationDate();
    }

    private static String[] partners(ActivityCommand c) {
        return c.partnerInspectorates() == null ? new String[0]
                : c.partnerInspectorates().stream().map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static final class Row {
        UUID id;
        UUID laId;
        int urn;
        String laName;
        ActivityType type;
        String theme;
        List<String> partners;
        LocalDate notification;
        LocalDate feedback;
        LocalDate publication;
        String lead;
        String team;
        String summary;
        String source;
        int version;
        Instant updatedAt;
        String updatedBy;
        String document;
        final List<OnSiteRange> ranges = new ArrayList<>();
        final Map<JudgementArea, Grade> judgements = new EnumMap<>(JudgementArea.class);
        final List<Finding> findings = new ArrayList<>();

        static Row of(ResultSet rs) throws SQLException {
            Row r = new Row();
            r.id = rs.getObject("id", UUID.class);
            r.laId = rs.getObject("la_id", UUID.class);
            r.urn = rs.getInt("urn");
            r.laName = rs.getString("name");
            r.type = ActivityType.valueOf(rs.getString("type"));
            r.theme = rs.getString("theme");
            Array partners = rs.getArray("partner_inspectorates");
            r.partners = partners == null ? List.of() : Arrays.asList((String[]) partners.getArray());
            r.notification = rs.getObject("notification_date", LocalDate.class);
            r.feedback = rs.getObject("feedback_date", LocalDate.class);
            r.publication = rs.getObject("publication_date", LocalDate.class);
            r.lead = rs.getString("lead_inspector");
            r.team = rs.getString("inspection_team");
            r.summary = rs.getString("summary");
            r.source = rs.getString("source");
            r.version = rs.getInt("version");
            r.updatedAt = rs.getTimestamp("updated_at").toInstant();
            r.updatedBy = rs.getString("updated_by");
            r.document = rs.getString("source_document_sha256");
            return r;
        }

        InspectionActivity toActivity() {
            return new InspectionActivity(id, laId, urn, laName, type, theme, List.copyOf(partners), notification,
                    List.copyOf(ranges), feedback, publication, lead, team, summary, Map.copyOf(judgements),
                    List.copyOf(findings), source, version, updatedAt, updatedBy, document);
        }
    }

    /** The first day (Europe/London) anyone recorded an activity of the LA in Oversight itself, rather than importing Ofsted's record. */
    public java.util.Optional<LocalDate> recordedSince(UUID laId) {
        return jdbc.sql("""
                SELECT (min(created_at) AT TIME ZONE 'Europe/London')::date FROM inspection_activity WHERE la_id = ? AND source <> 'IMPORT'""")
                .param(laId).query((rs, i) -> java.util.Optional.ofNullable(rs.getObject(1, LocalDate.class))).single();
    }
}
