package org.oversight.childdata.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.Origin;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Snapshot;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of the read side of the whole-journey (SSD-shaped) store. */
@Repository
@Transactional(readOnly = true)
class ChildJourneyRepository implements ChildJourneys {

    private static final SQLExceptionTranslator TRANSLATOR = new SQLExceptionSubclassTranslator();
    private static final String SNAPSHOT = """
            SELECT DISTINCT ON (la_id) id, la_id, kind, collection_year, imported_at, as_at, revision, source FROM import_snapshot
             WHERE kind IN ('SSD', 'CIN_CENSUS') AND superseded_at IS NULL""";
    private static final String ORDER = " ORDER BY la_id, collection_year DESC, imported_at DESC";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    ChildJourneyRepository(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Optional<JourneySnapshot> current(UUID laId) {
        return jdbc.sql(SNAPSHOT + " AND la_id = ?" + ORDER).param(laId).query(this::snapshot).optional();
    }

    @Override
    public List<JourneySnapshot> earlier(UUID laId) {
        List<JourneySnapshot> years = jdbc.sql("""
                SELECT DISTINCT ON (collection_year) id, la_id, kind, collection_year, imported_at, as_at, revision, source FROM import_snapshot
                 WHERE kind IN ('SSD', 'CIN_CENSUS') AND superseded_at IS NULL AND la_id = ?
                 ORDER BY collection_year DESC, imported_at DESC""").param(laId).query(this::snapshot).list();
        return years.isEmpty() ? List.of() : List.copyOf(years.subList(1, years.size()));
    }

    @Override
    public List<JourneySnapshot> allCurrent() {
        return jdbc.sql(SNAPSHOT + ORDER).query(this::snapshot).list();
    }

    private JourneySnapshot snapshot(ResultSet rs, int i) throws SQLException {
        String year = rs.getString(4);
        return new JourneySnapshot(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), year,
                Snapshot.describedOn(year, rs.getObject(6, LocalDate.class), LocalDate.now(clock)), rs.getTimestamp(5).toInstant(), rs.getInt(7),
                Origin.of(rs.getString(3), rs.getString(8)));
    }

    @Override
    public Journey journey(UUID snapshotId) {
        Journey journey = journeys(List.of(snapshotId)).get(snapshotId);
        if (journey == null) {
            throw new IllegalArgumentException("No journey snapshot " + snapshotId);
        }
        return journey;
    }

    @Override
    public boolean holdsJourneyOf(UUID snapshotId, String person) {
        return jdbc.sql("""
                WITH s AS (SELECT no FROM import_snapshot WHERE id = :s)
                SELECT EXISTS (SELECT 1 FROM ssd_contacts WHERE snapshot_no = (SELECT no FROM s) AND cont_person_id = :p)
                    OR EXISTS (SELECT 1 FROM ssd_early_help_episodes WHERE snapshot_no = (SELECT no FROM s) AND earl_person_id = :p)
                    OR EXISTS (SELECT 1 FROM ssd_cin_episodes WHERE snapshot_no = (SELECT no FROM s) AND cine_person_id = :p)""")
                .param("s", snapshotId).param("p", person).query(Boolean.class).single();
    }

    @Override
    public Map<String, String> contactOutcomes(UUID snapshotId, String person) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT cont_contact_id, cont_contact_outcome_json FROM ssd_contacts
                 WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cont_person_id = ?
                   AND cont_contact_outcome_json IS NOT NULL ORDER BY cont_contact_id""")
                .params(snapshotId, person).query((rs, i) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    @Override
    public Map<UUID, Journey> journeys(Collection<UUID> snapshotIds, Reading reading) {
        Map<UUID, JourneySnapshot> snapshots = new LinkedHashMap<>();
        // the store's rows name their snapshot by its number (V44_16): each snapshot asked for (and visible) by its number
        Map<Integer, UUID> ids = new HashMap<>();
        jdbc.sql("SELECT id, la_id, kind, collection_year, imported_at, as_at, revision, source, no FROM import_snapshot WHERE id = ANY(?) AND kind IN ('SSD', 'CIN_CENSUS')")
                .param(snapshotIds.toArray(UUID[]::new)).query((rs, i) -> {
                    JourneySnapshot s = snapshot(rs, i);
                    snapshots.put(s.id(), s);
                    ids.put(rs.getInt(9), s.id());
                    return s;
                }).list();
        // the clocks and the front door need no person (Reading.TIMESCALES): the table is not read
        Map<UUID, List<Person>> persons = reading == Reading.TIMESCALES ? Map.of() : rows("""
                        SELECT snapshot_no, pers_person_id, pers_dob, pers_expected_dob, pers_sex, pers_ethnicity FROM ssd_person
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.PERSONS,
                        r -> new Person(r.text(1), r.date(2), r.date(3), r.text(4), r.text(5)));
        // {column}: a column the clocks and the front door do not read, left out of the query for Reading.TIMESCALES and read as NULL (see select).
        // Every table's rows of a child mostly come one after another (as imported, by a key that starts with the child's id): the
        // child's id is read with repeatedText, decoded once for the run, so that a child's rows share one string (compared by
        // reference first when they are sorted and grouped by child) and a string is not made for every row.
        Map<UUID, List<Contact>> contacts = rows("""
                        SELECT snapshot_no, cont_contact_id, cont_person_id, cont_contact_date, {cont_contact_source_code} FROM ssd_contacts
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.CONTACTS,
                        // a child's contacts mostly come one after another (as imported): the child's id is decoded once for the run
                        r -> new Contact(r.text(1), r.repeatedText(2), r.date(3), r.text(4)));
        Map<UUID, List<EarlyHelp>> earlyHelp = rows("""
                        SELECT snapshot_no, {earl_episode_id}, earl_person_id, earl_episode_start_date, {earl_episode_end_date}, {earl_episode_reason},
                               {earl_episode_end_reason}, {earl_episode_worker_id} FROM ssd_early_help_episodes
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.EARLY_HELP,
                        r -> new EarlyHelp(r.text(1), r.repeatedText(2), r.date(3), r.date(4), r.text(5), r.text(6),
                                r.text(7)));
        Map<UUID, List<Referral>> referrals = rows("""
                        SELECT snapshot_no, cine_referral_id, cine_person_id, cine_referral_date, {cine_referral_source_code}, {cine_cin_primary_need_code},
                               cine_referral_nfa, cine_close_reason, cine_close_date, cine_referral_team, cine_referral_worker_id,
                               {cine_initial_cpc_date} FROM ssd_cin_episodes
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.REFERRALS,
                        r -> new Referral(r.text(1), r.repeatedText(2), r.date(3), r.text(4), r.text(5), r.yes(6),
                                r.text(7), r.date(8), r.text(9), r.text(10), r.date(11)));
        Map<UUID, List<Assessment>> assessments = rows("""
                        SELECT snapshot_no, cina_assessment_id, cina_person_id, cina_referral_id, cina_assessment_start_date, cina_assessment_auth_date,
                               {cina_assessment_child_seen}, cina_assessment_outcome_nfa, cina_assessment_team, cina_assessment_worker_id
                          FROM ssd_cin_assessments
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.ASSESSMENTS,
                        r -> new Assessment(r.text(1), r.repeatedText(2), r.text(3), r.date(4), r.date(5), r.text(6),
                                r.yes(7), r.text(8), r.text(9)));
        Map<UUID, List<Section47>> section47s = rows("""
                        SELECT snapshot_no, s47e_s47_enquiry_id, s47e_referral_id, s47e_person_id, s47e_s47_start_date, s47e_s47_end_date, s47e_s47_nfa,
                               s47e_icpc_not_required, s47e_s47_completed_by_team, s47e_s47_completed_by_worker_id FROM ssd_s47_enquiry
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.SECTION_47S,
                        r -> new Section47(r.text(1), r.text(2), r.repeatedText(3), r.date(4), r.date(5), r.yes(6),
                                r.yes(7), r.text(8), r.text(9)));
        Map<UUID, List<Conference>> conferences = rows("""
                        SELECT snapshot_no, icpc_icpc_id, icpc_s47_enquiry_id, icpc_person_id, {icpc_cp_plan_id}, {icpc_referral_id}, icpc_icpc_transfer_in,
                               {icpc_icpc_target_date}, icpc_icpc_date, {icpc_icpc_outcome_cp_flag}, {icpc_icpc_team}, {icpc_icpc_worker_id}
                          FROM ssd_initial_cp_conference
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.CONFERENCES,
                        r -> new Conference(r.text(1), r.text(2), r.repeatedText(3), r.text(4), r.text(5), r.yes(6),
                                r.date(7), r.date(8), r.yes(9), r.text(10), r.text(11)));
        Map<UUID, List<CinPlan>> cinPlans = rows("""
                        SELECT snapshot_no, cinp_cin_plan_id, {cinp_referral_id}, cinp_person_id, cinp_cin_plan_start_date, cinp_cin_plan_end_date,
                               {cinp_cin_plan_team}, {cinp_cin_plan_worker_id} FROM ssd_cin_plans
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.CIN_PLANS,
                        r -> new CinPlan(r.text(1), r.text(2), r.repeatedText(3), r.date(4), r.date(5), r.text(6),
                                r.text(7)));
        Map<UUID, List<CpPlan>> cpPlans = rows("""
                        SELECT snapshot_no, cppl_cp_plan_id, {cppl_referral_id}, {cppl_icpc_id}, cppl_person_id, cppl_cp_plan_start_date, cppl_cp_plan_end_date,
                               {cppl_cp_plan_initial_category}, cppl_number_of_previous_cpp FROM ssd_cp_plans
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.CP_PLANS,
                        r -> new CpPlan(r.text(1), r.text(2), r.text(3), r.repeatedText(4), r.date(5), r.date(6),
                                r.text(7), r.int4(8)));
        // child in need and child protection visits in one list, each table read on its own (a UNION ALL of the two cost PostgreSQL
        // a sixth more); a child's visits mostly come one after another (as imported), and a plan's: their ids are decoded once for the run
        Map<UUID, List<Visit>> visits = new HashMap<>();
        read("""
                SELECT snapshot_no, {cinv_cin_visit_id}, cinv_person_id, cinv_cin_visit_date, cinv_cin_visit_seen, {cinv_cin_visit_seen_alone}
                  FROM ssd_cin_visits WHERE snapshot_no = ANY(?)""", reading, ids,
                r -> new Visit(r.text(1), r.repeatedText(2), null, false, r.date(3), r.yes(4), r.yes(5)), visits);
        read("""
                SELECT snapshot_no, cppv_cp_visit_id, cppv_person_id, cppv_cp_plan_id, cppv_cp_visit_date, cppv_cp_visit_seen, cppv_cp_visit_seen_alone
                  FROM ssd_cp_visits WHERE snapshot_no = ANY(?)""", reading, ids,
                r -> new Visit(r.text(1), r.repeatedText(2), r.repeatedText(3), true, r.date(4), r.yes(5), r.yes(6)), visits);
        sort(visits, JourneyOrder.VISITS);
        Map<UUID, List<CpReview>> cpReviews = rows("""
                        SELECT snapshot_no, cppr_cp_review_id, cppr_person_id, cppr_cp_plan_id, {cppr_cp_review_due}, cppr_cp_review_date FROM ssd_cp_reviews
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.CP_REVIEWS,
                        r -> new CpReview(r.text(1), r.repeatedText(2), r.repeatedText(3), r.date(4), r.date(5)));
        Map<UUID, List<Involvement>> involvements = rows("""
                        SELECT snapshot_no, invo_involvements_id, invo_person_id, {invo_referral_id}, invo_professional_id, invo_professional_team,
                               invo_involvement_start_date, invo_involvement_end_date FROM ssd_involvements
                         WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.INVOLVEMENTS,
                        r -> new Involvement(r.text(1), r.repeatedText(2), r.text(3), r.text(4), r.text(5),
                                r.date(6), r.date(7)));
        Map<UUID, List<Worker>> workers = rows("""
                        SELECT snapshot_no, prof_professional_id, prof_professional_name, prof_professional_department, {prof_professional_caseload},
                               {prof_agency_worker_flag} FROM ssd_professionals WHERE snapshot_no = ANY(?)""", reading, ids, JourneyOrder.WORKERS,
                        r -> new Worker(r.text(1), r.text(2), r.text(3), r.int4(4), r.yes(5)));
        Map<UUID, List<Team>> teams = rows("SELECT snapshot_no, dept_team_id, dept_team_name FROM ssd_department WHERE snapshot_no = ANY(?)", reading, ids, JourneyOrder.TEAMS,
                        r -> new Team(r.text(1), r.text(2)));
        Map<UUID, Journey> result = new LinkedHashMap<>();
        for (JourneySnapshot s : snapshots.values()) {
            UUID id = s.id();
            result.put(id, new Journey(s, of(persons, id), of(contacts, id), of(earlyHelp, id), of(referrals, id), of(assessments, id),
                    of(section47s, id), of(conferences, id), of(cinPlans, id), of(cpPlans, id), of(visits, id), of(cpReviews, id),
                    of(involvements, id), of(workers, id), of(teams, id)));
        }
        return result;
    }

    private static <T> List<T> of(Map<UUID, List<T>> rows, UUID snapshot) {
        return rows.getOrDefault(snapshot, List.of());
    }

    /**
     * A query for a reading: its text, and for each column of its select list the column of the COPY data it is, -1 for one not
     * read (null when they are the same).
     */
    record Selected(String sql, int[] columns) {
    }

    /**
     * The query for the reading. Its select list is plain columns, some in braces ({@code {cont_contact_source_code}}): those the
     * help-and-protection clocks and the front door do not read. {@link Reading#WHOLE} reads every column; {@link Reading#TIMESCALES}
     * leaves the braced ones out of the query, so PostgreSQL neither reads nor sends them, and the rows' reader gives them as NULL
     * in their places (one mapper for both readings, nothing decoded that is not used).
     */
    static Selected select(String query, Reading reading) {
        int from = query.indexOf("SELECT ") + "SELECT ".length();
        int to = query.indexOf(" FROM ", from);
        if (from < "SELECT ".length() || to < 0) {
            throw new IllegalArgumentException("Not a query of plain columns: " + query);
        }
        String[] list = query.substring(from, to).split(",");
        StringBuilder kept = new StringBuilder();
        int[] columns = new int[list.length];
        int n = 0;
        for (int i = 0; i < list.length; i++) {
            String column = list[i].strip();
            boolean unread = column.startsWith("{") && column.endsWith("}");
            if (unread && reading == Reading.TIMESCALES) {
                columns[i] = -1;
                continue;
            }
            kept.append(n == 0 ? "" : ", ").append(unread ? column.substring(1, column.length() - 1) : column);
            columns[i] = n++;
        }
        return new Selected(query.substring(0, from) + kept + query.substring(to), n == list.length ? null : columns);
    }

    /** Maps the current row of a binary COPY to a record. */
    @FunctionalInterface
    private interface CopyRowMapper<T> {
        T map(BinaryCopyRows row);
    }

    /**
     * The rows of every snapshot asked for, by snapshot (the query's first column, the snapshot's number: 4 bytes a row
     * instead of the id's 16), each snapshot's rows in the given order. The query runs as
     * {@code COPY (query) TO STDOUT (FORMAT binary)} on the transaction's connection, so the tenant scope and row-level
     * security apply to it exactly as to any other query; each {@code ANY(?)} is the snapshots' numbers, written into the
     * text as an integer array literal (COPY takes no parameters), and each number read is mapped back to its
     * snapshot's id by {@code ids} (the snapshots already read).
     *
     * <p>The query has no {@code ORDER BY}: the rows are sorted here, snapshot by snapshot ({@link JourneyOrder}). Sorting
     * in PostgreSQL was half of its time for these queries (the visits' sort spilled to disk at the default
     * {@code work_mem}), while the rows come in the order they were imported, which is mostly the order wanted already, so
     * the sort here is little more than one pass over each list (see README, Benchmarks).
     */
    private <T> Map<UUID, List<T>> rows(String query, Reading reading, Map<Integer, UUID> ids, Comparator<? super T> order, CopyRowMapper<T> mapper) {
        Map<UUID, List<T>> out = read(query, reading, ids, mapper, new HashMap<>());
        sort(out, order);
        return out;
    }

    /** Adds the query's rows to {@code out}, by snapshot, in the order they come (see {@link #rows}). */
    private <T> Map<UUID, List<T>> read(String query, Reading reading, Map<Integer, UUID> ids, CopyRowMapper<? extends T> mapper,
                                        Map<UUID, List<T>> out) {
        StringBuilder array = new StringBuilder("'{");
        for (Integer no : ids.keySet()) {
            array.append(array.length() == 2 ? "" : ",").append(no.intValue());
        }
        Selected selected = select(query, reading);
        String sql = "COPY (" + selected.sql().replace("ANY(?)", "ANY(" + array.append("}'::integer[]") + ")") + ") TO STDOUT (FORMAT binary)";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (InputStream in = new PGCopyInputStream(connection.unwrap(PGConnection.class), sql)) {
            BinaryCopyRows row = new BinaryCopyRows(in, selected.columns());
            // rows come snapshot by snapshot (as imported): the snapshot's list is looked up when the snapshot changes, not for every row
            int snapshot = 0;
            List<T> list = null;
            while (row.next()) {
                int no = row.int4(0);
                if (list == null || no != snapshot) {
                    snapshot = no;
                    list = out.computeIfAbsent(ids.get(no), k -> new ArrayList<>());
                }
                list.add(mapper.map(row));
            }
        } catch (SQLException e) {
            throw TRANSLATOR.translate("reading journey rows", sql, e);
        } catch (IOException e) {
            throw new DataRetrievalFailureException("Reading journey rows: " + e.getMessage() + " (" + sql + ")", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return out;
    }

    private static <T> void sort(Map<UUID, List<T>> rows, Comparator<? super T> order) {
        for (List<T> list : rows.values()) {
            list.sort(order);
        }
    }
}
