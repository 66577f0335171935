package org.oversight.childdata.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.CareLeaver;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Child;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Episode;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Review;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the readers of an SSDA903 snapshot's children, episodes, reviews and care leavers read before {@code V48_16}: the
 * SQL of {@code ChildDataSnapshotRepository} over the 903 tables ({@code child}, {@code episode}, {@code review},
 * {@code care_leaver}), kept here only, to check that the readers, which now read the SSD store, answer the same.
 */
public final class Ssda903TablesAsRead {

    private Ssda903TablesAsRead() {
    }

    /** The readers as the application has them, over any connection (a database migrated by a test). */
    public static ChildDataSnapshots readers(JdbcClient jdbc) {
        return new ChildDataSnapshotRepository(jdbc, Clock.systemUTC());
    }

    public static List<Child> children(JdbcClient jdbc, UUID snapshotId) {
        return jdbc.sql("SELECT child_ref, sex, dob, ethnic, uasc FROM child WHERE snapshot_id = ?").param(snapshotId)
                .query((rs, i) -> new Child(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                        rs.getBoolean(5))).list();
    }

    public static List<Episode> episodes(JdbcClient jdbc, UUID snapshotId) {
        return jdbc.sql("""
                SELECT child_ref, decom, dec, rne, legal_status, cin, place, place_provider, rec FROM episode
                 WHERE snapshot_id = ? ORDER BY child_ref, decom""").param(snapshotId)
                .query((rs, i) -> new Episode(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))).list();
    }

    public static List<Review> reviews(JdbcClient jdbc, UUID snapshotId) {
        return jdbc.sql("SELECT child_ref, review_date, review_code FROM review WHERE snapshot_id = ? ORDER BY child_ref, review_date")
                .param(snapshotId).query((rs, i) -> new Review(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3))).list();
    }

    public static List<CareLeaver> careLeavers(JdbcClient jdbc, UUID snapshotId) {
        return jdbc.sql("SELECT child_ref, in_touch, activity, accommodation FROM care_leaver WHERE snapshot_id = ? ORDER BY child_ref")
                .param(snapshotId).query((rs, i) -> new CareLeaver(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * The four readers give for the snapshot exactly what the 903 tables gave: the same records (every field, nulls and
     * codes as stored) in the same order (the children, in no particular order before, by child now).
     *
     * @return the number of records compared
     */
    public static int assertReadAsBefore(ChildDataSnapshots readers, JdbcClient jdbc, UUID snapshot) {
        List<Child> children = children(jdbc, snapshot).stream().sorted(Comparator.comparing(Child::childRef)).toList();
        List<Episode> episodes = episodes(jdbc, snapshot);
        List<Review> reviews = reviews(jdbc, snapshot);
        List<CareLeaver> leavers = careLeavers(jdbc, snapshot);
        assertThat(readers.children(snapshot)).as("children of snapshot " + snapshot).isEqualTo(children);
        assertThat(readers.episodes(snapshot)).as("episodes of snapshot " + snapshot).isEqualTo(episodes);
        assertThat(readers.reviews(snapshot)).as("reviews of snapshot " + snapshot).isEqualTo(reviews);
        assertThat(readers.careLeavers(snapshot)).as("care leavers of snapshot " + snapshot).isEqualTo(leavers);
        return children.size() + episodes.size() + reviews.size() + leavers.size();
    }

    /** The legal statuses of {@link #insertEveryCase}'s child HM-A's episodes, in date order. */
    public static final List<String> EVERY_CASE_LEGAL_STATUSES = java.util.Arrays.asList("C2", null, "C2", "c1", "c1", null, "V2");

    /**
     * Rows of the 903 tables with each case the readers have to get right, into the snapshot (not into the SSD store):
     * one child's legal status, none, then the first again in one period of care (a run without legal status has no
     * ssd_legal_status row); a change of legal status only (RNE L) keeping the placement; a one-day episode; codes in
     * lower case and blank; an open episode followed by another (not a return DfE would take); a review in no episode;
     * a UASC child; a child with no episode; a care leaver with nothing known.
     */
    public static void insertEveryCase(JdbcClient jdbc, UUID s, UUID la) {
        jdbc.sql("""
                INSERT INTO child (snapshot_id, la_id, child_ref, sex, dob, ethnic, uasc) VALUES
                  (:s, :la, 'HM-A', '1', DATE '2010-01-01', 'wbri', true), (:s, :la, 'HM-B', NULL, DATE '2004-05-06', NULL, false),
                  (:s, :la, 'HM-C', '2', DATE '2015-07-08', '', false)""").param("s", s).param("la", la).update();
        jdbc.sql("""
                INSERT INTO episode (snapshot_id, la_id, child_ref, decom, rne, legal_status, cin, place, place_provider, dec, rec, reason_place_change) VALUES
                  (:s, :la, 'HM-A', DATE '2018-01-01', 'S', 'C2', 'N1', 'U1', 'PR1', DATE '2018-02-01', 'X1', NULL),
                  (:s, :la, 'HM-A', DATE '2018-02-01', 'L', NULL, 'N1', 'U1', 'PR1', DATE '2018-03-01', 'X1', NULL),
                  (:s, :la, 'HM-A', DATE '2018-03-01', 'L', 'C2', 'N1', 'U1', 'PR1', DATE '2018-03-01', 'X1', NULL),
                  (:s, :la, 'HM-A', DATE '2018-03-02', 'l', 'c1', 'n2', '', NULL, DATE '2018-04-01', 'e11', 'carpl'),
                  (:s, :la, 'HM-A', DATE '2018-04-01', 'P', 'c1', 'N2', 'U3', 'PR2', NULL, NULL, NULL),
                  (:s, :la, 'HM-A', DATE '2018-06-01', 'S', NULL, NULL, NULL, NULL, DATE '2018-07-01', 'E4A', NULL),
                  (:s, :la, 'HM-A', DATE '2018-07-01', 'L', 'V2', 'N1', NULL, NULL, DATE '2018-08-01', 'X1', NULL)""")
                .param("s", s).param("la", la).update();
        jdbc.sql("""
                INSERT INTO review (snapshot_id, la_id, child_ref, review_date, review_code) VALUES
                  (:s, :la, 'HM-A', DATE '2018-02-15', 'PN1'), (:s, :la, 'HM-A', DATE '2018-05-01', NULL), (:s, :la, 'HM-B', DATE '2018-01-01', 'pn0')""")
                .param("s", s).param("la", la).update();
        jdbc.sql("""
                INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch, activity, accommodation) VALUES
                  (:s, :la, 'HM-B', NULL, NULL, NULL), (:s, :la, 'HM-C', 'yes', '', 'S')""").param("s", s).param("la", la).update();
    }
}
