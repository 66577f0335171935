package org.oversight.childdata.journey;

import java.time.LocalDate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.oversight.shared.Dates;

/**
 * An LA's help-and-protection data as stored in the SSD-shaped tables: which snapshot is current, and every row of one
 * snapshot, table by table. Field names follow the SSD's; ids are the LA's own (the child's id is the SSD
 * {@code person_id}, the CIN census {@code LAchildID}).
 */
public interface ChildJourneys {

    /**
     * One import of whole-journey data.
     *
     * @param kind   {@code SSD} (an SSD extract) or {@code CIN_CENSUS}
     * @param asOf   the date the data describes: its latest event, or the end of its collection year
     * @param revision how many times its rows were changed in place (children's social care payloads); what is computed
     *               from a snapshot is keyed by its id and revision
     * @param origin   where it came from (an SSD extract, Annex A lists 1 to 7, children's social care payloads or a CIN census)
     */
    record JourneySnapshot(UUID id, UUID laId, String kind, String collectionYear, LocalDate asOf, Instant importedAt, int revision,
                           Origin origin) {

        /** A snapshot whose origin is read from its kind alone (an SSD extract or a CIN census). */
        public JourneySnapshot(UUID id, UUID laId, String kind, String collectionYear, LocalDate asOf, Instant importedAt, int revision) {
            this(id, laId, kind, collectionYear, asOf, importedAt, revision, Origin.of(kind, null));
        }

        /** A snapshot as imported, never changed in place. */
        public JourneySnapshot(UUID id, UUID laId, String kind, String collectionYear, LocalDate asOf, Instant importedAt) {
            this(id, laId, kind, collectionYear, asOf, importedAt, 0);
        }

        /** Whether children's social care payloads changed it after it was made (a snapshot they made themselves aside). */
        public boolean changedByPayloads() {
            return revision > 0 && origin != Origin.CSC_PAYLOADS;
        }

        /**
         * Where it came from, in words for a read-me or a check: "Annex A lists 1 to 7 2026-27, imported 6 April 2026",
         * "Children's social care API payloads 2026-27, first received 6 April 2026", "Standard Safeguarding Dataset extract
         * 2026-27, imported 6 April 2026, changed since by children's social care API payloads".
         */
        public String describe() {
            String what = origin == Origin.SSD_EXTRACT ? "Standard Safeguarding Dataset extract" : origin.words();
            return what + " " + collectionYear + (origin == Origin.CSC_PAYLOADS ? ", first received " : ", imported ") + Dates.day(importedAt)
                    + (changedByPayloads() ? ", changed since by children's social care API payloads" : "");
        }
    }

    /**
     * Where a journey snapshot came from, as its stored source says: both an SSD extract and Annex A lists 1 to 7 make
     * snapshots of kind {@code SSD}, and so do children's social care payloads for an LA that had none.
     */
    enum Origin {
        SSD_EXTRACT("SSD extract"), ANNEX_A("Annex A lists 1 to 7"), CSC_PAYLOADS("Children's social care API payloads"),
        CIN_CENSUS("CIN census");

        /** The stored source of a snapshot made from an Annex A workbook begins with this, then the file's name. */
        public static final String ANNEX_A_SOURCE = "Annex A lists 1 to 7: ";
        /** The stored source of a snapshot made by a children's social care payload (an LA with no journey snapshot before it). */
        public static final String CSC_PAYLOAD_SOURCE = "DfE children's social care API payload";

        private final String words;

        Origin(String words) {
            this.words = words;
        }

        /** In words, to begin a sentence ("Annex A lists 1 to 7"). */
        public String words() {
            return words;
        }

        /** The origin of a snapshot of the kind ({@code SSD}, {@code CIN_CENSUS}) with the stored source (null when not known). */
        public static Origin of(String kind, String source) {
            if ("CIN_CENSUS".equals(kind)) {
                return CIN_CENSUS;
            }
            if (source != null && source.startsWith(ANNEX_A_SOURCE)) {
                return ANNEX_A;
            }
            return CSC_PAYLOAD_SOURCE.equals(source) ? CSC_PAYLOADS : SSD_EXTRACT;
        }
    }

    /**
     * Published when a whole-journey snapshot of the LA is stored, or changed in place by a children's social care payload (in the
     * storing transaction).
     */
    record Stored(UUID laId, UUID snapshotId) {
    }

    /** The LA's current journey snapshot: the latest collection year's newest import of either kind. */
    Optional<JourneySnapshot> current(UUID laId);

    /**
     * The LA's journey snapshots of the collection years before its current one (each year's newest import), newest
     * first: what a figure's trend is read from.
     */
    List<JourneySnapshot> earlier(UUID laId);

    /** Every LA's current journey snapshot. */
    List<JourneySnapshot> allCurrent();

    /** Every row of the snapshot. */
    Journey journey(UUID snapshotId);

    /**
     * Whether the snapshot holds any of the person's journey: a contact, an early help episode or a referral (a person
     * with none of these, such as a care leaver known only as a person, has no journey to show).
     */
    boolean holdsJourneyOf(UUID snapshotId, String person);

    /**
     * The outcome recorded for each of the person's contacts (the SSD's {@code cont_contact_outcome_json} as stored), by
     * contact id; contacts without one are left out. Read for one child's chronology, not with every row.
     */
    Map<String, String> contactOutcomes(UUID snapshotId, String person);

    /** Every row of each snapshot, read table by table for all of them at once (a query per table, not per snapshot). */
    default Map<UUID, Journey> journeys(Collection<UUID> snapshotIds) {
        return journeys(snapshotIds, Reading.WHOLE);
    }

    /**
     * The rows of each snapshot that the reading asks for, read table by table for all of them at once (a query per
     * table, not per snapshot).
     */
    Map<UUID, Journey> journeys(Collection<UUID> snapshotIds, Reading reading);

    /** How much of a journey a read fills. */
    enum Reading {
        /** Every row and every field. */
        WHOLE,
        /**
         * What the help-and-protection clocks and the front door read (the compliance module's ProtectionTimescales and
         * FrontDoor), and nothing more, for their full recompute: no persons; of a contact no source; of an early help
         * episode only its child and start; of a referral no source, primary need or date of the initial conference; of
         * an assessment no "child seen"; of a conference no plan, referral, target date, outcome, team or worker; of a
         * child in need plan no referral, team or worker; of a child protection plan no referral, conference or category;
         * of a child in need visit only its child, date and whether the child was seen (a child protection visit whole);
         * of a review not the date it was due; of an involvement no referral; of a worker no caseload or agency flag. The
         * fields left out are null (false for a flag), and the lists are in the same order as {@link #WHOLE}'s but for
         * rows that differ only in a field left out (child in need visits of one child on one day).
         */
        TIMESCALES
    }

    record Person(String id, LocalDate dob, LocalDate expectedDob, String sex, String ethnicity) {
    }

    record Contact(String id, String person, LocalDate date, String source) {
    }

    record EarlyHelp(String id, String person, LocalDate start, LocalDate end, String reason, String endReason, String worker) {
    }

    /** A referral: the CIN episode it opens, with its closure. */
    record Referral(String id, String person, LocalDate date, String source, String primaryNeed, boolean nfa, String closeReason,
                    LocalDate closeDate, String team, String worker, LocalDate initialCpcDate) {
    }

    record Assessment(String id, String person, String referral, LocalDate start, LocalDate authorised, String childSeen, boolean nfa,
                      String team, String worker) {
    }

    /** A section 47 enquiry; its start is the strategy discussion that began it. */
    record Section47(String id, String referral, String person, LocalDate start, LocalDate end, boolean nfa, boolean icpcNotRequired,
                     String team, String worker) {
    }

    record Conference(String id, String section47, String person, String cpPlan, String referral, boolean transferIn, LocalDate target,
                      LocalDate date, boolean outcomeCpPlan, String team, String worker) {
    }

    record CinPlan(String id, String referral, String person, LocalDate start, LocalDate end, String team, String worker) {
    }

    record CpPlan(String id, String referral, String conference, String person, LocalDate start, LocalDate end, String category,
                  Integer previousPlans) {
    }

    /** A statutory visit to a child on a plan: {@code cp} true for child protection, false for child in need. */
    record Visit(String id, String person, String cpPlan, boolean cp, LocalDate date, boolean seen, boolean seenAlone) {
    }

    record CpReview(String id, String person, String cpPlan, LocalDate due, LocalDate date) {
    }

    /** Who held the case and when. */
    record Involvement(String id, String person, String referral, String worker, String team, LocalDate start, LocalDate end) {
    }

    record Worker(String id, String name, String team, Integer caseload, boolean agency) {
    }

    record Team(String id, String name) {
    }

    /** Every row of one snapshot. Lists are ordered by child, then date. */
    record Journey(JourneySnapshot snapshot, List<Person> persons, List<Contact> contacts, List<EarlyHelp> earlyHelp,
                   List<Referral> referrals, List<Assessment> assessments, List<Section47> section47s,
                   List<Conference> conferences, List<CinPlan> cinPlans, List<CpPlan> cpPlans, List<Visit> visits,
                   List<CpReview> cpReviews, List<Involvement> involvements, List<Worker> workers, List<Team> teams) {
    }
}
