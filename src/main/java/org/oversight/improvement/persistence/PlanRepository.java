package org.oversight.improvement.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.improvement.domain.ActionStatus;
import org.oversight.improvement.domain.BodyKind;
import org.oversight.improvement.domain.Measure;
import org.oversight.improvement.domain.PlanKind;
import org.oversight.improvement.domain.PlanView;
import org.oversight.improvement.domain.RagRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL for plans and everything under them. Callers own the transaction. */
@Repository
public class PlanRepository {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID insertPlan(UUID laId, UUID activityId, PlanKind kind, String title, LocalDate start, String actor) {
        return jdbc.sql("""
                INSERT INTO improvement_plan (la_id, activity_id, kind, title, start_date, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""").params(laId, activityId, kind.name(), title, start, actor)
                .query(UUID.class).single();
    }

    public UUID insertItem(UUID planId, UUID laId, UUID findingId, String title, String actor) {
        return insertItem(planId, laId, findingId, title, actor, null, null);
    }

    public UUID insertItem(UUID planId, UUID laId, UUID findingId, String title, String actor, String sourceLabel, String sourceUrl) {
        int ordinal = jdbc.sql("SELECT coalesce(max(ordinal), 0) + 1 FROM plan_item WHERE plan_id = ?").param(planId)
                .query(Integer.class).single();
        return jdbc.sql("""
                INSERT INTO plan_item (plan_id, la_id, finding_id, ordinal, title, created_by, source_label, source_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(planId, laId, findingId, ordinal, title, actor, sourceLabel, sourceUrl).query(UUID.class).single();
    }

    public UUID insertAction(UUID itemId, UUID laId, String description, UUID ownerId, LocalDate due, ActionStatus status,
                             Measure measure, String actor) {
        return jdbc.sql("""
                INSERT INTO plan_action (item_id, la_id, description, owner_id, due_date, status, measure_name, baseline, target,
                                         current_value, measured_on, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(itemId, laId, description, ownerId, due, status.name(),
                measure == null ? null : measure.name(), measure == null ? null : measure.baseline(),
                measure == null ? null : measure.target(), measure == null ? null : measure.current(),
                measure == null ? null : measure.measuredOn(), actor).query(UUID.class).single();
    }

    /** Binds (or unbinds, with null) an action's measure to a compliance measure. */
    public void bindMeasure(UUID actionId, String key) {
        jdbc.sql("UPDATE plan_action SET bound_measure = ? WHERE id = ?").params(key, actionId).update();
    }

    public boolean updateAction(UUID actionId, int version, ActionStatus status, BigDecimal value, LocalDate measuredOn) {
        return jdbc.sql("""
                UPDATE plan_action SET status = ?, current_value = coalesce(?, current_value),
                       measured_on = coalesce(?, measured_on), version = version + 1
                 WHERE id = ? AND version = ?""").params(status.name(), value, value == null ? null : measuredOn, actionId, version)
                .update() == 1;
    }

    public void insertUpdate(UUID actionId, UUID laId, String note, ActionStatus status, BigDecimal value, String actor, Instant at) {
        jdbc.sql("INSERT INTO action_update (action_id, la_id, note, status, value, written_by, written_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(actionId, laId, note, status.name(), value, actor, Timestamp.from(at)).update();
    }

    public UUID insertEvidence(UUID actionId, UUID laId, String description, String fileName, String contentType, String sha256,
                               byte[] content, String url, String actor, Instant at) {
        return jdbc.sql("""
                INSERT INTO evidence (action_id, la_id, description, file_name, content_type, sha256, content, url, added_by, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """).params(actionId, laId, description, fileName, contentType, sha256, content, url, actor, Timestamp.from(at))
                .query(UUID.class).single();
    }

    public record EvidenceFile(UUID laId, String fileName, String contentType, byte[] content) {
    }

    public Optional<EvidenceFile> evidenceFile(UUID evidenceId) {
        return jdbc.sql("SELECT la_id, file_name, content_type, content FROM evidence WHERE id = ? AND content IS NOT NULL")
                .param(evidenceId).query((rs, i) -> new EvidenceFile(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getBytes(4))).optional();
    }

    public void history(UUID planId, UUID laId, String description, String actor, Instant at) {
        jdbc.sql("INSERT INTO plan_history (plan_id, la_id, description, actor, at) VALUES (?, ?, ?, ?, ?)")
                .params(planId, laId, description, actor, Timestamp.from(at)).update();
    }

    public UUID insertBody(UUID laId, String name, BodyKind kind) {
        return jdbc.sql("INSERT INTO governance_body (la_id, name, kind) VALUES (?, ?, ?) RETURNING id")
                .params(laId, name, kind.name()).query(UUID.class).single();
    }

    public Optional<UUID> bodyByName(UUID laId, String name) {
        return jdbc.sql("SELECT id FROM governance_body WHERE la_id = ? AND lower(name) = lower(?)").params(laId, name)
                .query(UUID.class).optional();
    }

    public void insertMeeting(UUID bodyId, UUID laId, LocalDate date) {
        jdbc.sql("INSERT INTO meeting (body_id, la_id, meeting_date) VALUES (?, ?, ?) ON CONFLICT DO NOTHING").params(bodyId, laId, date).update();
    }

    public void oversee(UUID planId, UUID bodyId) {
        jdbc.sql("INSERT INTO plan_oversight (plan_id, body_id) VALUES (?, ?) ON CONFLICT DO NOTHING").params(planId, bodyId).update();
    }

    public List<PlanView.Body> bodies(UUID laId) {
        Map<UUID, PlanView.Body> bodies = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT b.id, b.name, b.kind, m.meeting_date FROM governance_body b LEFT JOIN meeting m ON m.body_id = b.id
                 WHERE b.la_id = ? ORDER BY b.name, m.meeting_date""").param(laId).query(rs -> {
            UUID id = rs.getObject(1, UUID.class);
            PlanView.Body body = bodies.computeIfAbsent(id, k -> {
                try {
                    return new PlanView.Body(id, rs.getString(2), BodyKind.valueOf(rs.getString(3)), new ArrayList<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            LocalDate date = rs.getObject(4, LocalDate.class);
            if (date != null) {
                body.meetings().add(date);
            }
        });
        return List.copyOf(bodies.values());
    }

    /** Where an item, action or evidence belongs: its plan and LA. */
    public record Owner(UUID planId, UUID laId) {
    }

    public Optional<Owner> ownerOfItem(UUID itemId) {
        return jdbc.sql("SELECT plan_id, la_id FROM plan_item WHERE id = ?").param(itemId)
                .query((rs, i) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
    }

    public Optional<Owner> ownerOfAction(UUID actionId) {
        return jdbc.sql("SELECT i.plan_id, a.la_id FROM plan_action a JOIN plan_item i ON i.id = a.item_id WHERE a.id = ?")
                .param(actionId).query((rs, i) -> new Owner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).optional();
    }

    public List<UUID> plansOfActivity(UUID activityId) {
        return jdbc.sql("SELECT id FROM improvement_plan WHERE activity_id = ? ORDER BY created_at").param(activityId).query(UUID.class).list();
    }

    public record PlanSummary(UUID id, String title, PlanKind kind, LocalDate startDate, UUID activityId, int items, int actions) {
    }

    public List<PlanSummary> plansOfLa(UUID laId) {
        return jdbc.sql("""
                SELECT p.id, p.title, p.kind, p.start_date, p.activity_id,
                       (SELECT count(*) FROM plan_item i WHERE i.plan_id = p.id),
                       (SELECT count(*) FROM plan_action a JOIN plan_item i ON i.id = a.item_id WHERE i.plan_id = p.id)
                  FROM improvement_plan p WHERE p.la_id = ? ORDER BY p.start_date DESC""").param(laId)
                .query((rs, i) -> new PlanSummary(rs.getObject(1, UUID.class), rs.getString(2), PlanKind.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, UUID.class), rs.getInt(6), rs.getInt(7))).list();
    }

    /** Plan items that answer each finding, for the activity page (finding id → item titles and plan ids). */
    public record ItemOfFinding(UUID findingId, UUID planId, UUID itemId, String title) {
    }

    public List<ItemOfFinding> itemsOfFindings(UUID activityId) {
        return jdbc.sql("""
                SELECT i.finding_id, i.plan_id, i.id, i.title FROM plan_item i JOIN finding f ON f.id = i.finding_id
                 WHERE f.activity_id = ? ORDER BY i.ordinal""").param(activityId)
                .query((rs, n) -> new ItemOfFinding(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4))).list();
    }

    public Optional<PlanView> find(UUID planId, RagRule rag, LocalDate today) {
        Optional<PlanView> head = jdbc.sql("""
                SELECT p.id, p.la_id, la.urn, la.name, p.activity_id, p.kind, p.title, p.start_date
                  FROM improvement_plan p JOIN local_authority la ON la.id = p.la_id WHERE p.id = ?""").param(planId)
                .query((rs, i) -> new PlanView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, UUID.class), PlanKind.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getObject(8, LocalDate.class), List.of(), List.of(), List.of())).optional();
        if (head.isEmpty()) {
            return head;
        }
        PlanView plan = head.get();
        Map<UUID, List<PlanView.Update>> updates = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT u.action_id, u.note, u.status, u.value, u.written_by, u.written_at FROM action_update u
                  JOIN plan_action a ON a.id = u.action_id JOIN plan_item i ON i.id = a.item_id
                 WHERE i.plan_id = ? ORDER BY u.written_at DESC, u.id DESC""").param(planId).query(rs -> {
            updates.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new PlanView.Update(rs.getString(2),
                    ActionStatus.valueOf(rs.getString(3)), rs.getBigDecimal(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
        });
        Map<UUID, List<PlanView.Evidence>> evidence = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.action_id, e.id, e.description, e.file_name, e.sha256, e.url, e.added_by, e.added_at FROM evidence e
                  JOIN plan_action a ON a.id = e.action_id JOIN plan_item i ON i.id = a.item_id
                 WHERE i.plan_id = ? ORDER BY e.added_at""").param(planId).query(rs -> {
            evidence.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new PlanView.Evidence(
                    rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                    rs.getTimestamp(8).toInstant()));
        });
        Map<UUID, List<PlanView.Action>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT a.item_id, a.id, a.description, a.owner_id, u.display_name, a.due_date, a.status, a.measure_name, a.baseline,
                       a.target, a.current_value, a.measured_on, a.version, a.created_at, a.bound_measure
                  FROM plan_action a JOIN plan_item i ON i.id = a.item_id JOIN app_user u ON u.id = a.owner_id
                 WHERE i.plan_id = ? ORDER BY a.due_date, a.created_at""").param(planId).query(rs -> {
            UUID id = rs.getObject(2, UUID.class);
            String measureName = rs.getString(8);
            Measure measure = measureName == null ? null : new Measure(measureName, rs.getBigDecimal(9), rs.getBigDecimal(10),
                    rs.getBigDecimal(11), rs.getObject(12, LocalDate.class));
            ActionStatus status = ActionStatus.valueOf(rs.getString(7));
            LocalDate due = rs.getObject(6, LocalDate.class);
            LocalDate created = rs.getTimestamp(14).toInstant().atZone(LONDON).toLocalDate();
            LocalDate start = plan.startDate().isBefore(created) ? plan.startDate() : created;
            actions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new PlanView.Action(id, rs.getString(3),
                    rs.getObject(4, UUID.class), rs.getString(5), due, status, measure, rag.rate(status, start, due, measure, today),
                    List.copyOf(updates.getOrDefault(id, List.of())), List.copyOf(evidence.getOrDefault(id, List.of())),
                    rs.getInt(13), start, rs.getString(15)));
        });
        List<PlanView.Item> items = jdbc.sql("""
                SELECT i.id, i.ordinal, i.title, i.finding_id, f.kind, f.text, i.source_label, i.source_url
                  FROM plan_item i LEFT JOIN finding f ON f.id = i.finding_id
                 WHERE i.plan_id = ? ORDER BY i.ordinal""").param(planId)
                .query((rs, n) -> new PlanView.Item(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        List.copyOf(actions.getOrDefault(rs.getObject(1, UUID.class), List.of())), rs.getString(7), rs.getString(8))).list();
        List<UUID> bodyIds = jdbc.sql("SELECT body_id FROM plan_oversight WHERE plan_id = ?").param(planId).query(UUID.class).list();
        List<PlanView.Body> overseen = bodies(plan.laId()).stream().filter(b -> bodyIds.contains(b.id())).toList();
        List<PlanView.History> history = jdbc.sql("""
                SELECT h.description, coalesce(u.display_name, h.actor), h.at
                  FROM plan_history h LEFT JOIN app_user u ON u.username = h.actor
                 WHERE h.plan_id = ? ORDER BY h.at DESC, h.id DESC""")
                .param(planId).query((rs, n) -> new PlanView.History(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
        return Optional.of(new PlanView(plan.id(), plan.laId(), plan.laUrn(), plan.laName(), plan.activityId(), plan.kind(), plan.title(),
                plan.startDate(), items, overseen, history));
    }
}
