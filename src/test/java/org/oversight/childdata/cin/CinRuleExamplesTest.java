package org.oversight.childdata.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oversight.childdata.cin.CinCensus.Assessment;
import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.CinPlan;
import org.oversight.childdata.cin.CinCensus.Header;
import org.oversight.childdata.cin.CinCensus.ProtectionPlan;
import org.oversight.childdata.cin.CinCensus.Section47;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worked examples of the reference implementation's own rule tests (every {@code test_validate} of
 * data-to-insight/csc-validator-be-cin, one per rule), run through Oversight's rules.
 *
 * <p>data/child-data/cin-rule-examples.json holds, for each of the 109 rules, the tables the reference test builds and
 * the locations (module, field, row) that its assertions accept. Each example becomes a census: one child per
 * ChildIdentifiers row, and each other row attached to its child (by LAchildID), episode (by CINdetailsID), assessment
 * (by AssessmentID) or plan (by CPPID), creating any parent the example leaves out. Oversight's findings are mapped back
 * to the rows they come from. Where Oversight deliberately differs from the reference (docs/cin-census.md), the
 * example's expected locations are replaced below, with the reason.
 */
class CinRuleExamplesTest {

    static final Path EXAMPLES = Path.of("data/child-data/cin-rule-examples.json");

    /** Rules where Oversight's answer on the reference's own example differs on purpose, with the answer and why. */
    static final Map<String, Deviation> DEVIATIONS = Map.of(
            "8720", new Deviation(Set.of("ChildProtectionPlans.CPPstartDate[1]", "ChildProtectionPlans.CPPstartDate[2]",
                    "ChildProtectionPlans.CPPstartDate[3]"),
                    "row 1 is a plan without the CPPID the reference's reader numbers every plan with, so the reference"
                            + " skips it; in a file every plan has one, and Oversight flags its missing start date"),
            "8736", new Deviation(Set.of("Assessments.AssessmentActualStartDate[1]", "Assessments.AssessmentActualStartDate[3]",
                    "Assessments.AssessmentActualStartDate[4]", "Assessments.AssessmentActualStartDate[5]",
                    "Assessments.AssessmentAuthorisationDate[1]", "Assessments.AssessmentAuthorisationDate[3]",
                    "Assessments.AssessmentAuthorisationDate[4]", "Assessments.AssessmentAuthorisationDate[5]"),
                    "row 5 is an assessment without the CINdetailsID the reference's reader gives every episode, so the"
                            + " reference skips it; in a file every assessment is in an episode, and Oversight flags its"
                            + " missing start date"),
            "8935", new Deviation(Set.of("ChildProtectionPlans.CPPendDate[0]", "ChildProtectionPlans.CPPendDate[1]",
                    "ChildProtectionPlans.CPPendDate[2]", "ChildProtectionPlans.CPPendDate[4]",
                    "ChildProtectionPlans.CPPendDate[5]"),
                    "one open child protection plan per child: the reference counts open plans per CPPID, a number that"
                            + " restarts in each episode, so its example's child1 with three open plans has only two flagged"));

    record Deviation(Set<String> expected, String reason) {
    }

    record Example(String rule, JsonNode tables, Set<String> expected, boolean laLevel) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Arguments> examples() throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(EXAMPLES));
        List<Arguments> all = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            Set<String> expected = new TreeSet<>();
            for (JsonNode loc : c.get("expected")) {
                expected.add(loc.get(0).asString() + "." + loc.get(1).asString() + "[" + loc.get(2).asString() + "]");
            }
            all.add(Arguments.of(new Example(c.get("rule").asString(), c.get("tables"), expected,
                    c.get("laLevel").asBoolean())));
        }
        return all.stream();
    }

    @Test
    void thereIsAnExampleForEveryRule() throws IOException {
        Set<String> rules = new TreeSet<>();
        examples().forEach(a -> rules.add(((Example) a.get()[0]).rule()));
        assertThat(rules).containsExactlyInAnyOrderElementsOf(CinRuleCatalog.all().keySet());
    }

    @ParameterizedTest(name = "rule {0}")
    @MethodSource("examples")
    void oversightFindsWhatTheReferenceExampleExpects(Example example) {
        Set<String> found = new TreeSet<>();
        boolean laLevel = false;
        // A census has one header; an example with several header rows is several censuses.
        int headers = example.tables().has("Header") ? example.tables().get("Header").size() : 1;
        for (int h = 0; h < headers; h++) {
            Built built = build(example.tables(), example.rule(), h);
            List<CinError> errors = CinValidator.rules2025to26().only(example.rule()).validate("example.xml",
                    built.census, new int[0]);
            for (CinError e : errors) {
                if (e.childIndex() < 0 && !e.table().equals("Header")) {
                    laLevel = true;
                    continue;
                }
                for (String row : e.table().equals("Header") ? List.of(Integer.toString(h)) : built.rowsOf(e)) {
                    found.add(e.table() + "." + e.field() + "[" + row + "]");
                }
            }
        }
        Deviation deviation = DEVIATIONS.get(example.rule());
        Set<String> expected = deviation == null ? example.expected() : deviation.expected();
        assertThat(found).as(deviation == null ? "rule " + example.rule() : "rule " + example.rule() + " (" + deviation.reason() + ")")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(laLevel).as("rule " + example.rule() + " at LA level").isEqualTo(example.laLevel());
    }

    // ---- building a census from the reference's tables --------------------------------------------------------------

    /** A census and the table row each of its parts came from. */
    static final class Built {
        CinCensus census;
        final Map<String, List<String>> rows = new LinkedHashMap<>();

        void at(String key, String row) {
            rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }

        List<String> rowsOf(CinError e) {
            if (e.table().equals("Header")) {
                return List.of("0");
            }
            return rows.getOrDefault(e.table() + "|" + e.childIndex() + "|" + e.path(), List.of());
        }
    }

    static final class ChildB {
        final Map<String, String> ids = new LinkedHashMap<>();
        String ethnicity;
        final List<String> disabilities = new ArrayList<>();
        final Map<String, EpisodeB> episodes = new LinkedHashMap<>();
    }

    static final class EpisodeB {
        Map<String, String> fields = new LinkedHashMap<>();
        final List<Map<String, String>> assessments = new ArrayList<>();
        final List<List<String>> factors = new ArrayList<>();
        final List<String> assessmentIds = new ArrayList<>();
        final List<Map<String, String>> plans = new ArrayList<>();
        final List<Map<String, String>> s47s = new ArrayList<>();
        final List<Map<String, String>> cpps = new ArrayList<>();
        final List<String> cppIds = new ArrayList<>();
        final List<List<String>> reviews = new ArrayList<>();
    }

    static Built build(JsonNode tables, String rule, int headerRow) {
        Built built = new Built();
        List<ChildB> children = new ArrayList<>();
        Map<String, Integer> byId = new LinkedHashMap<>();
        Header header = Header.EMPTY;
        if (tables.has("Header")) {
            JsonNode h = tables.get("Header").get(headerRow);
            header = new Header(text(h, "Collection"), text(h, "Year"), date(text(h, "ReferenceDate")), null,
                    text(h, "LEA"), null, null, null, null);
        }
        if (tables.has("ChildIdentifiers")) {
            for (JsonNode r : tables.get("ChildIdentifiers")) {
                ChildB c = new ChildB();
                c.ids.putAll(fields(r));
                children.add(c);
                String id = text(r, "LAchildID");
                if (id != null) {
                    byId.putIfAbsent(id, children.size() - 1);
                }
                built.at("ChildIdentifiers|" + (children.size() - 1) + "|", text(r, "_row"));
            }
        }
        java.util.function.BiFunction<JsonNode, String, Integer> childOf = (r, table) -> {
            String id = text(r, "LAchildID");
            if (id != null && byId.containsKey(id)) {
                return byId.get(id);
            }
            ChildB c = new ChildB();
            c.ids.put("LAchildID", id);
            children.add(c);
            if (id != null) {
                byId.put(id, children.size() - 1);
            }
            return children.size() - 1;
        };
        if (tables.has("ChildCharacteristics")) {
            for (JsonNode r : tables.get("ChildCharacteristics")) {
                int c = childOf.apply(r, "ChildCharacteristics");
                children.get(c).ethnicity = text(r, "Ethnicity");
                built.at("ChildCharacteristics|" + c + "|", text(r, "_row"));
            }
        }
        if (tables.has("Disabilities")) {
            for (JsonNode r : tables.get("Disabilities")) {
                int c = childOf.apply(r, "Disabilities");
                ChildB child = children.get(c);
                String value = text(r, "Disability");
                child.disabilities.add(value == null ? "" : value);
                built.at("Disabilities|" + c + "|Disabilities[" + child.disabilities.size() + "]", text(r, "_row"));
            }
        }
        if (tables.has("CINdetails")) {
            for (JsonNode r : tables.get("CINdetails")) {
                int c = childOf.apply(r, "CINdetails");
                String id = text(r, "CINdetailsID");
                // each row is an episode of its own; other modules join the first episode with their CINdetailsID
                String key = id != null && !children.get(c).episodes.containsKey(id) ? id : "#" + text(r, "_row");
                EpisodeB e = children.get(c).episodes.computeIfAbsent(key, k -> new EpisodeB());
                e.fields.putAll(fields(r));
                built.at("CINdetails|" + c + "|" + key, text(r, "_row"));
            }
        }
        java.util.function.BiFunction<JsonNode, String, EpisodeB> episodeOf = (r, table) -> {
            int c = childOf.apply(r, table);
            // no CINdetailsID column: the child's one episode; an empty CINdetailsID: an episode of its own
            String key = !r.has("CINdetailsID") ? "?" : r.get("CINdetailsID").isNull() ? "#" + table + text(r, "_row")
                    : text(r, "CINdetailsID");
            return children.get(c).episodes.computeIfAbsent(key, k -> new EpisodeB());
        };
        List<String[]> pending = new ArrayList<>();
        boolean groupFactors = rule.equals("8869");
        if (tables.has("Assessments")) {
            for (JsonNode r : tables.get("Assessments")) {
                EpisodeB e = episodeOf.apply(r, "Assessments");
                String factor = text(r, "AssessmentFactors");
                int index = -1;
                if (groupFactors) {
                    for (int j = 0; j < e.assessments.size(); j++) {
                        if (java.util.Objects.equals(e.assessments.get(j).get("AssessmentAuthorisationDate"),
                                text(r, "AssessmentAuthorisationDate"))) {
                            index = j;
                        }
                    }
                }
                if (index < 0) {
                    e.assessments.add(fields(r));
                    e.factors.add(new ArrayList<>());
                    e.assessmentIds.add(text(r, "AssessmentID"));
                    index = e.assessments.size() - 1;
                }
                if (tables.has("AssessmentFactorsList")) {
                    // the factors come from the list table, as the reference's rules read them
                } else if (r.has("AssessmentFactors") && r.get("AssessmentFactors").isArray()) {
                    for (JsonNode x : r.get("AssessmentFactors")) {
                        e.factors.get(index).add(x.asString());
                    }
                } else if (factor != null && !tables.has("AssessmentFactorsList")) {
                    e.factors.get(index).add(factor);
                }
                String row = text(r, "_row");
                if (groupFactors && factor != null && factor.equals("21")) {
                    row = null; // the factor 21 itself is not what 8869 flags in the reference's one-factor-per-row table
                }
                pending.add(new String[] {"Assessments", Integer.toString(System.identityHashCode(e)), Integer.toString(index), row});
            }
        }
        if (tables.has("AssessmentFactorsList")) {
            for (JsonNode r : tables.get("AssessmentFactorsList")) {
                EpisodeB e = episodeOf.apply(r, "AssessmentFactorsList");
                int index = e.assessmentIds.indexOf(text(r, "AssessmentID"));
                if (index >= 0 && text(r, "AssessmentFactor") != null) {
                    e.factors.get(index).add(text(r, "AssessmentFactor"));
                }
            }
        }
        addModules(tables, "CINplanDates", episodeOf, pending, e -> e.plans);
        addModules(tables, "Section47", episodeOf, pending, e -> e.s47s);
        if (tables.has("ChildProtectionPlans")) {
            for (JsonNode r : tables.get("ChildProtectionPlans")) {
                EpisodeB e = episodeOf.apply(r, "ChildProtectionPlans");
                e.cpps.add(fields(r));
                e.cppIds.add(text(r, "CPPID"));
                e.reviews.add(new ArrayList<>());
                pending.add(new String[] {"ChildProtectionPlans", Integer.toString(System.identityHashCode(e)),
                        Integer.toString(e.cpps.size() - 1), text(r, "_row")});
            }
        }
        List<String[]> reviewRows = new ArrayList<>();
        if (tables.has("Reviews")) {
            for (JsonNode r : tables.get("Reviews")) {
                EpisodeB e = episodeOf.apply(r, "Reviews");
                String cppId = text(r, "CPPID");
                int index = cppId == null ? -1 : e.cppIds.indexOf(cppId);
                if (index < 0) {
                    e.cpps.add(new LinkedHashMap<>());
                    e.cppIds.add(cppId);
                    e.reviews.add(new ArrayList<>());
                    index = e.cpps.size() - 1;
                }
                e.reviews.get(index).add(text(r, "CPPreviewDate"));
                reviewRows.add(new String[] {Integer.toString(System.identityHashCode(e)), Integer.toString(index),
                        Integer.toString(e.reviews.get(index).size()), text(r, "_row")});
            }
        }
        // the census, and each module's row
        List<Child> out = new ArrayList<>();
        for (int c = 0; c < children.size(); c++) {
            ChildB b = children.get(c);
            List<CinDetails> episodes = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, EpisodeB> entry : b.episodes.entrySet()) {
                EpisodeB e = entry.getValue();
                List<String> old = built.rows.remove("CINdetails|" + c + "|" + entry.getKey());
                if (old != null) {
                    built.rows.put("CINdetails|" + c + "|CINdetails[" + (i + 1) + "]", old);
                }
                String id = Integer.toString(System.identityHashCode(e));
                for (String[] p : pending) {
                    if (p[1].equals(id) && p[3] != null) {
                        String path = switch (p[0]) {
                            case "Assessments" -> "/Assessments[";
                            case "CINplanDates" -> "/CINPlanDates[";
                            case "Section47" -> "/Section47[";
                            default -> "/ChildProtectionPlans[";
                        };
                        built.at(p[0] + "|" + c + "|CINdetails[" + (i + 1) + "]" + path + (Integer.parseInt(p[2]) + 1) + "]", p[3]);
                    }
                }
                for (String[] p : reviewRows) {
                    if (p[0].equals(id)) {
                        built.at("Reviews|" + c + "|CINdetails[" + (i + 1) + "]/ChildProtectionPlans[" + (Integer.parseInt(p[1]) + 1)
                                + "]/Reviews[" + p[2] + "]", p[3]);
                    }
                }
                List<Assessment> as = new ArrayList<>();
                for (int j = 0; j < e.assessments.size(); j++) {
                    Map<String, String> a = e.assessments.get(j);
                    as.add(new Assessment(date(a.get("AssessmentActualStartDate")), date(a.get("AssessmentInternalReviewDate")),
                            date(a.get("AssessmentAuthorisationDate")), e.factors.get(j)));
                }
                List<CinPlan> plans = e.plans.stream().map(p -> new CinPlan(date(p.get("CINPlanStartDate")),
                        date(p.get("CINPlanEndDate")))).toList();
                List<Section47> s47s = e.s47s.stream().map(s -> new Section47(date(s.get("S47ActualStartDate")),
                        date(s.get("InitialCPCtarget")), date(s.get("DateOfInitialCPC")), s.get("ICPCnotRequired"))).toList();
                List<ProtectionPlan> cpps = new ArrayList<>();
                for (int j = 0; j < e.cpps.size(); j++) {
                    Map<String, String> p = e.cpps.get(j);
                    cpps.add(new ProtectionPlan(date(p.get("CPPstartDate")), date(p.get("CPPendDate")),
                            p.get("InitialCategoryOfAbuse"), p.get("LatestCategoryOfAbuse"), p.get("NumberOfPreviousCPP"),
                            e.reviews.get(j).stream().map(x -> x == null ? CinDate.parse("") : CinDate.parse(x)).toList()));
                }
                Map<String, String> f = e.fields;
                episodes.add(new CinDetails(date(f.get("CINreferralDate")), f.get("ReferralSource"), f.get("PrimaryNeedCode"),
                        date(f.get("CINclosureDate")), f.get("ReasonForClosure"), date(f.get("DateOfInitialCPC")),
                        f.get("ReferralNFA"), as, plans, s47s, cpps, List.of()));
                i++;
            }
            Map<String, String> id = b.ids;
            out.add(new Child(id.get("LAchildID"), id.get("UPN"), id.get("FormerUPN"), id.get("UPNunknown"),
                    date(id.get("PersonBirthDate")), date(id.get("ExpectedPersonBirthDate")), id.get("GenderCurrent"),
                    id.get("Sex"), date(id.get("PersonDeathDate")), b.ethnicity, b.disabilities, episodes));
        }
        built.census = new CinCensus(header, out);
        return built;
    }

    interface Modules {
        List<Map<String, String>> of(EpisodeB e);
    }

    static void addModules(JsonNode tables, String table,
                           java.util.function.BiFunction<JsonNode, String, EpisodeB> episodeOf, List<String[]> pending,
                           Modules modules) {
        if (!tables.has(table)) {
            return;
        }
        for (JsonNode r : tables.get(table)) {
            EpisodeB e = episodeOf.apply(r, table);
            modules.of(e).add(fields(r));
            pending.add(new String[] {table, Integer.toString(System.identityHashCode(e)),
                    Integer.toString(modules.of(e).size() - 1), text(r, "_row")});
        }
    }

    /**
     * A field of a row. The reference's examples write many dates as dd/mm/yyyy or dd-mm-yyyy strings (its reader turns
     * every XML date into a date); here they become the yyyy-mm-dd of a CIN census file.
     */
    static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.asString()));
            return String.join(",", items);
        }
        String t = v.asString();
        if (field.toLowerCase(java.util.Locale.ROOT).contains("date") || field.equals("InitialCPCtarget")) {
            return isoDate(t);
        }
        return t;
    }

    /** The example's values of a row, dates as in {@link #text}. */
    static Map<String, String> fields(JsonNode row) {
        Map<String, String> m = new LinkedHashMap<>();
        row.properties().forEach(p -> m.put(p.getKey(), text(row, p.getKey())));
        return m;
    }

    static CinDate date(String text) {
        return text == null ? null : CinDate.parse(text);
    }

    /** The reference's tests write many dates as dd/mm/yyyy or dd-mm-yyyy. */
    static String isoDate(String text) {
        if (text != null && text.matches("\\d{2}[/-]\\d{2}[/-]\\d{4}")) {
            return text.substring(6) + "-" + text.substring(3, 5) + "-" + text.substring(0, 2);
        }
        return text;
    }
}
