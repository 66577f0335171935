package org.oversight.compliance.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the stored front-door figures: one row per whole-journey snapshot, with what it was computed from.
 * Row-level security keeps each LA's rows to that LA; the statements name the snapshots (and the LA on writing) too.
 */
@Repository
public class FrontDoorFiguresRepository {

    /** One snapshot's stored figures; {@code figures} is the JSON of the summary. */
    public record Row(UUID snapshotId, UUID laId, LocalDate asOf, LocalDate from, LocalDate to, String rulesVersion, Instant computedAt,
                      String figures, int snapshotRevision) {
    }

    private final JdbcClient jdbc;

    FrontDoorFiguresRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored figures of these snapshots (those the reader's scope may see). */
    public List<Row> ofSnapshots(Collection<UUID> snapshotIds) {
        return jdbc.sql("""
                SELECT snapshot_id, la_id, as_of, period_from, period_to, rules_version, computed_at, figures::text, snapshot_revision
                  FROM front_door_figures WHERE snapshot_id = ANY(?)""").param(snapshotIds.toArray(UUID[]::new))
                .query((rs, i) -> row(rs)).list();
    }

    /** Stores a snapshot's figures, replacing what was stored for it (one statement; never another LA's row). */
    public void save(Row row) {
        jdbc.sql("""
                INSERT INTO front_door_figures (snapshot_id, la_id, as_of, period_from, period_to, rules_version, computed_at, figures,
                                                snapshot_revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                ON CONFLICT (snapshot_id) DO UPDATE SET as_of = excluded.as_of, period_from = excluded.period_from,
                       period_to = excluded.period_to, rules_version = excluded.rules_version, computed_at = excluded.computed_at,
                       figures = excluded.figures, snapshot_revision = excluded.snapshot_revision
                 WHERE front_door_figures.la_id = excluded.la_id""")
                .params(row.snapshotId(), row.laId(), Date.valueOf(row.asOf()), Date.valueOf(row.from()), Date.valueOf(row.to()),
                        row.rulesVersion(), Timestamp.from(row.computedAt()), row.figures(), row.snapshotRevision())
                .update();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getTimestamp(7).toInstant(),
                rs.getString(8), rs.getInt(9));
    }
}
