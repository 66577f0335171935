package org.oversight.childdata.ssd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.oversight.childdata.cin.CinCensus;
import org.oversight.childdata.cin.CinDate;

/**
 * The inverse of {@link CinToSsd}: the SSD rows of the store back as CIN census children, each with every episode and
 * module the store holds (no census year applied: {@link org.oversight.childdata.cin.CensusYear} chooses). A module is
 * placed in the episode its {@code *_referral_id} names; modules of a child are ordered by their ids in natural order
 * ({@code X-R2} before {@code X-R10}), which for a stored census is the file's order. Pure and without a database.
 *
 * <p>What the store does not hold cannot come back: the census header (made anew), the {@code PreProceedingsandFGDM}
 * modules, a date that was not a date (stored as empty), a value's leading zeros in {@code NumberOfPreviousCPP}, and an
 * empty item in a list of disabilities or factors written as an empty element.
 */
final class SsdToCin {

    private SsdToCin() {
    }

    /** The tables the census is made from. */
    static final List<String> TABLES = List.of("ssd_person", "ssd_disability", "ssd_cin_episodes", "ssd_cin_assessments", "ssd_assessment_factors",
            "ssd_cin_plans", "ssd_s47_enquiry", "ssd_initial_cp_conference", "ssd_cp_plans", "ssd_cp_reviews");

    private static final Comparator<String> NATURAL = SsdToCin::natural;
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A stored row, read by field name. */
    private record Row(SsdSchema.Table table, String[] values) {
        String get(String field) {
            return values[table.index(field)];
        }

        CinDate date(String field) {
            String v = get(field);
            return v == null ? null : CinDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
        }
    }

    private static List<Row> rows(SsdData data, String table) {
        SsdSchema.Table t = SsdSchema.get().table(table);
        return data.rows(table).stream().map(v -> new Row(t, v)).toList();
    }

    private static Map<String, List<Row>> by(SsdData data, String table, String field, String id) {
        Map<String, List<Row>> out = new HashMap<>();
        for (Row r : rows(data, table)) {
            String key = r.get(field);
            if (key != null) {
                out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        out.values().forEach(list -> list.sort(Comparator.comparing(r -> r.get(id), Comparator.nullsLast(NATURAL))));
        return out;
    }

    /** Every child of the rows, in natural order of their ids. */
    static List<CinCensus.Child> children(SsdData data) {
        Map<String, List<Row>> disabilities = by(data, "ssd_disability", "disa_person_id", "disa_table_id");
        Map<String, List<Row>> episodes = by(data, "ssd_cin_episodes", "cine_person_id", "cine_referral_id");
        Map<String, List<Row>> assessments = by(data, "ssd_cin_assessments", "cina_referral_id", "cina_assessment_id");
        Map<String, List<Row>> factors = by(data, "ssd_assessment_factors", "cinf_assessment_id", "cinf_table_id");
        Map<String, List<Row>> cinPlans = by(data, "ssd_cin_plans", "cinp_referral_id", "cinp_cin_plan_id");
        Map<String, List<Row>> enquiries = by(data, "ssd_s47_enquiry", "s47e_referral_id", "s47e_s47_enquiry_id");
        Map<String, List<Row>> conferences = by(data, "ssd_initial_cp_conference", "icpc_s47_enquiry_id", "icpc_icpc_id");
        Map<String, List<Row>> cpPlans = by(data, "ssd_cp_plans", "cppl_referral_id", "cppl_cp_plan_id");
        Map<String, List<Row>> reviews = by(data, "ssd_cp_reviews", "cppr_cp_plan_id", "cppr_cp_review_id");
        List<Row> persons = new ArrayList<>(rows(data, "ssd_person"));
        persons.sort(Comparator.comparing(r -> r.get("pers_person_id"), NATURAL));
        List<CinCensus.Child> out = new ArrayList<>(persons.size());
        for (Row p : persons) {
            String id = p.get("pers_person_id");
            List<String> codes = disabilities.getOrDefault(id, List.of()).stream().map(r -> orEmpty(r.get("disa_disability_code"))).toList();
            List<CinCensus.CinDetails> details = new ArrayList<>();
            for (Row e : episodes.getOrDefault(id, List.of())) {
                String referral = e.get("cine_referral_id");
                List<CinCensus.Assessment> as = new ArrayList<>();
                for (Row a : assessments.getOrDefault(referral, List.of())) {
                    List<String> f = new ArrayList<>();
                    for (Row x : factors.getOrDefault(a.get("cina_assessment_id"), List.of())) {
                        f.addAll(factorList(x.get("cinf_assessment_factors_json")));
                    }
                    as.add(new CinCensus.Assessment(a.date("cina_assessment_start_date"), a.date("cina_assessment_internal_review_date"),
                            a.date("cina_assessment_auth_date"), f));
                }
                List<CinCensus.CinPlan> plans = cinPlans.getOrDefault(referral, List.of()).stream()
                        .map(x -> new CinCensus.CinPlan(x.date("cinp_cin_plan_start_date"), x.date("cinp_cin_plan_end_date"))).toList();
                List<CinCensus.Section47> s47 = new ArrayList<>();
                for (Row s : enquiries.getOrDefault(referral, List.of())) {
                    List<Row> c = conferences.getOrDefault(s.get("s47e_s47_enquiry_id"), List.of());
                    Row conference = c.isEmpty() ? null : c.getFirst();
                    s47.add(new CinCensus.Section47(s.date("s47e_s47_start_date"), conference == null ? null : conference.date("icpc_icpc_target_date"),
                            conference == null ? null : conference.date("icpc_icpc_date"), s.get("s47e_icpc_not_required")));
                }
                List<CinCensus.ProtectionPlan> cp = new ArrayList<>();
                for (Row x : cpPlans.getOrDefault(referral, List.of())) {
                    List<CinDate> dates = reviews.getOrDefault(x.get("cppl_cp_plan_id"), List.of()).stream().map(r -> r.date("cppr_cp_review_date"))
                            .filter(d -> d != null).toList();
                    cp.add(new CinCensus.ProtectionPlan(x.date("cppl_cp_plan_start_date"), x.date("cppl_cp_plan_end_date"),
                            x.get("cppl_cp_plan_initial_category"), x.get("cppl_cp_plan_latest_category"), x.get("cppl_number_of_previous_cpp"), dates));
                }
                details.add(new CinCensus.CinDetails(e.date("cine_referral_date"), e.get("cine_referral_source_code"), e.get("cine_cin_primary_need_code"),
                        e.date("cine_close_date"), e.get("cine_close_reason"), e.date("cine_initial_cpc_date"), e.get("cine_referral_nfa"), as, plans, s47, cp,
                        List.of()));
            }
            out.add(new CinCensus.Child(id, p.get("pers_upn"), p.get("pers_former_upn"), p.get("pers_upn_unknown"), p.date("pers_dob"),
                    p.date("pers_expected_dob"), p.get("pers_gender"), p.get("pers_sex"), p.date("pers_death_date"), p.get("pers_ethnicity"), codes,
                    details));
        }
        return out;
    }

    /** The factors of the SSD's JSON list ({@code ["1A","3B"]}), or of a plain comma-separated list. */
    static List<String> factorList(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        String t = json.strip();
        List<String> out = new ArrayList<>();
        if (t.startsWith("[")) {
            Matcher m = QUOTED.matcher(t);
            while (m.find()) {
                out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            return out;
        }
        for (String part : t.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Natural order: runs of digits compare as numbers. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
