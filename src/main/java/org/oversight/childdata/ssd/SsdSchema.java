package org.oversight.childdata.ssd;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The part of the Standard Safeguarding Dataset (SSD) that Oversight stores: a child's journey from the first contact
 * to child protection, who holds each case, and the looked-after half (CLA episodes, placements, legal statuses,
 * reviews, visits, health checks, missing episodes, care leavers, permanence). Each stored table is the SSD table of the same name
 * with the SSD's own field names ({@code V20_16__ssd_store.sql}); the SSD's other tables are known (from the SSD field
 * list, {@code childdata/ssd-fields.csv}) but not stored yet, and an extract that has them is told so, not refused.
 */
public final class SsdSchema {

    /** The type of a stored column: text, a date, a whole number or a decimal number. */
    public enum Type { TEXT, DATE, INTEGER, NUMERIC }

    /** A stored column. */
    public record Column(String name, Type type, boolean required, boolean addition) {
    }

    /**
     * A stored table.
     *
     * @param name    the SSD table name, also the database table's and the extract file's ({@code ssd_contacts.csv})
     * @param key     the SSD primary key field
     * @param person  the field naming the child (a {@code ssd_person} id), or null
     * @param columns every stored column in database order
     * @param links   fields that name a row of another table of the extract: field to that table (its key), or to
     *                {@code table.field} when the value names that field of a row (a period of care: {@code ssd_cla_episodes.clae_cla_id})
     * @param period  the start and end date fields of an episode that may not end before it starts, or null
     * @param noOverlap true when one child's periods of this table must not overlap (CIN episodes, CP plans, CLA episodes,
     *                  placements, legal statuses)
     */
    public record Table(String name, String key, String person, List<Column> columns, Map<String, String> links, String[] period,
                        boolean noOverlap) {

        public Optional<Column> column(String field) {
            return columns.stream().filter(c -> c.name().equals(field)).findFirst();
        }

        public int index(String field) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(field)) {
                    return i;
                }
            }
            throw new IllegalArgumentException(name + " has no column " + field);
        }
    }

    /** SSD fields never stored: a person's names and NHS number. */
    public static final Set<String> NEVER_STORED = Set.of("pers_forename", "pers_surname", "pers_common_child_id");

    private static final SsdSchema INSTANCE = load();

    private final Map<String, Table> stored;
    private final Map<String, List<String>> known;

    private SsdSchema(Map<String, Table> stored, Map<String, List<String>> known) {
        this.stored = stored;
        this.known = known;
    }

    public static SsdSchema get() {
        return INSTANCE;
    }

    /** The stored tables, parents before children (the order they are written in). */
    public List<Table> tables() {
        return List.copyOf(stored.values());
    }

    public Table table(String name) {
        Table t = stored.get(name);
        if (t == null) {
            throw new IllegalArgumentException("Oversight does not store the SSD table " + name);
        }
        return t;
    }

    public boolean stores(String table) {
        return stored.containsKey(table);
    }

    /** True for any of the SSD's 48 tables, stored or not. */
    public boolean knows(String table) {
        return known.containsKey(table);
    }

    /** The SSD's fields of a table it knows. */
    public List<String> fieldsOf(String table) {
        return known.getOrDefault(table, List.of());
    }

    /** The SSD table a file's name names ({@code ssd_contacts.csv}, {@code SSD_Contacts.CSV}, {@code extract/ssd_contacts.csv}). */
    public static String tableOf(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }

    private record Spec(String table, String key, String person, List<String> required, List<Column> additions, Map<String, String> links,
                        String[] period, boolean noOverlap) {
    }

    private static List<Spec> specs() {
        return List.of(
                new Spec("ssd_person", "pers_person_id", null, List.of(), List.of(
                        new Column("pers_upn", Type.TEXT, false, true), new Column("pers_former_upn", Type.TEXT, false, true)), Map.of(), null, false),
                new Spec("ssd_disability", "disa_table_id", "disa_person_id", List.of("disa_disability_code"), List.of(), Map.of(), null, false),
                new Spec("ssd_department", "dept_team_id", null, List.of("dept_team_name"), List.of(), Map.of(), null, false),
                new Spec("ssd_professionals", "prof_professional_id", null, List.of(), List.of(), Map.of(), null, false),
                new Spec("ssd_contacts", "cont_contact_id", "cont_person_id", List.of("cont_contact_date"), List.of(), Map.of(), null, false),
                new Spec("ssd_early_help_episodes", "earl_episode_id", "earl_person_id", List.of("earl_episode_start_date"), List.of(),
                        Map.of("earl_episode_worker_id", "ssd_professionals"), new String[] {"earl_episode_start_date", "earl_episode_end_date"}, false),
                new Spec("ssd_cin_episodes", "cine_referral_id", "cine_person_id", List.of("cine_referral_date"), List.of(
                        new Column("cine_initial_cpc_date", Type.DATE, false, true)), Map.of("cine_referral_worker_id", "ssd_professionals",
                        "cine_referral_team", "ssd_department"), new String[] {"cine_referral_date", "cine_close_date"}, true),
                new Spec("ssd_cin_assessments", "cina_assessment_id", "cina_person_id", List.of("cina_referral_id"), List.of(
                        new Column("cina_assessment_internal_review_date", Type.DATE, false, true)),
                        Map.of("cina_referral_id", "ssd_cin_episodes", "cina_assessment_worker_id", "ssd_professionals", "cina_assessment_team", "ssd_department"),
                        new String[] {"cina_assessment_start_date", "cina_assessment_auth_date"}, false),
                new Spec("ssd_assessment_factors", "cinf_table_id", null, List.of("cinf_assessment_id"), List.of(),
                        Map.of("cinf_assessment_id", "ssd_cin_assessments"), null, false),
                new Spec("ssd_cin_plans", "cinp_cin_plan_id", "cinp_person_id", List.of("cinp_cin_plan_start_date"), List.of(),
                        Map.of("cinp_referral_id", "ssd_cin_episodes", "cinp_cin_plan_worker_id", "ssd_professionals", "cinp_cin_plan_team", "ssd_department"),
                        new String[] {"cinp_cin_plan_start_date", "cinp_cin_plan_end_date"}, false),
                new Spec("ssd_cin_visits", "cinv_cin_visit_id", "cinv_person_id", List.of("cinv_cin_visit_date"), List.of(), Map.of(), null, false),
                new Spec("ssd_s47_enquiry", "s47e_s47_enquiry_id", "s47e_person_id", List.of("s47e_s47_start_date"), List.of(
                        new Column("s47e_icpc_not_required", Type.TEXT, false, true)),
                        Map.of("s47e_referral_id", "ssd_cin_episodes", "s47e_s47_completed_by_worker_id", "ssd_professionals",
                                "s47e_s47_completed_by_team", "ssd_department"), new String[] {"s47e_s47_start_date", "s47e_s47_end_date"}, false),
                new Spec("ssd_initial_cp_conference", "icpc_icpc_id", "icpc_person_id", List.of(), List.of(),
                        Map.of("icpc_s47_enquiry_id", "ssd_s47_enquiry", "icpc_referral_id", "ssd_cin_episodes", "icpc_icpc_worker_id", "ssd_professionals",
                                "icpc_icpc_team", "ssd_department"), null, false),
                new Spec("ssd_cp_plans", "cppl_cp_plan_id", "cppl_person_id", List.of("cppl_cp_plan_start_date"), List.of(
                        new Column("cppl_number_of_previous_cpp", Type.INTEGER, false, true)),
                        Map.of("cppl_icpc_id", "ssd_initial_cp_conference", "cppl_referral_id", "ssd_cin_episodes"),
                        new String[] {"cppl_cp_plan_start_date", "cppl_cp_plan_end_date"}, true),
                new Spec("ssd_cp_visits", "cppv_cp_visit_id", "cppv_person_id", List.of("cppv_cp_visit_date"), List.of(),
                        Map.of("cppv_cp_plan_id", "ssd_cp_plans"), null, false),
                new Spec("ssd_cp_reviews", "cppr_cp_review_id", "cppr_person_id", List.of(), List.of(), Map.of("cppr_cp_plan_id", "ssd_cp_plans"), null, false),
                new Spec("ssd_involvements", "invo_involvements_id", "invo_person_id", List.of("invo_involvement_start_date"), List.of(),
                        Map.of("invo_professional_id", "ssd_professionals", "invo_professional_team", "ssd_department", "invo_referral_id", "ssd_cin_episodes"),
                        new String[] {"invo_involvement_start_date", "invo_involvement_end_date"}, false),
                // The looked-after half (V45_16). A CLA episode is an SSDA903 episode: one child's may not overlap (a new one
                // starts the day the one before ends); so with placements and legal statuses. A review, visit or
                // permanence names its period of care by clae_cla_id, which is not the episodes' key: "table.field" links.
                new Spec("ssd_cla_episodes", "clae_cla_episode_id", "clae_person_id", List.of("clae_cla_episode_start_date"), List.of(),
                        Map.of("clae_cla_placement_id", "ssd_cla_placement", "clae_referral_id", "ssd_cin_episodes"),
                        new String[] {"clae_cla_episode_start_date", "clae_cla_episode_ceased_date"}, true),
                new Spec("ssd_cla_placement", "clap_cla_placement_id", "clap_person_id", List.of("clap_cla_placement_start_date"), List.of(),
                        Map.of("clap_cla_id", CLA_PERIOD), new String[] {"clap_cla_placement_start_date", "clap_cla_placement_end_date"}, true),
                new Spec("ssd_legal_status", "lega_legal_status_id", "lega_person_id", List.of("lega_legal_status", "lega_legal_status_start_date"),
                        List.of(), Map.of(), new String[] {"lega_legal_status_start_date", "lega_legal_status_end_date"}, true),
                new Spec("ssd_cla_reviews", "clar_cla_review_id", "clar_person_id", List.of(), List.of(
                        new Column("clar_person_id", Type.TEXT, true, true)), Map.of("clar_cla_id", CLA_PERIOD), null, false),
                new Spec("ssd_cla_visits", "clav_cla_visit_id", "clav_person_id", List.of("clav_cla_visit_date"), List.of(),
                        Map.of("clav_cla_id", CLA_PERIOD), null, false),
                new Spec("ssd_cla_health", "clah_health_check_id", "clah_person_id", List.of("clah_health_check_date"), List.of(), Map.of(), null, false),
                new Spec("ssd_missing", "miss_table_id", "miss_person_id", List.of("miss_missing_episode_start_date"), List.of(), Map.of(),
                        new String[] {"miss_missing_episode_start_date", "miss_missing_episode_end_date"}, false),
                new Spec("ssd_care_leavers", "clea_table_id", "clea_person_id", List.of(), List.of(),
                        Map.of("clea_care_leaver_allocated_team", "ssd_department", "clea_care_leaver_worker_id", "ssd_professionals"), null, false),
                new Spec("ssd_permanence", "perm_table_id", "perm_person_id", List.of(), List.of(),
                        Map.of("perm_cla_id", CLA_PERIOD, "perm_adoption_worker_id", "ssd_professionals"), null, false));
    }

    /** A link to a period of care: the {@code clae_cla_id} of a CLA episode (not that table's key). */
    private static final String CLA_PERIOD = "ssd_cla_episodes.clae_cla_id";

    private static SsdSchema load() {
        Map<String, List<String[]>> fields = new LinkedHashMap<>();
        try (InputStream in = SsdSchema.class.getResourceAsStream("/childdata/ssd-fields.csv")) {
            if (in == null) {
                throw new IllegalStateException("childdata/ssd-fields.csv is missing from the classpath");
            }
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                fields.computeIfAbsent(r.get("table"), k -> new ArrayList<>()).add(new String[] {r.get("field"), r.get("type")});
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> known = new LinkedHashMap<>();
        fields.forEach((t, fs) -> known.put(t, fs.stream().map(f -> f[0]).toList()));
        Map<String, Table> stored = new LinkedHashMap<>();
        for (Spec s : specs()) {
            List<Column> columns = new ArrayList<>();
            for (String[] f : fields.get(s.table())) {
                if (NEVER_STORED.contains(f[0])) {
                    continue;
                }
                boolean required = f[0].equals(s.key()) || f[0].equals(s.person()) || s.required().contains(f[0]);
                columns.add(new Column(f[0], type(f[1]), required, false));
            }
            columns.addAll(s.additions());
            stored.put(s.table(), new Table(s.table(), s.key(), s.person(), List.copyOf(columns), s.links(), s.period(), s.noOverlap()));
        }
        return new SsdSchema(stored, known);
    }

    private static Type type(String ssd) {
        return switch (ssd.toLowerCase(Locale.ROOT)) {
            case "datetime" -> Type.DATE;
            case "int" -> Type.INTEGER;
            case "float" -> Type.NUMERIC;
            default -> Type.TEXT;
        };
    }
}
