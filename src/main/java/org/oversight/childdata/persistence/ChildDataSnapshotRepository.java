package org.oversight.childdata.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of the read side of the child-level data store. */
@Repository
@Transactional(readOnly = true)
class ChildDataSnapshotRepository implements ChildDataSnapshots {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChildDataSnapshotRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Snapshot> current(UUID laId, Kind kind) {
        return jdbc.sql("""
                SELECT id, collection_year, imported_at, as_at FROM import_snapshot
                 WHERE la_id = ? AND kind = ? AND superseded_at IS NULL ORDER BY collection_year DESC LIMIT 1""").params(laId, kind.name())
                .query((rs, i) -> snapshot(rs.getObject(1, UUID.class), laId, rs.getString(2), rs.getObject(4, LocalDate.class),
                        rs.getTimestamp(3))).optional();
    }

    @Override
    public List<Snapshot> allCurrent(Kind kind) {
        return jdbc.sql("""
                SELECT DISTINCT ON (la_id) id, la_id, collection_year, imported_at, as_at FROM import_snapshot
                 WHERE kind = ? AND superseded_at IS NULL ORDER BY la_id, collection_year DESC""").param(kind.name())
                .query((rs, i) -> snapshot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(5, LocalDate.class), rs.getTimestamp(4))).list();
    }

    @Override
    public List<Snapshot> all(UUID laId, Kind kind) {
        return jdbc.sql("""
                SELECT id, collection_year, imported_at, as_at FROM import_snapshot
                 WHERE la_id = ? AND kind = ? ORDER BY imported_at DESC""").params(laId, kind.name())
                .query((rs, i) -> snapshot(rs.getObject(1, UUID.class), laId, rs.getString(2), rs.getObject(4, LocalDate.class),
                        rs.getTimestamp(3))).list();
    }

    private Snapshot snapshot(UUID id, UUID laId, String year, LocalDate asAt, java.sql.Timestamp importedAt) {
        return new Snapshot(id, laId, year, Snapshot.describedOn(year, asAt, LocalDate.now(clock)), importedAt);
    }

    @Override
    public List<UUID> lasWithCurrent(Kind kind) {
        return jdbc.sql("SELECT DISTINCT la_id FROM import_snapshot WHERE superseded_at IS NULL AND kind = ?").param(kind.name())
                .query(UUID.class).list();
    }

    @Override
    public List<Child> children(UUID snapshotId) {
        return jdbc.sql("SELECT child_ref, sex, dob, ethnic, uasc FROM child WHERE snapshot_id = ?").param(snapshotId)
                .query((rs, i) -> new Child(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getBoolean(5))).list();
    }

    @Override
    public List<Episode> episodes(UUID snapshotId) {
        return jdbc.sql("""
                SELECT child_ref, decom, dec, rne, legal_status, cin, place, place_provider, rec FROM episode
                 WHERE snapshot_id = ? ORDER BY child_ref, decom""").param(snapshotId)
                .query((rs, i) -> new Episode(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))).list();
    }

    @Override
    public List<Review> reviews(UUID snapshotId) {
        return jdbc.sql("SELECT child_ref, review_date, review_code FROM review WHERE snapshot_id = ? ORDER BY child_ref, review_date")
                .param(snapshotId).query((rs, i) -> new Review(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3))).list();
    }

    @Override
    public List<CareLeaver> careLeavers(UUID snapshotId) {
        return jdbc.sql("SELECT child_ref, in_touch, activity, accommodation FROM care_leaver WHERE snapshot_id = ? ORDER BY child_ref")
                .param(snapshotId).query((rs, i) -> new CareLeaver(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * The first reader of the looked-after half that reads the SSD store: the snapshot's {@code ssd_missing} rows, which
     * every SSDA903 import writes beside {@code missing_episode} in the same snapshot and {@code V46_16} copied for the
     * snapshots before it ({@code ssd_from_ssda903}; {@code Ssda903ToSsdIT} checks the answer is the same as from
     * {@code missing_episode}). Annex A list 8's missing counts and the child's chronology read it.
     */
    @Override
    public List<Missing> missing(UUID snapshotId) {
        return jdbc.sql("""
                SELECT miss_person_id, miss_missing_episode_type, miss_missing_episode_start_date, miss_missing_episode_end_date FROM ssd_missing
                 WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?)""")
                .param(snapshotId).query((rs, i) -> new Missing(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class))).list();
    }

    @Override
    public List<AnnexAChild> annexA(UUID snapshotId) {
        return jdbc.sql("""
                SELECT list, child_ref, team, worker, last_visit, last_iro_contact, last_health, last_dental, placement_start,
                       permanence_plan, pathway_review, latest_contact, eligibility
                  FROM annex_a_child WHERE snapshot_id = ?""").param(snapshotId)
                .query((rs, i) -> new AnnexAChild(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10),
                        rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getString(13))).list();
    }
}
