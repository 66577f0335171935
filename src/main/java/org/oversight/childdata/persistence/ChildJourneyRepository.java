package org.oversight.childdata.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.Origin;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Snapshot;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The SQL of the read side of the whole-journey (SSD-shaped) store. */
@Repository
@Transactional(readOnly = true)
class ChildJourneyRepository implements ChildJourneys {

    private static final Set<String> YES = Set.of("true", "y", "yes", "1", "t");
    private static final String SNAPSHOT = """
            SELECT DISTINCT ON (la_id) id, la_id, kind, collection_year, imported_at, as_at, revision, source FROM import_snapshot
             WHERE kind IN ('SSD', 'CIN_CENSUS') AND superseded_at IS NULL""";
    private static final String ORDER = " ORDER BY la_id, collection_year DESC, imported_at DESC";

    private final JdbcClient jdbc;
    private final Clock clock;

    ChildJourneyRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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
                SELECT EXISTS (SELECT 1 FROM ssd_contacts WHERE snapshot_id = :s AND cont_person_id = :p)
                    OR EXISTS (SELECT 1 FROM ssd_early_help_episodes WHERE snapshot_id = :s AND earl_person_id = :p)
                    OR EXISTS (SELECT 1 FROM ssd_cin_episodes WHERE snapshot_id = :s AND cine_person_id = :p)""")
                .param("s", snapshotId).param("p", person).query(Boolean.class).single();
    }

    @Override
    public Map<String, String> contactOutcomes(UUID snapshotId, String person) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT cont_contact_id, cont_contact_outcome_json FROM ssd_contacts
                 WHERE snapshot_id = ? AND cont_person_id = ? AND cont_contact_outcome_json IS NOT NULL ORDER BY cont_contact_id""")
                .params(snapshotId, person).query((rs, i) -> out.put(rs.getString(1), rs.getString(2))).list();
        return out;
    }

    @Override
    public Map<UUID, Journey> journeys(Collection<UUID> snapshotIds) {
        UUID[] ids = snapshotIds.toArray(UUID[]::new);
        Map<UUID, JourneySnapshot> snapshots = new LinkedHashMap<>();
        jdbc.sql("SELECT id, la_id, kind, collection_year, imported_at, as_at, revision, source FROM import_snapshot WHERE id = ANY(?) AND kind IN ('SSD', 'CIN_CENSUS')")
                .param(ids).query(this::snapshot).list().forEach(s -> snapshots.put(s.id(), s));
        Map<UUID, List<Person>> persons = rows("""
                        SELECT snapshot_id, pers_person_id, pers_dob, pers_expected_dob, pers_sex, pers_ethnicity FROM ssd_person
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, pers_person_id""", ids,
                        (rs, i) -> new Person(rs.getString(2), date(rs, 3), date(rs, 4), rs.getString(5), rs.getString(6)));
        Map<UUID, List<Contact>> contacts = rows("""
                        SELECT snapshot_id, cont_contact_id, cont_person_id, cont_contact_date, cont_contact_source_code FROM ssd_contacts
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, cont_person_id, cont_contact_date, cont_contact_id""", ids,
                        new org.springframework.jdbc.core.RowMapper<Contact>() {
                            private final Repeated person = new Repeated();

                            @Override
                            public Contact mapRow(ResultSet rs, int i) throws SQLException {
                                return new Contact(rs.getString(2), person.text(rs, 3), date(rs, 4), rs.getString(5));
                            }
                        });
        Map<UUID, List<EarlyHelp>> earlyHelp = rows("""
                        SELECT snapshot_id, earl_episode_id, earl_person_id, earl_episode_start_date, earl_episode_end_date, earl_episode_reason,
                               earl_episode_end_reason, earl_episode_worker_id FROM ssd_early_help_episodes
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, earl_person_id, earl_episode_start_date, earl_episode_id""", ids,
                        (rs, i) -> new EarlyHelp(rs.getString(2), rs.getString(3), date(rs, 4), date(rs, 5), rs.getString(6), rs.getString(7),
                                rs.getString(8)));
        Map<UUID, List<Referral>> referrals = rows("""
                        SELECT snapshot_id, cine_referral_id, cine_person_id, cine_referral_date, cine_referral_source_code, cine_cin_primary_need_code,
                               cine_referral_nfa, cine_close_reason, cine_close_date, cine_referral_team, cine_referral_worker_id,
                               cine_initial_cpc_date FROM ssd_cin_episodes
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, cine_person_id, cine_referral_date, cine_referral_id""", ids,
                        (rs, i) -> new Referral(rs.getString(2), rs.getString(3), date(rs, 4), rs.getString(5), rs.getString(6), yes(rs, 7),
                                rs.getString(8), date(rs, 9), rs.getString(10), rs.getString(11), date(rs, 12)));
        Map<UUID, List<Assessment>> assessments = rows("""
                        SELECT snapshot_id, cina_assessment_id, cina_person_id, cina_referral_id, cina_assessment_start_date, cina_assessment_auth_date,
                               cina_assessment_child_seen, cina_assessment_outcome_nfa, cina_assessment_team, cina_assessment_worker_id
                          FROM ssd_cin_assessments
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, cina_person_id, cina_assessment_start_date, cina_assessment_id""", ids,
                        (rs, i) -> new Assessment(rs.getString(2), rs.getString(3), rs.getString(4), date(rs, 5), date(rs, 6), rs.getString(7),
                                yes(rs, 8), rs.getString(9), rs.getString(10)));
        Map<UUID, List<Section47>> section47s = rows("""
                        SELECT snapshot_id, s47e_s47_enquiry_id, s47e_referral_id, s47e_person_id, s47e_s47_start_date, s47e_s47_end_date, s47e_s47_nfa,
                               s47e_icpc_not_required, s47e_s47_completed_by_team, s47e_s47_completed_by_worker_id FROM ssd_s47_enquiry
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, s47e_person_id, s47e_s47_start_date, s47e_s47_enquiry_id""", ids,
                        (rs, i) -> new Section47(rs.getString(2), rs.getString(3), rs.getString(4), date(rs, 5), date(rs, 6), yes(rs, 7),
                                yes(rs, 8), rs.getString(9), rs.getString(10)));
        Map<UUID, List<Conference>> conferences = rows("""
                        SELECT snapshot_id, icpc_icpc_id, icpc_s47_enquiry_id, icpc_person_id, icpc_cp_plan_id, icpc_referral_id, icpc_icpc_transfer_in,
                               icpc_icpc_target_date, icpc_icpc_date, icpc_icpc_outcome_cp_flag, icpc_icpc_team, icpc_icpc_worker_id
                          FROM ssd_initial_cp_conference
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, icpc_person_id, icpc_icpc_date, icpc_icpc_id""", ids,
                        (rs, i) -> new Conference(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), yes(rs, 7),
                                date(rs, 8), date(rs, 9), yes(rs, 10), rs.getString(11), rs.getString(12)));
        Map<UUID, List<CinPlan>> cinPlans = rows("""
                        SELECT snapshot_id, cinp_cin_plan_id, cinp_referral_id, cinp_person_id, cinp_cin_plan_start_date, cinp_cin_plan_end_date,
                               cinp_cin_plan_team, cinp_cin_plan_worker_id FROM ssd_cin_plans
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, cinp_person_id, cinp_cin_plan_start_date, cinp_cin_plan_id""", ids,
                        (rs, i) -> new CinPlan(rs.getString(2), rs.getString(3), rs.getString(4), date(rs, 5), date(rs, 6), rs.getString(7),
                                rs.getString(8)));
        Map<UUID, List<CpPlan>> cpPlans = rows("""
                        SELECT snapshot_id, cppl_cp_plan_id, cppl_referral_id, cppl_icpc_id, cppl_person_id, cppl_cp_plan_start_date, cppl_cp_plan_end_date,
                               cppl_cp_plan_initial_category, cppl_number_of_previous_cpp FROM ssd_cp_plans
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, cppl_person_id, cppl_cp_plan_start_date, cppl_cp_plan_id""", ids,
                        (rs, i) -> new CpPlan(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), date(rs, 6), date(rs, 7),
                                rs.getString(8), (Integer) rs.getObject(9)));
        Map<UUID, List<Visit>> visits = rows("""
                        SELECT snapshot_id, id, person, plan, cp, visit_date, seen, seen_alone FROM (
                          SELECT snapshot_id, cinv_cin_visit_id AS id, cinv_person_id AS person, NULL AS plan, false AS cp, cinv_cin_visit_date AS visit_date,
                                 cinv_cin_visit_seen AS seen, cinv_cin_visit_seen_alone AS seen_alone FROM ssd_cin_visits WHERE snapshot_id = ANY(?)
                          UNION ALL
                          SELECT snapshot_id, cppv_cp_visit_id, cppv_person_id, cppv_cp_plan_id, true, cppv_cp_visit_date, cppv_cp_visit_seen,
                                 cppv_cp_visit_seen_alone FROM ssd_cp_visits WHERE snapshot_id = ANY(?)) v
                         ORDER BY snapshot_id, person, visit_date, id""", List.of(ids, ids),
                        new org.springframework.jdbc.core.RowMapper<Visit>() {
                            // a child's visits come one after another, and a plan's: their ids are decoded once for the run
                            private final Repeated person = new Repeated();
                            private final Repeated plan = new Repeated();

                            @Override
                            public Visit mapRow(ResultSet rs, int i) throws SQLException {
                                return new Visit(rs.getString(2), person.text(rs, 3), plan.text(rs, 4), rs.getBoolean(5), date(rs, 6), yes(rs, 7),
                                        yes(rs, 8));
                            }
                        });
        Map<UUID, List<CpReview>> cpReviews = rows("""
                        SELECT snapshot_id, cppr_cp_review_id, cppr_person_id, cppr_cp_plan_id, cppr_cp_review_due, cppr_cp_review_date FROM ssd_cp_reviews
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, cppr_person_id, cppr_cp_review_date, cppr_cp_review_id""", ids,
                        (rs, i) -> new CpReview(rs.getString(2), rs.getString(3), rs.getString(4), date(rs, 5), date(rs, 6)));
        Map<UUID, List<Involvement>> involvements = rows("""
                        SELECT snapshot_id, invo_involvements_id, invo_person_id, invo_referral_id, invo_professional_id, invo_professional_team,
                               invo_involvement_start_date, invo_involvement_end_date FROM ssd_involvements
                         WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, invo_person_id, invo_involvement_start_date, invo_involvements_id""", ids,
                        (rs, i) -> new Involvement(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                date(rs, 7), date(rs, 8)));
        Map<UUID, List<Worker>> workers = rows("""
                        SELECT snapshot_id, prof_professional_id, prof_professional_name, prof_professional_department, prof_professional_caseload,
                               prof_agency_worker_flag FROM ssd_professionals WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, prof_professional_id""", ids,
                        (rs, i) -> new Worker(rs.getString(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5), yes(rs, 6)));
        Map<UUID, List<Team>> teams = rows("SELECT snapshot_id, dept_team_id, dept_team_name FROM ssd_department WHERE snapshot_id = ANY(?) ORDER BY snapshot_id, dept_team_id", ids,
                        (rs, i) -> new Team(rs.getString(2), rs.getString(3)));
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

    /** The rows of every snapshot asked for, by snapshot (the query's first column), in the query's order. */
    private <T> Map<UUID, List<T>> rows(String sql, Object param, org.springframework.jdbc.core.RowMapper<T> mapper) {
        List<?> params = param instanceof List<?> l ? l : List.of(param);
        Map<UUID, List<T>> out = new HashMap<>();
        // rows come snapshot by snapshot: the snapshot's list is looked up when the snapshot changes, not for every row
        jdbc.sql(sql).params(params).query(new org.springframework.jdbc.core.RowCallbackHandler() {
            private UUID snapshot;
            private List<T> list;

            @Override
            public void processRow(ResultSet rs) throws SQLException {
                UUID id = rs.getObject(1, UUID.class);
                if (!id.equals(snapshot)) {
                    snapshot = id;
                    list = out.computeIfAbsent(id, k -> new ArrayList<>());
                }
                list.add(mapper.mapRow(rs, 0));
            }
        });
        return out;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /**
     * A TEXT column read as a yes: its UTF-8 bytes as sent (no string made for the usual spellings), else the text
     * trimmed and in lower case among {@link #YES}.
     */
    private static boolean yes(ResultSet rs, int column) throws SQLException {
        byte[] value = rs.getBytes(column);
        if (value == null) {
            return false;
        }
        if (value.length == 1) {
            switch (value[0]) {
                case 't', '1', 'y' -> {
                    return true;
                }
                case 'f', '0', 'n' -> {
                    return false;
                }
                default -> {
                }
            }
        } else if (value.length == 4 && value[0] == 't' && value[1] == 'r' && value[2] == 'u' && value[3] == 'e') {
            return true;
        } else if (value.length == 5 && value[0] == 'f' && value[1] == 'a' && value[2] == 'l' && value[3] == 's' && value[4] == 'e') {
            return false;
        }
        return YES.contains(new String(value, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT));
    }

    /**
     * A TEXT column whose value often repeats from one row to the next (rows ordered by it): the previous row's string
     * when the bytes are the same, so it is decoded once per run of rows. One per query and thread.
     */
    private static final class Repeated {
        private byte[] bytes;
        private String text;

        String text(ResultSet rs, int column) throws SQLException {
            byte[] value = rs.getBytes(column);
            if (value == null) {
                return null;
            }
            if (!java.util.Arrays.equals(value, bytes)) {
                bytes = value;
                text = new String(value, StandardCharsets.UTF_8);
            }
            return text;
        }
    }
}
