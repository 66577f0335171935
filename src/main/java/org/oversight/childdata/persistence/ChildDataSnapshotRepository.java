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

    /**
     * The looked-after half of an SSDA903 snapshot, read from the SSD store: the snapshot's {@code ssd_*} rows, which
     * every SSDA903 import writes beside its 903 tables in the same snapshot ({@code ssd_from_ssda903}, V46_16; the
     * snapshots stored before it copied by V46_16, and UASC and each episode's legal status by V48_16). The answers are
     * those the 903 tables ({@code child}, {@code episode}, {@code review}, {@code care_leaver}, {@code missing_episode})
     * gave, for every snapshot ({@code SnapshotReadsFromSsdIT}); a snapshot of another kind (an SSD extract, a CIN
     * census) has none, as it had no 903 rows.
     */
    private static final String SNAPSHOT = "(SELECT no FROM import_snapshot WHERE id = ? AND kind = 'SSDA903')";

    @Override
    public List<Child> children(UUID snapshotId) {
        return jdbc.sql("""
                SELECT pers_person_id, pers_sex, pers_dob, pers_ethnicity, pers_uasc_flag = 'Y' FROM ssd_person
                 WHERE snapshot_no = %s ORDER BY pers_person_id""".formatted(SNAPSHOT)).param(snapshotId)
                .query((rs, i) -> new Child(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getBoolean(5))).list();
    }

    /** Each CLA episode with its placement's type and provider and its legal status (the rows its ids name). */
    @Override
    public List<Episode> episodes(UUID snapshotId) {
        return jdbc.sql("""
                SELECT e.clae_person_id, e.clae_cla_episode_start_date, e.clae_cla_episode_ceased_date, e.clae_cla_episode_start_reason,
                       l.lega_legal_status, e.clae_cla_primary_need_code, p.clap_cla_placement_type, p.clap_cla_placement_provider,
                       e.clae_cla_episode_ceased_reason
                  FROM ssd_cla_episodes e
                  LEFT JOIN ssd_cla_placement p ON p.snapshot_no = e.snapshot_no AND p.clap_cla_placement_id = e.clae_cla_placement_id
                  LEFT JOIN ssd_legal_status l ON l.snapshot_no = e.snapshot_no AND l.lega_legal_status_id = e.clae_legal_status_id
                 WHERE e.snapshot_no = %s ORDER BY e.clae_person_id, e.clae_cla_episode_start_date""".formatted(SNAPSHOT)).param(snapshotId)
                .query((rs, i) -> new Episode(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))).list();
    }

    @Override
    public List<Review> reviews(UUID snapshotId) {
        return jdbc.sql("""
                SELECT clar_person_id, clar_cla_review_date, clar_cla_review_participation FROM ssd_cla_reviews
                 WHERE snapshot_no = %s ORDER BY clar_person_id, clar_cla_review_date""".formatted(SNAPSHOT))
                .param(snapshotId).query((rs, i) -> new Review(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3))).list();
    }

    @Override
    public List<CareLeaver> careLeavers(UUID snapshotId) {
        return jdbc.sql("""
                SELECT clea_person_id, clea_care_leaver_in_touch, clea_care_leaver_activity, clea_care_leaver_accommodation FROM ssd_care_leavers
                 WHERE snapshot_no = %s ORDER BY clea_person_id""".formatted(SNAPSHOT))
                .param(snapshotId).query((rs, i) -> new CareLeaver(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The snapshot's {@code ssd_missing} rows, Annex A list 8's missing counts and the child's chronology. */
    @Override
    public List<Missing> missing(UUID snapshotId) {
        return jdbc.sql("""
                SELECT miss_person_id, miss_missing_episode_type, miss_missing_episode_start_date, miss_missing_episode_end_date FROM ssd_missing
                 WHERE snapshot_no = %s""".formatted(SNAPSHOT))
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
