package org.oversight.compliance.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the stored compliance figures: one row per SSDA903 snapshot, with what it was computed from. Row-level
 * security keeps each LA's rows to that LA; these statements add the LA or the snapshot to every condition as well.
 */
@Repository
public class ComplianceFiguresRepository {

    /**
     * One snapshot's stored figures.
     *
     * @param figures JSON of the figures by rule and by team (null when not read)
     * @param overdue JSON of the children out of timescale (null when not read)
     */
    public record Row(UUID snapshotId, UUID laId, UUID annexASnapshotId, LocalDate asOf, String rulesVersion, Instant computedAt,
                      int childrenInCare, int careLeavers, int reviewsPercent, String figures, String overdue) {
    }

    private final JdbcClient jdbc;

    ComplianceFiguresRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored figures of one snapshot of the LA, with the children out of timescale or without them. */
    public Optional<Row> find(UUID laId, UUID snapshotId, boolean withChildren) {
        return jdbc.sql("""
                SELECT snapshot_id, la_id, annex_a_snapshot_id, as_of, rules_version, computed_at, children_in_care, care_leavers,
                       reviews_percent, figures::text, CASE WHEN ? THEN overdue::text END
                  FROM compliance_figures WHERE la_id = ? AND snapshot_id = ?""").params(withChildren, laId, snapshotId)
                .query((rs, i) -> row(rs, true, withChildren)).optional();
    }

    /** What one stored row was computed from and when, without its figures (to find them already parsed). */
    public Optional<Row> findComputed(UUID laId, UUID snapshotId) {
        return jdbc.sql("""
                SELECT snapshot_id, la_id, annex_a_snapshot_id, as_of, rules_version, computed_at, children_in_care, care_leavers,
                       reviews_percent
                  FROM compliance_figures WHERE la_id = ? AND snapshot_id = ?""").params(laId, snapshotId)
                .query((rs, i) -> row(rs, false, false)).optional();
    }

    /** What the stored rows of these snapshots were computed from and when, without their figures. */
    public List<Row> computedOf(Collection<UUID> snapshotIds) {
        return jdbc.sql("""
                SELECT snapshot_id, la_id, annex_a_snapshot_id, as_of, rules_version, computed_at, children_in_care, care_leavers,
                       reviews_percent
                  FROM compliance_figures WHERE snapshot_id = ANY(?)""").param(snapshotIds.toArray(UUID[]::new))
                .query((rs, i) -> row(rs, false, false)).list();
    }

    /** The LA's stored figures of every snapshot, without the figures themselves (its trend). */
    public List<Row> ofLa(UUID laId) {
        return jdbc.sql("""
                SELECT snapshot_id, la_id, annex_a_snapshot_id, as_of, rules_version, computed_at, children_in_care, care_leavers,
                       reviews_percent
                  FROM compliance_figures WHERE la_id = ?""").param(laId).query((rs, i) -> row(rs, false, false)).list();
    }

    /** The stored figures of these snapshots, without the children out of timescale (the national picture). */
    public List<Row> ofSnapshots(Collection<UUID> snapshotIds) {
        return jdbc.sql("""
                SELECT snapshot_id, la_id, annex_a_snapshot_id, as_of, rules_version, computed_at, children_in_care, care_leavers,
                       reviews_percent, figures::text
                  FROM compliance_figures WHERE snapshot_id = ANY(?)""").param(snapshotIds.toArray(UUID[]::new))
                .query((rs, i) -> row(rs, true, false)).list();
    }

    /** Stores a snapshot's figures, replacing what was stored for it (one statement). */
    public void save(Row row) {
        jdbc.sql("""
                INSERT INTO compliance_figures (snapshot_id, la_id, annex_a_snapshot_id, as_of, rules_version, computed_at, children_in_care,
                                                care_leavers, reviews_percent, figures, overdue)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
                ON CONFLICT (snapshot_id) DO UPDATE SET annex_a_snapshot_id = excluded.annex_a_snapshot_id, as_of = excluded.as_of,
                       rules_version = excluded.rules_version, computed_at = excluded.computed_at, children_in_care = excluded.children_in_care,
                       care_leavers = excluded.care_leavers, reviews_percent = excluded.reviews_percent, figures = excluded.figures,
                       overdue = excluded.overdue
                 WHERE compliance_figures.la_id = excluded.la_id""")
                .params(row.snapshotId(), row.laId(), row.annexASnapshotId(), Date.valueOf(row.asOf()), row.rulesVersion(),
                        Timestamp.from(row.computedAt()), row.childrenInCare(), row.careLeavers(), row.reviewsPercent(), row.figures(),
                        row.overdue())
                .update();
    }

    private static Row row(ResultSet rs, boolean figures, boolean overdue) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getInt(8), rs.getInt(9), figures ? rs.getString(10) : null,
                overdue ? rs.getString(11) : null);
    }
}
