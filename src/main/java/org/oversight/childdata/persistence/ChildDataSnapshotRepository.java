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

    /**
     * Annex A lists 8 and 9 of an Annex A snapshot, from the SSD store ({@code ssd_from_annex_a}, {@code V49_16}): a list 8
     * child is its snapshot's CLA episode {@code <child>/A8-E}, a list 9 child its care leaver {@code <child>/A9-L}; the
     * row's other values are in the rows {@code <child>/A<list>-I} (team and worker of list 8), {@code -V} (visit),
     * {@code -H} and {@code -D} (health and dental checks), {@code -P} (placement), {@code -E} (IRO contact, permanence
     * plan) and {@code -L} (pathway plan, contact, eligibility; list 9's team and personal adviser). Each is looked up by
     * its table's primary key (the snapshot's number and the row's id). Nothing for a snapshot of another kind.
     */
    @Override
    public List<AnnexAChild> annexA(UUID snapshotId) {
        return jdbc.sql("""
                WITH s AS (SELECT no FROM import_snapshot WHERE id = ? AND kind = 'ANNEX_A'),
                r AS (SELECT 8 AS list, e.clae_person_id AS child, e.clae_person_id || '/A8' AS id FROM s
                        JOIN ssd_cla_episodes e ON e.snapshot_no = s.no AND e.clae_cla_episode_id = e.clae_person_id || '/A8-E'
                      UNION ALL
                      SELECT 9, c.clea_person_id, c.clea_person_id || '/A9' FROM s
                        JOIN ssd_care_leavers c ON c.snapshot_no = s.no AND c.clea_table_id = c.clea_person_id || '/A9-L')
                SELECT r.list, r.child, d.dept_team_name, CASE WHEN r.list = 8 THEN p.prof_professional_name ELSE l.clea_care_leaver_personal_advisor END,
                       v.clav_cla_visit_date, e.clae_cla_last_iro_contact_date, h.clah_health_check_date, k.clah_health_check_date,
                       pl.clap_cla_placement_start_date, e.clae_cla_permanence_plan, l.clea_pathway_plan_review_date, l.clea_care_leaver_latest_contact,
                       l.clea_care_leaver_eligibility
                  FROM r CROSS JOIN s
                  LEFT JOIN ssd_cla_episodes e ON e.snapshot_no = s.no AND e.clae_cla_episode_id = r.id || '-E'
                  LEFT JOIN ssd_care_leavers l ON l.snapshot_no = s.no AND l.clea_table_id = r.id || '-L'
                  LEFT JOIN ssd_involvements i ON i.snapshot_no = s.no AND i.invo_involvements_id = r.id || '-I'
                  LEFT JOIN ssd_department d ON d.snapshot_no = s.no
                        AND d.dept_team_id = CASE WHEN r.list = 8 THEN i.invo_professional_team ELSE l.clea_care_leaver_allocated_team END
                  LEFT JOIN ssd_professionals p ON p.snapshot_no = s.no AND p.prof_professional_id = i.invo_professional_id
                  LEFT JOIN ssd_cla_visits v ON v.snapshot_no = s.no AND v.clav_cla_visit_id = r.id || '-V'
                  LEFT JOIN ssd_cla_health h ON h.snapshot_no = s.no AND h.clah_health_check_id = r.id || '-H'
                  LEFT JOIN ssd_cla_health k ON k.snapshot_no = s.no AND k.clah_health_check_id = r.id || '-D'
                  LEFT JOIN ssd_cla_placement pl ON pl.snapshot_no = s.no AND pl.clap_cla_placement_id = r.id || '-P'""").param(snapshotId)
                .query((rs, i) -> new AnnexAChild(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getString(10),
                        rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getString(13))).list();
    }
}
