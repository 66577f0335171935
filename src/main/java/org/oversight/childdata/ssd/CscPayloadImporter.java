package org.oversight.childdata.ssd;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;

import org.oversight.access.CurrentUser;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.ssd.CscPayload.Child;
import org.oversight.childdata.ssd.CscPayload.Episode;
import org.oversight.childdata.ssd.CscPayload.Item;
import org.oversight.childdata.ssd.CscPayload.Problem;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Applies a DfE children's social care API payload ({@link CscPayload}) to the LA's current journey snapshot, in one
 * transaction: each child and each part the payload names is inserted or updated (a partial payload changes only what
 * it names), {@code purge: true} deletes the child or item and what it contains, and an LA with no journey snapshot yet
 * gets one (kind SSD, the collection year of today). Any problem, found while reading or while applying (an episode
 * that is new but has no referral date, an id that belongs to another child), stops the whole payload: nothing is
 * written. The snapshot row is locked while a payload is applied, so two payloads for one LA never interleave.
 *
 * <p>Ids: the payload's own (its {@code social_care_episode_id} is the SSD referral id, and so on); a child's
 * disabilities are {@code <la_child_id>-D1}…, a care worker of an episode {@code <episode>-W1}…, an assessment's
 * factors {@code <assessment>-F}, a section 47 enquiry's initial conference {@code <enquiry>-C} — the ids a CIN census
 * import gives the same things.
 */
@Service
public class CscPayloadImporter {

    /** Where the payload's source is recorded when it makes the LA's first journey snapshot. */
    public static final String SOURCE = org.oversight.childdata.journey.ChildJourneys.Origin.CSC_PAYLOAD_SOURCE;

    /** How many rows of one kind were created, updated or purged. */
    public record PayloadCounts(int created, int updated, int purged) {
        PayloadCounts add(int c, int u, int p) {
            return new PayloadCounts(created + c, updated + u, purged + p);
        }
    }

    /**
     * What a payload changed: the snapshot, whether it was made for it, children created/updated/purged, each kind of
     * item's counts, what was read but is not stored (by part), and fields not in the specification (ignored).
     */
    public record Summary(UUID snapshotId, String collectionYear, boolean snapshotCreated, int children, PayloadCounts childCounts,
                          Map<String, PayloadCounts> items, Map<String, Integer> notStored, List<String> ignored) {
        /** PayloadCounts only, for the token's log (never a child's id). */
        public String words() {
            StringJoiner j = new StringJoiner(", ");
            j.add(children + " children (" + childCounts.created() + " created, " + childCounts.updated() + " updated, " + childCounts.purged()
                    + " purged)");
            items.forEach((k, c) -> j.add(k + " " + c.created() + "/" + c.updated() + "/" + c.purged()));
            return j.toString();
        }
    }

    /** The payload has problems: nothing was stored. */
    public static final class PayloadProblems extends RuntimeException {
        private final transient List<Problem> problems;

        PayloadProblems(List<Problem> problems) {
            super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the payload: nothing was stored");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** The payload is another LA's (its la_code): nothing was stored. */
    public static final class WrongLocalAuthority extends RuntimeException {
        WrongLocalAuthority(String message) {
            super(message);
        }
    }

    private static final List<String> DETAIL_COLUMNS = List.of("pers_upn", "pers_former_upn", "pers_upn_unknown", "pers_dob", "pers_expected_dob",
            "pers_sex", "pers_ethnicity");

    private final JdbcClient jdbc;
    private final LocalAuthorities localAuthorities;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SsdStore store;
    private final org.springframework.context.ApplicationEventPublisher events;

    CscPayloadImporter(JdbcClient jdbc, LocalAuthorities localAuthorities, CurrentUser currentUser, Clock clock,
                       org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.localAuthorities = localAuthorities;
        this.currentUser = currentUser;
        this.clock = clock;
        this.store = new SsdStore(jdbc, clock);
    }

    /** Checks the payload against the LA of the URN and applies it to the LA's current journey snapshot, all or nothing. */
    @Transactional
    public Summary apply(int laUrn, JsonNode payload) {
        return apply(laUrn, payload, false);
    }

    /** As {@link #apply(int, JsonNode)} for a batch command (the command line), which is nobody's request. */
    @Transactional
    public Summary applyAsBatch(int laUrn, JsonNode payload) {
        return apply(laUrn, payload, true);
    }

    private Summary apply(int laUrn, JsonNode payload, boolean batch) {
        LocalAuthority la = localAuthorities.findByUrn(laUrn).orElseThrow(() -> new NotFoundException("No local authority has the URN " + laUrn));
        if (!batch && !currentUser.canSendPayload(la.id())) {
            throw new AccessDeniedException("Only " + la.name() + "'s own system (with one of its API tokens) or its managers can send its children's data");
        }
        CscPayload.Read read = CscPayload.read(payload);
        if (read.laCode() != null && read.laCode().matches("\\d{3}") && !read.laCode().equals(la.laCode()) && !read.laCode().equals(la.laCodeNew())) {
            String other = localAuthorities.findByLaCode(read.laCode()).map(LocalAuthority::name)
                    .map(n -> " (" + n + ")").orElse("");
            throw new WrongLocalAuthority("The payload is for the local authority with the code " + read.laCode() + other + " (la_code), not "
                    + la.name() + " (" + la.laCode() + "): nothing was stored. Send each local authority's children to its own address");
        }
        if (!read.problems().isEmpty()) {
            throw new PayloadProblems(read.problems());
        }
        Apply run = new Apply(la);
        for (Child c : read.children()) {
            run.child(c);
        }
        if (!run.problems.isEmpty()) {
            throw new PayloadProblems(run.problems);
        }
        // the snapshot's rows changed in place: a new revision, so figures computed from the old rows (stored, or kept in
        // memory on any instance) no longer match it; those stored are computed again once this commits
        jdbc.sql("UPDATE import_snapshot SET revision = revision + 1 WHERE id = ? AND la_id = ?").params(run.snapshotId, la.id()).update();
        events.publishEvent(new ChildJourneys.Stored(la.id(), run.snapshotId));
        return new Summary(run.snapshotId, run.year, run.created, read.children().size(), run.childCounts, new TreeMap<>(run.items), read.notStored(),
                List.copyOf(read.ignored()));
    }

    /** One payload being applied. */
    private final class Apply {
        final LocalAuthority la;
        final UUID snapshotId;
        /** The number the store's rows name the snapshot by ({@code snapshot_no}, {@code V44_16}). */
        final int snapshot;
        final String year;
        final boolean created;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, PayloadCounts> items = new LinkedHashMap<>();
        PayloadCounts childCounts = new PayloadCounts(0, 0, 0);

        Apply(LocalAuthority la) {
            this.la = la;
            var current = jdbc.sql("""
                    SELECT id, collection_year FROM import_snapshot WHERE la_id = ? AND kind IN ('SSD', 'CIN_CENSUS') AND superseded_at IS NULL
                     ORDER BY collection_year DESC, imported_at DESC LIMIT 1 FOR UPDATE""").param(la.id())
                    .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).optional();
            if (current.isPresent()) {
                snapshotId = (UUID) current.get()[0];
                year = (String) current.get()[1];
                created = false;
            } else {
                LocalDate today = LocalDate.now(clock);
                year = CollectionYear.of(today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1).toString();
                snapshotId = store.newSnapshot(la.id(), year, JourneyImporter.SSD, SOURCE, currentUser.actor(), today, 0, 0);
                created = true;
            }
            snapshot = SsdStore.number(jdbc, snapshotId);
        }

        void count(String kind, int c, int u, int p) {
            items.merge(kind, new PayloadCounts(c, u, p), (a, b) -> a.add(b.created(), b.updated(), b.purged()));
        }

        void child(Child c) {
            boolean exists = jdbc.sql("SELECT count(*) FROM ssd_person WHERE snapshot_no = ? AND pers_person_id = ?").params(snapshot, c.id())
                    .query(Integer.class).single() > 0;
            if (c.purge()) {
                if (exists) {
                    jdbc.sql("""
                            DELETE FROM ssd_assessment_factors WHERE snapshot_no = ? AND cinf_assessment_id IN (
                                SELECT cina_assessment_id FROM ssd_cin_assessments WHERE snapshot_no = ? AND cina_person_id = ?)""")
                            .params(snapshot, snapshot, c.id()).update();
                    jdbc.sql("DELETE FROM ssd_person WHERE snapshot_no = ? AND pers_person_id = ?").params(snapshot, c.id()).update();
                    childCounts = childCounts.add(0, 0, 1);
                }
                return;
            }
            if (!exists) {
                jdbc.sql("INSERT INTO ssd_person (snapshot_no, la_id, pers_person_id) VALUES (?, ?, ?)").params(snapshot, la.id(), c.id()).update();
                childCounts = childCounts.add(1, 0, 0);
            } else {
                childCounts = childCounts.add(0, 1, 0);
            }
            if (c.detailsPurge()) {
                Map<String, String> clear = new LinkedHashMap<>();
                DETAIL_COLUMNS.forEach(col -> clear.put(col, null));
                update("ssd_person", "pers_person_id", c.id(), clear);
                jdbc.sql("DELETE FROM ssd_disability WHERE snapshot_no = ? AND disa_person_id = ?").params(snapshot, c.id()).update();
            } else {
                if (c.details() != null && !c.details().isEmpty()) {
                    update("ssd_person", "pers_person_id", c.id(), c.details());
                }
                if (c.disabilities() != null) {
                    int gone = jdbc.sql("DELETE FROM ssd_disability WHERE snapshot_no = ? AND disa_person_id = ?").params(snapshot, c.id()).update();
                    int n = 0;
                    for (String code : c.disabilities()) {
                        jdbc.sql("INSERT INTO ssd_disability (snapshot_no, la_id, disa_person_id, disa_table_id, disa_disability_code) VALUES (?, ?, ?, ?, ?)")
                                .params(snapshot, la.id(), c.id(), c.id() + "-D" + ++n, code).update();
                    }
                    count("disabilities", Math.max(0, n - gone), Math.min(n, gone), Math.max(0, gone - n));
                }
            }
            for (Episode e : c.episodes()) {
                episode(c, e);
            }
        }

        void episode(Child c, Episode e) {
            String owner = owner("ssd_cin_episodes", "cine_referral_id", "cine_person_id", e.id());
            if (owner != null && !owner.equals(c.id())) {
                problems.add(new Problem(c.id(), e.path() + ".social_care_episode_id", "Child " + c.id() + ": social_care_episode_id " + e.id()
                        + " is another child's episode: an id may belong to one child only"));
                return;
            }
            if (e.purge()) {
                if (owner != null) {
                    purgeEpisode(e.id());
                    count("social_care_episodes", 0, 0, 1);
                }
                return;
            }
            Map<String, String> fixed = Map.of("cine_person_id", c.id());
            if (owner == null) {
                if (e.fields().get("cine_referral_date") == null) {
                    problems.add(new Problem(c.id(), e.path() + ".referral_date", "Child " + c.id() + ": referral_date is missing: a new social care "
                            + "episode (" + e.id() + ") needs the day of its referral"));
                    return;
                }
                insert("ssd_cin_episodes", "cine_referral_id", e.id(), fixed, e.fields());
                count("social_care_episodes", 1, 0, 0);
            } else {
                update("ssd_cin_episodes", "cine_referral_id", e.id(), e.fields());
                count("social_care_episodes", 0, 1, 0);
            }
            if (e.workers() != null) {
                int gone = jdbc.sql("DELETE FROM ssd_involvements WHERE snapshot_no = ? AND invo_referral_id = ? AND invo_person_id = ?")
                        .params(snapshot, e.id(), c.id()).update();
                for (Item w : e.workers()) {
                    Map<String, String> f = new LinkedHashMap<>(w.fields());
                    f.put("invo_person_id", c.id());
                    f.put("invo_referral_id", e.id());
                    insert("ssd_involvements", "invo_involvements_id", w.id(), Map.of(), f);
                }
                int n = e.workers().size();
                count("care_worker_details", Math.max(0, n - gone), Math.min(n, gone), Math.max(0, gone - n));
            }
            for (Item a : e.assessments()) {
                if (item(c, e, a, "child_and_family_assessments", "ssd_cin_assessments", "cina_assessment_id", "cina_person_id", "cina_referral_id",
                        null, "child_and_family_assessment_id") && !a.purge() && a.factors() != null) {
                    jdbc.sql("DELETE FROM ssd_assessment_factors WHERE snapshot_no = ? AND cinf_assessment_id = ?").params(snapshot, a.id()).update();
                    if (!a.factors().isEmpty()) {
                        jdbc.sql("""
                                INSERT INTO ssd_assessment_factors (snapshot_no, la_id, cinf_table_id, cinf_assessment_id, cinf_assessment_factors_json)
                                VALUES (?, ?, ?, ?, ?)""").params(snapshot, la.id(), a.id() + "-F", a.id(), json(a.factors())).update();
                    }
                }
            }
            for (Item p : e.cinPlans()) {
                item(c, e, p, "child_in_need_plans", "ssd_cin_plans", "cinp_cin_plan_id", "cinp_person_id", "cinp_referral_id", "cinp_cin_plan_start_date",
                        "child_in_need_plan_id");
            }
            for (Item s : e.section47s()) {
                Map<String, String> f = new LinkedHashMap<>(s.fields());
                boolean conferenceNamed = f.containsKey("icpc_icpc_date");
                String conference = f.remove("icpc_icpc_date");
                Item enquiry = new Item(s.id(), s.path(), s.purge(), f, null);
                if (item(c, e, enquiry, "section_47_assessments", "ssd_s47_enquiry", "s47e_s47_enquiry_id", "s47e_person_id", "s47e_referral_id",
                        "s47e_s47_start_date", "section_47_assessment_id") && !s.purge() && conferenceNamed) {
                    String id = s.id() + "-C";
                    jdbc.sql("DELETE FROM ssd_initial_cp_conference WHERE snapshot_no = ? AND icpc_icpc_id = ?").params(snapshot, id).update();
                    if (conference != null) {
                        jdbc.sql("""
                                INSERT INTO ssd_initial_cp_conference (snapshot_no, la_id, icpc_icpc_id, icpc_s47_enquiry_id, icpc_person_id, icpc_referral_id,
                                    icpc_icpc_date) VALUES (?, ?, ?, ?, ?, ?, ?::date)""").params(snapshot, la.id(), id, s.id(), c.id(), e.id(), conference).update();
                    }
                }
            }
            for (Item p : e.cpPlans()) {
                item(c, e, p, "child_protection_plans", "ssd_cp_plans", "cppl_cp_plan_id", "cppl_person_id", "cppl_referral_id", "cppl_cp_plan_start_date",
                        "child_protection_plan_id");
            }
        }

        /** Inserts, updates or purges one item of an episode; true when it was applied (not refused). */
        boolean item(Child c, Episode e, Item i, String kind, String table, String key, String person, String referral, String requiredOnCreate,
                     String idField) {
            String owner = owner(table, key, person, i.id());
            if (owner != null && !owner.equals(c.id())) {
                problems.add(new Problem(c.id(), i.path() + "." + idField, "Child " + c.id() + ": " + idField + " " + i.id()
                        + " is another child's: an id may belong to one child only"));
                return false;
            }
            if (i.purge()) {
                if (owner != null) {
                    purgeItem(table, i.id());
                    count(kind, 0, 0, 1);
                }
                return true;
            }
            Map<String, String> fixed = new LinkedHashMap<>();
            fixed.put(person, c.id());
            fixed.put(referral, e.id());
            if (owner == null) {
                if (requiredOnCreate != null && i.fields().get(requiredOnCreate) == null) {
                    problems.add(new Problem(c.id(), i.path() + ".start_date", "Child " + c.id() + ": start_date is missing: a new item of " + kind
                            + " (" + i.id() + ") needs its start date"));
                    return false;
                }
                insert(table, key, i.id(), fixed, i.fields());
                count(kind, 1, 0, 0);
            } else {
                Map<String, String> f = new LinkedHashMap<>(i.fields());
                f.put(referral, e.id());
                update(table, key, i.id(), f);
                count(kind, 0, 1, 0);
            }
            return true;
        }

        String owner(String table, String key, String person, String id) {
            return jdbc.sql("SELECT " + person + " FROM " + table + " WHERE snapshot_no = ? AND " + key + " = ?").params(snapshot, id)
                    .query(String.class).optional().orElse(null);
        }

        void purgeItem(String table, String id) {
            switch (table) {
                case "ssd_cin_assessments" -> jdbc.sql("DELETE FROM ssd_assessment_factors WHERE snapshot_no = ? AND cinf_assessment_id = ?")
                        .params(snapshot, id).update();
                case "ssd_s47_enquiry" -> jdbc.sql("DELETE FROM ssd_initial_cp_conference WHERE snapshot_no = ? AND icpc_s47_enquiry_id = ?")
                        .params(snapshot, id).update();
                case "ssd_cp_plans" -> {
                    jdbc.sql("DELETE FROM ssd_cp_reviews WHERE snapshot_no = ? AND cppr_cp_plan_id = ?").params(snapshot, id).update();
                    jdbc.sql("DELETE FROM ssd_cp_visits WHERE snapshot_no = ? AND cppv_cp_plan_id = ?").params(snapshot, id).update();
                }
                default -> {
                }
            }
            SsdSchema.Table t = SsdSchema.get().table(table);
            jdbc.sql("DELETE FROM " + table + " WHERE snapshot_no = ? AND " + t.key() + " = ?").params(snapshot, id).update();
        }

        void purgeEpisode(String id) {
            jdbc.sql("""
                    DELETE FROM ssd_assessment_factors WHERE snapshot_no = ? AND cinf_assessment_id IN (
                        SELECT cina_assessment_id FROM ssd_cin_assessments WHERE snapshot_no = ? AND cina_referral_id = ?)""")
                    .params(snapshot, snapshot, id).update();
            jdbc.sql("""
                    DELETE FROM ssd_cp_reviews WHERE snapshot_no = ? AND cppr_cp_plan_id IN (
                        SELECT cppl_cp_plan_id FROM ssd_cp_plans WHERE snapshot_no = ? AND cppl_referral_id = ?)""").params(snapshot, snapshot, id).update();
            jdbc.sql("""
                    DELETE FROM ssd_cp_visits WHERE snapshot_no = ? AND cppv_cp_plan_id IN (
                        SELECT cppl_cp_plan_id FROM ssd_cp_plans WHERE snapshot_no = ? AND cppl_referral_id = ?)""").params(snapshot, snapshot, id).update();
            for (String[] t : new String[][] {{"ssd_cin_assessments", "cina_referral_id"}, {"ssd_cin_plans", "cinp_referral_id"},
                    {"ssd_initial_cp_conference", "icpc_referral_id"}, {"ssd_s47_enquiry", "s47e_referral_id"}, {"ssd_cp_plans", "cppl_referral_id"},
                    {"ssd_involvements", "invo_referral_id"}, {"ssd_cin_episodes", "cine_referral_id"}}) {
                jdbc.sql("DELETE FROM " + t[0] + " WHERE snapshot_no = ? AND " + t[1] + " = ?").params(snapshot, id).update();
            }
        }

        void insert(String table, String key, String id, Map<String, String> fixed, Map<String, String> fields) {
            SsdSchema.Table t = SsdSchema.get().table(table);
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.putAll(fixed);
            StringJoiner names = new StringJoiner(", ", "snapshot_no, la_id, " + key + ", ", "");
            StringJoiner values = new StringJoiner(", ", "?, ?, ?, ", "");
            List<Object> params = new ArrayList<>(List.of(snapshot, la.id(), id));
            all.forEach((col, value) -> {
                names.add(col);
                values.add(cast(t, col));
                params.add(value);
            });
            jdbc.sql("INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")").params(params).update();
        }

        void update(String table, String key, String id, Map<String, String> fields) {
            if (fields.isEmpty()) {
                return;
            }
            SsdSchema.Table t = SsdSchema.get().table(table);
            StringJoiner sets = new StringJoiner(", ");
            List<Object> params = new ArrayList<>();
            fields.forEach((col, value) -> {
                sets.add(col + " = " + cast(t, col));
                params.add(value);
            });
            params.add(snapshot);
            params.add(id);
            jdbc.sql("UPDATE " + table + " SET " + sets + " WHERE snapshot_no = ? AND " + key + " = ?").params(params).update();
        }
    }

    private static String cast(SsdSchema.Table t, String column) {
        SsdSchema.Column c = t.column(column).orElseThrow(() -> new IllegalArgumentException(t.name() + " has no column " + column));
        return switch (c.type()) {
            case DATE -> "?::date";
            case INTEGER -> "?::integer";
            case NUMERIC -> "?::numeric";
            case TEXT -> "?";
        };
    }

    private static String json(List<String> factors) {
        StringJoiner j = new StringJoiner(",", "[", "]");
        factors.forEach(f -> j.add("\"" + f + "\""));
        return j.toString();
    }
}
