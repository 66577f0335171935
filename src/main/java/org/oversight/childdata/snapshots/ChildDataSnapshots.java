package org.oversight.childdata.snapshots;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An LA's child-level data as stored: dated snapshots per collection year and kind (a newer import supersedes the older
 * one without deleting it), and the rows of one snapshot.
 */
public interface ChildDataSnapshots {

    /** What a snapshot holds: an SSDA903 return, or an Annex A workbook (lists 8 and 9). */
    enum Kind { SSDA903, ANNEX_A }

    /**
     * One import of one kind for one LA and collection year.
     *
     * @param asOf the date the data describes (its latest event); for data without one, today or the end of its
     *             collection year (31 March) for an earlier year's return. Compliance is measured on this date.
     */
    record Snapshot(UUID id, UUID laId, String collectionYear, LocalDate asOf, Timestamp importedAt) {

        /** The date data of a collection year describes when it carries no date of its own ({@code asAt} null). */
        public static LocalDate describedOn(String collectionYear, LocalDate asAt, LocalDate today) {
            if (asAt != null) {
                return asAt;
            }
            LocalDate yearEnd = LocalDate.of(Integer.parseInt(collectionYear.substring(0, 4)) + 1, 3, 31);
            return today.isBefore(yearEnd) ? today : yearEnd;
        }
    }

    /** A child of the SSDA903 header (sex and ethnicity as the 903 codes them). */
    record Child(String childRef, String sex, LocalDate dob, String ethnic, boolean uasc) {
    }

    /** A looked-after episode, with the 903 columns' names and codes. */
    record Episode(String childRef, LocalDate decom, LocalDate dec, String rne, String legalStatus, String cin, String place,
                   String placeProvider, String rec) {

        /** Start of the current period of care: back from the last episode through those that follow on without a gap. */
        public static LocalDate periodStart(List<Episode> episodesOfOneChild) {
            LocalDate start = episodesOfOneChild.getLast().decom();
            for (int i = episodesOfOneChild.size() - 2; i >= 0; i--) {
                LocalDate end = episodesOfOneChild.get(i).dec();
                if (end != null && end.equals(start)) {
                    start = episodesOfOneChild.get(i).decom();
                } else {
                    break;
                }
            }
            return start;
        }
    }

    record Review(String childRef, LocalDate reviewDate, String reviewCode) {
    }

    /** A care leaver's OC3 row: in touch, activity and accommodation codes. */
    record CareLeaver(String childRef, String inTouch, String activity, String accommodation) {
    }

    /** A missing ({@code M}) or away-from-placement ({@code A}) episode. */
    record Missing(String childRef, String kind, LocalDate started, LocalDate ended) {
    }

    /** A row of Annex A list 8 (children in care) or 9 (care leavers). */
    record AnnexAChild(int list, String childRef, String team, String worker, LocalDate lastVisit, LocalDate lastIroContact,
                       LocalDate lastHealth, LocalDate lastDental, LocalDate placementStart, String permanencePlan,
                       LocalDate pathwayReview, LocalDate latestContact, String eligibility) {
    }

    /**
     * Published in the transaction that stored a new snapshot of the LA, before it commits: a listener that writes in
     * the same transaction (the stored compliance figures) commits with the snapshot or not at all.
     */
    record Stored(UUID laId) {
    }

    /** The LA's current snapshot of that kind (the latest collection year not superseded). */
    Optional<Snapshot> current(UUID laId, Kind kind);

    /** Every LA's current snapshot of that kind, in one read. */
    List<Snapshot> allCurrent(Kind kind);

    /** Every snapshot of that kind the LA has imported, newest import first. */
    List<Snapshot> all(UUID laId, Kind kind);

    /** The LAs that have a current snapshot of that kind. */
    List<UUID> lasWithCurrent(Kind kind);

    /** In no particular order. */
    List<Child> children(UUID snapshotId);

    /** Ordered by child, then start. */
    List<Episode> episodes(UUID snapshotId);

    /** Ordered by child, then date. */
    List<Review> reviews(UUID snapshotId);

    /** Ordered by child. */
    List<CareLeaver> careLeavers(UUID snapshotId);

    /** In no particular order. */
    List<Missing> missing(UUID snapshotId);

    /** Lists 8 and 9 together, in no particular order. */
    List<AnnexAChild> annexA(UUID snapshotId);
}
