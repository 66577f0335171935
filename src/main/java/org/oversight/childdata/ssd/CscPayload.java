package org.oversight.childdata.ssd;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.oversight.childdata.cin.CinCodes;
import tools.jackson.databind.JsonNode;

/**
 * A DfE children's social care API payload (the per-child JSON that LAs send DfE every night; structure of DfE's
 * specification 0.8 as documented by data-to-insight/dfe-csc-api-data-flows, {@code docs/json_payload_structure.md}),
 * read and checked without touching the store: each child's changes as SSD columns, with only the fields the payload
 * names (a field that is absent changes nothing; one sent as {@code null} is cleared). Every problem names the child
 * ({@code la_child_id}) and the JSON path of the field ({@code Children[0].social_care_episodes[1].referral_date}).
 *
 * <p>Dates are {@code YYYY-MM-DD}; codes follow the CIN census lists ({@link CinCodes}). The looked-after parts
 * (placements, adoption, care leavers) and health and wellbeing are checked (their dates) and counted, but not stored:
 * the store does not hold the looked-after half yet (docs/ssd-store.md). A person's names and postcode are never stored.
 */
public final class CscPayload {

    /** A problem with the payload: which child, where in the JSON, what. */
    public record Problem(String childId, String path, String message) {
    }

    /** A change to one row: its id, whether to purge it, and the SSD columns the payload names (a null value clears). */
    public record Item(String id, String path, boolean purge, Map<String, String> fields, List<String> factors) {
    }

    /** A social care episode (SSD CIN episode) with the parts the payload names; a null list was not sent. */
    public record Episode(String id, String path, boolean purge, Map<String, String> fields, List<Item> workers, List<Item> assessments,
                          List<Item> cinPlans, List<Item> section47s, List<Item> cpPlans) {
    }

    /** A child's changes: details (null when not sent), disabilities (null when not sent), episodes. */
    public record Child(String id, String path, boolean purge, Map<String, String> details, boolean detailsPurge, List<String> disabilities,
                        List<Episode> episodes) {
    }

    /** The payload read: its LA code, children, problems, and what was read but is not stored (by part, how many). */
    public record Read(String laCode, List<Child> children, List<Problem> problems, Map<String, Integer> notStored, Set<String> ignored) {
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_ID = 48;

    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> notStored = new TreeMap<>();
    private final Set<String> ignored = new LinkedHashSet<>();

    private CscPayload() {
    }

    /** Reads a payload; the answer's problems are empty when it may be applied. */
    public static Read read(JsonNode root) {
        return new CscPayload().readRoot(root);
    }

    private Read readRoot(JsonNode root) {
        List<Child> children = new ArrayList<>();
        if (root == null || !root.isObject()) {
            problems.add(new Problem("", "$", "The payload must be a JSON object with la_code and Children"));
            return result(null, children);
        }
        String laCode = null;
        JsonNode la = root.get("la_code");
        if (la == null || la.isNull()) {
            problems.add(new Problem("", "la_code", "la_code is missing: give the three-digit DfE code of the local authority"));
        } else if (la.isIntegralNumber() || la.isString()) {
            laCode = la.isIntegralNumber() ? String.valueOf(la.asLong()) : la.stringValue().strip();
            if (!laCode.matches("\\d{3}")) {
                problems.add(new Problem("", "la_code", "la_code '" + cut(laCode) + "' is not a three-digit DfE local authority code"));
            }
        } else {
            problems.add(new Problem("", "la_code", "la_code must be the three-digit DfE code of the local authority"));
        }
        JsonNode list = root.has("Children") ? root.get("Children") : root.get("children");
        if (list == null || list.isNull()) {
            problems.add(new Problem("", "Children", "Children is missing: send one child or a list of them"));
        } else if (list.isObject()) {
            child(list, "Children", children);
        } else if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                child(list.get(i), "Children[" + i + "]", children);
            }
        } else {
            problems.add(new Problem("", "Children", "Children must be one child (an object) or a list of them"));
        }
        for (var e : root.properties()) {
            if (!Set.of("la_code", "Children", "children").contains(e.getKey())) {
                ignored.add(e.getKey());
            }
        }
        Set<String> seen = new HashSet<>();
        for (Child c : children) {
            if (!seen.add(c.id())) {
                problems.add(new Problem(c.id(), c.path() + ".la_child_id", "Child " + c.id() + " is in the payload twice: send each child once"));
            }
        }
        return result(laCode, children);
    }

    private Read result(String laCode, List<Child> children) {
        return new Read(laCode, List.copyOf(children), List.copyOf(problems), Map.copyOf(notStored), Set.copyOf(ignored));
    }

    private void child(JsonNode node, String path, List<Child> out) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem("", path, "Each child must be a JSON object with la_child_id"));
            return;
        }
        String id = id(node, "la_child_id", path, "");
        if (id == null) {
            return;
        }
        boolean purge = purge(node, path, id);
        Map<String, String> details = null;
        boolean detailsPurge = false;
        List<String> disabilities = null;
        JsonNode d = node.get("child_details");
        if (d != null && !d.isNull()) {
            String dp = path + ".child_details";
            if (!d.isObject()) {
                problems.add(new Problem(id, dp, "Child " + id + ": child_details must be an object"));
            } else {
                details = new LinkedHashMap<>();
                detailsPurge = purge(d, dp, id);
                text(d, "unique_pupil_number", dp, id, details, "pers_upn", 13, null);
                text(d, "former_unique_pupil_number", dp, id, details, "pers_former_upn", 13, null);
                text(d, "unique_pupil_number_unknown_reason", dp, id, details, "pers_upn_unknown", 3, CinCodes.UPN_UNKNOWN);
                date(d, "date_of_birth", dp, id, details, "pers_dob");
                date(d, "expected_date_of_birth", dp, id, details, "pers_expected_dob");
                text(d, "sex", dp, id, details, "pers_sex", 1, CinCodes.SEXES);
                text(d, "ethnicity", dp, id, details, "pers_ethnicity", 4, CinCodes.ETHNICITIES);
                // Read and checked, never stored: names and postcode (personal data no feature needs), UASC (not held yet).
                text(d, "first_name", dp, id, new LinkedHashMap<>(), "x", 200, null);
                text(d, "surname", dp, id, new LinkedHashMap<>(), "x", 200, null);
                text(d, "postcode", dp, id, new LinkedHashMap<>(), "x", 10, null);
                bool(d, "uasc_flag", dp, id, new LinkedHashMap<>(), "x");
                date(d, "uasc_end_date", dp, id, new LinkedHashMap<>(), "x");
                for (String never : List.of("first_name", "surname", "postcode", "uasc_flag", "uasc_end_date")) {
                    if (d.has(never)) {
                        notStored.merge("child_details." + never, 1, Integer::sum);
                    }
                }
                JsonNode dis = d.get("disabilities");
                if (dis != null) {
                    disabilities = codes(dis, dp + ".disabilities", id, CinCodes.DISABILITIES, "disability");
                }
                unknown(d, dp, Set.of("unique_pupil_number", "former_unique_pupil_number", "unique_pupil_number_unknown_reason", "first_name", "surname",
                        "date_of_birth", "expected_date_of_birth", "sex", "ethnicity", "disabilities", "postcode", "uasc_flag", "uasc_end_date", "purge"));
            }
        }
        if (node.has("mis_child_id")) {
            if (details == null) {
                details = new LinkedHashMap<>();
            }
            text(node, "mis_child_id", path, id, details, "pers_legacy_id", MAX_ID, null);
        }
        JsonNode health = node.get("health_and_wellbeing");
        if (health != null && !health.isNull()) {
            JsonNode sdq = health.isObject() ? health.get("sdq_assessments") : null;
            if (sdq != null && sdq.isArray()) {
                for (int i = 0; i < sdq.size(); i++) {
                    date(sdq.get(i), "date", path + ".health_and_wellbeing.sdq_assessments[" + i + "]", id, new LinkedHashMap<>(), "x");
                }
            }
            notStored.merge("health_and_wellbeing", 1, Integer::sum);
        }
        List<Episode> episodes = new ArrayList<>();
        JsonNode eps = node.get("social_care_episodes");
        if (eps != null && !eps.isNull()) {
            if (!eps.isArray()) {
                problems.add(new Problem(id, path + ".social_care_episodes", "Child " + id + ": social_care_episodes must be a list"));
            } else {
                for (int i = 0; i < eps.size(); i++) {
                    Episode e = episode(eps.get(i), path + ".social_care_episodes[" + i + "]", id);
                    if (e != null) {
                        episodes.add(e);
                    }
                }
            }
        }
        unknown(node, path, Set.of("la_child_id", "mis_child_id", "purge", "child_details", "health_and_wellbeing", "social_care_episodes"));
        out.add(new Child(id, path, purge, details, detailsPurge, disabilities, List.copyOf(episodes)));
    }

    private Episode episode(JsonNode node, String path, String child) {
        if (node == null || !node.isObject()) {
            problems.add(new Problem(child, path, "Child " + child + ": each social care episode must be an object"));
            return null;
        }
        String id = id(node, "social_care_episode_id", path, child);
        if (id == null) {
            return null;
        }
        boolean purge = purge(node, path, child);
        Map<String, String> f = new LinkedHashMap<>();
        date(node, "referral_date", path, child, f, "cine_referral_date");
        text(node, "referral_source", path, child, f, "cine_referral_source_code", 2, CinCodes.REFERRAL_SOURCES);
        bool(node, "referral_no_further_action_flag", path, child, f, "cine_referral_nfa");
        date(node, "closure_date", path, child, f, "cine_close_date");
        text(node, "closure_reason", path, child, f, "cine_close_reason", 3, CinCodes.CLOSURE_REASONS);
        order(f, "cine_referral_date", "cine_close_date", path, child, "closure_date", "referral_date");
        List<Item> workers = null;
        JsonNode w = node.get("care_worker_details");
        if (w != null && !w.isNull()) {
            workers = new ArrayList<>();
            if (!w.isArray()) {
                problems.add(new Problem(child, path + ".care_worker_details", "Child " + child + ": care_worker_details must be a list"));
            } else {
                for (int i = 0; i < w.size(); i++) {
                    String wp = path + ".care_worker_details[" + i + "]";
                    JsonNode x = w.get(i);
                    if (x == null || !x.isObject()) {
                        problems.add(new Problem(child, wp, "Child " + child + ": each care worker must be an object"));
                        continue;
                    }
                    Map<String, String> wf = new LinkedHashMap<>();
                    String worker = id(x, "worker_id", wp, child);
                    date(x, "start_date", wp, child, wf, "invo_involvement_start_date");
                    date(x, "end_date", wp, child, wf, "invo_involvement_end_date");
                    if (worker != null && wf.get("invo_involvement_start_date") == null && !problems(wp + ".start_date")) {
                        problems.add(new Problem(child, wp + ".start_date", "Child " + child + ": start_date is missing: give the day the worker took the case"));
                    }
                    order(wf, "invo_involvement_start_date", "invo_involvement_end_date", wp, child, "end_date", "start_date");
                    wf.put("invo_professional_id", worker);
                    workers.add(new Item(id + "-W" + (i + 1), wp, false, wf, null));
                }
            }
        }
        List<Item> assessments = items(node, "child_and_family_assessments", "child_and_family_assessment_id", path, child, (x, ip, m) -> {
            date(x, "start_date", ip, child, m, "cina_assessment_start_date");
            date(x, "authorisation_date", ip, child, m, "cina_assessment_auth_date");
            order(m, "cina_assessment_start_date", "cina_assessment_auth_date", ip, child, "authorisation_date", "start_date");
        });
        List<Item> cinPlans = items(node, "child_in_need_plans", "child_in_need_plan_id", path, child, (x, ip, m) -> {
            date(x, "start_date", ip, child, m, "cinp_cin_plan_start_date");
            date(x, "end_date", ip, child, m, "cinp_cin_plan_end_date");
            order(m, "cinp_cin_plan_start_date", "cinp_cin_plan_end_date", ip, child, "end_date", "start_date");
        });
        List<Item> s47s = items(node, "section_47_assessments", "section_47_assessment_id", path, child, (x, ip, m) -> {
            date(x, "start_date", ip, child, m, "s47e_s47_start_date");
            date(x, "end_date", ip, child, m, "s47e_s47_end_date");
            Map<String, String> flag = new LinkedHashMap<>();
            bool(x, "icpc_required_flag", ip, child, flag, "required");
            if (flag.containsKey("required")) {
                String r = flag.get("required");
                m.put("s47e_icpc_not_required", r == null ? null : "true".equals(r) ? "false" : "true");
            }
            date(x, "icpc_date", ip, child, m, "icpc_icpc_date");
            order(m, "s47e_s47_start_date", "s47e_s47_end_date", ip, child, "end_date", "start_date");
        });
        List<Item> cpPlans = items(node, "child_protection_plans", "child_protection_plan_id", path, child, (x, ip, m) -> {
            date(x, "start_date", ip, child, m, "cppl_cp_plan_start_date");
            date(x, "end_date", ip, child, m, "cppl_cp_plan_end_date");
            order(m, "cppl_cp_plan_start_date", "cppl_cp_plan_end_date", ip, child, "end_date", "start_date");
        });
        // The looked-after parts: dates checked, counted, not stored yet.
        JsonNode placements = node.get("child_looked_after_placements");
        if (placements != null && placements.isArray()) {
            for (int i = 0; i < placements.size(); i++) {
                String pp = path + ".child_looked_after_placements[" + i + "]";
                for (String field : List.of("start_date", "end_date")) {
                    date(placements.get(i), field, pp, child, new LinkedHashMap<>(), "x");
                }
            }
            notStored.merge("child_looked_after_placements", placements.size(), Integer::sum);
        }
        for (String part : List.of("adoption", "care_leavers")) {
            JsonNode p = node.get(part);
            if (p != null && p.isObject()) {
                for (String field : part.equals("adoption") ? List.of("initial_decision_date", "matched_date", "placed_date") : List.of("contact_date")) {
                    date(p, field, path + "." + part, child, new LinkedHashMap<>(), "x");
                }
                notStored.merge(part, 1, Integer::sum);
            }
        }
        unknown(node, path, Set.of("social_care_episode_id", "referral_date", "referral_source", "referral_no_further_action_flag", "closure_date",
                "closure_reason", "care_worker_details", "child_and_family_assessments", "child_in_need_plans", "section_47_assessments",
                "child_protection_plans", "child_looked_after_placements", "adoption", "care_leavers", "purge"));
        return new Episode(id, path, purge, f, workers, assessments, cinPlans, s47s, cpPlans);
    }

    private interface Fields {
        void read(JsonNode item, String path, Map<String, String> into);
    }

    private List<Item> items(JsonNode episode, String name, String key, String path, String child, Fields fields) {
        JsonNode list = episode.get(name);
        if (list == null || list.isNull()) {
            return List.of();
        }
        String lp = path + "." + name;
        if (!list.isArray()) {
            problems.add(new Problem(child, lp, "Child " + child + ": " + name + " must be a list"));
            return List.of();
        }
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String ip = lp + "[" + i + "]";
            JsonNode x = list.get(i);
            if (x == null || !x.isObject()) {
                problems.add(new Problem(child, ip, "Child " + child + ": each item of " + name + " must be an object"));
                continue;
            }
            String id = id(x, key, ip, child);
            if (id == null) {
                continue;
            }
            boolean purge = purge(x, ip, child);
            Map<String, String> m = new LinkedHashMap<>();
            fields.read(x, ip, m);
            List<String> factors = null;
            if (x.has("factors")) {
                factors = codes(x.get("factors"), ip + ".factors", child, CinCodes.FACTORS, "assessment factor");
            }
            out.add(new Item(id, ip, purge, m, factors));
        }
        return out;
    }

    private boolean problems(String path) {
        return problems.stream().anyMatch(p -> p.path().equals(path));
    }

    private String id(JsonNode node, String field, String path, String child) {
        JsonNode v = node.get(field);
        String who = child.isEmpty() ? "A child" : "Child " + child;
        if (v == null || v.isNull() || (v.isString() && v.stringValue().isBlank())) {
            problems.add(new Problem(child, path + "." + field, who + ": " + field + " is missing"));
            return null;
        }
        if (!v.isString() && !v.isIntegralNumber()) {
            problems.add(new Problem(child, path + "." + field, who + ": " + field + " must be a string"));
            return null;
        }
        String id = v.isString() ? v.stringValue().strip() : String.valueOf(v.asLong());
        if (id.length() > MAX_ID) {
            problems.add(new Problem(child, path + "." + field, who + ": " + field + " is longer than " + MAX_ID + " characters"));
            return null;
        }
        return id;
    }

    private boolean purge(JsonNode node, String path, String child) {
        JsonNode v = node.get("purge");
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            problems.add(new Problem(child, path + ".purge", "Child " + child + ": purge must be true or false"));
            return false;
        }
        return v.booleanValue();
    }

    private void date(JsonNode node, String field, String path, String child, Map<String, String> into, String column) {
        if (node == null || !node.isObject() || !node.has(field)) {
            return;
        }
        JsonNode v = node.get(field);
        if (v.isNull()) {
            into.put(column, null);
            return;
        }
        String s = v.isString() ? v.stringValue().strip() : v.toString();
        if (!v.isString() || !DATE.matcher(s).matches()) {
            problems.add(new Problem(child, path + "." + field, "Child " + child + ": " + field + " '" + cut(s) + "' is not a date as YYYY-MM-DD"));
            return;
        }
        try {
            into.put(column, LocalDate.parse(s).toString());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(child, path + "." + field, "Child " + child + ": " + field + " '" + s + "' is not a real day"));
        }
    }

    private void text(JsonNode node, String field, String path, String child, Map<String, String> into, String column, int max, Set<String> codes) {
        if (!node.has(field)) {
            return;
        }
        JsonNode v = node.get(field);
        if (v.isNull() || v.isString() && v.stringValue().isBlank()) {
            into.put(column, null);
            return;
        }
        if (!v.isString() && !v.isNumber()) {
            problems.add(new Problem(child, path + "." + field, "Child " + child + ": " + field + " must be a string"));
            return;
        }
        String s = v.isString() ? v.stringValue().strip() : v.asString();
        if (codes != null && !codes.contains(s)) {
            problems.add(new Problem(child, path + "." + field, "Child " + child + ": " + field + " '" + cut(s) + "' is not a known code ("
                    + String.join(", ", new java.util.TreeSet<>(codes)) + ")"));
            return;
        }
        if (s.length() > max) {
            problems.add(new Problem(child, path + "." + field, "Child " + child + ": " + field + " is longer than " + max + " characters"));
            return;
        }
        into.put(column, s);
    }

    private void bool(JsonNode node, String field, String path, String child, Map<String, String> into, String column) {
        if (!node.has(field)) {
            return;
        }
        JsonNode v = node.get(field);
        if (v.isNull()) {
            into.put(column, null);
        } else if (v.isBoolean()) {
            into.put(column, String.valueOf(v.booleanValue()));
        } else {
            problems.add(new Problem(child, path + "." + field, "Child " + child + ": " + field + " must be true or false"));
        }
    }

    private List<String> codes(JsonNode list, String path, String child, Set<String> known, String what) {
        if (list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            problems.add(new Problem(child, path, "Child " + child + ": " + path.substring(path.lastIndexOf('.') + 1) + " must be a list of codes"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode v = list.get(i);
            String s = v.isString() ? v.stringValue().strip() : v.toString();
            if (!v.isString() || !known.contains(s)) {
                problems.add(new Problem(child, path + "[" + i + "]", "Child " + child + ": '" + cut(s) + "' is not a known " + what + " code"));
            } else if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private void order(Map<String, String> m, String start, String end, String path, String child, String endField, String startField) {
        String s = m.get(start);
        String e = m.get(end);
        if (s != null && e != null && e.compareTo(s) < 0) {
            problems.add(new Problem(child, path + "." + endField, "Child " + child + ": " + endField + " " + e + " is before " + startField + " " + s));
        }
    }

    private void unknown(JsonNode node, String path, Set<String> known) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                ignored.add(path.replaceAll("\\[\\d+]", "[]") + "." + name);
            }
        }
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
