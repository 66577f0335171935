package org.oversight.compliance.protection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.demo.DemoChildData;
import org.oversight.childdata.demo.DemoJourneys;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Kind;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.DemoJourneyFixture;
import org.oversight.support.DemoReturnFixture;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The child's journey on City of London's demo data, whose SSD journey holds the SSDA903 return's children under the
 * same ids: a looked-after child's chronology runs from their contacts and referral to their first period of care,
 * alike on both child pages, in the CSV and in the API, each read logged; a child known to one store only is told which
 * part is not held; another LA's manager gets 403.
 */
class ChildJourneyChronologyIT extends HttpTest {

    @Autowired
    DemoChildData demoReturn;
    @Autowired
    DemoJourneys demoJourneys;
    @Autowired
    ChildDataSnapshots snapshots;
    @Autowired
    ChildJourneys journeys;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.oversight.register.LocalAuthorities localAuthorities;

    private DemoReturnFixture.Loaded loadedReturn;
    private UUID loadedJourney;
    private ChildDataSnapshots.Snapshot ssda903;

    @BeforeEach
    void demoData() {
        loadedReturn = DemoReturnFixture.load(demoReturn, jdbc);
        loadedJourney = DemoJourneyFixture.loadIfMissing(demoJourneys, jdbc);
        ssda903 = TenantScope.asSystem(() -> snapshots.all(localAuthorities.get(80450).id(), Kind.SSDA903)).stream()
                .filter(s -> s.id().equals(loadedReturn.ssda903())).findFirst().orElseThrow();
    }

    @AfterEach
    void removeTheDemoData() {
        DemoJourneyFixture.remove(jdbc, loadedJourney);
        DemoReturnFixture.remove(jdbc, loadedReturn);
    }

    private String lookedAfterChild() {
        return TenantScope.asSystem(() -> snapshots.episodes(ssda903.id())).stream()
                .filter(e -> e.dec() == null && !e.decom().isAfter(ssda903.asOf())).map(ChildDataSnapshots.Episode::childRef).sorted()
                .findFirst().orElseThrow();
    }

    private int logged(String child) {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM child_access WHERE child_ref = ? AND what LIKE 'the child''s journey%'")
                .param(child).query(Integer.class).single());
    }

    @Test
    void aLookedAfterChildsJourneyRunsFromTheReferralToTheirCareAlikeOnBothPagesTheCsvAndTheApi() {
        String child = lookedAfterChild();
        LocalDate firstCare = TenantScope.asSystem(() -> snapshots.episodes(ssda903.id())).stream().filter(e -> e.childRef().equals(child))
                .map(ChildDataSnapshots.Episode::decom).min(LocalDate::compareTo).orElseThrow();
        int before = logged(child);

        var api = http.get("/api/v1/local-authorities/80450/children/" + child + "/journey?purpose=DIRECT_WORK", "col.manager");
        assertThat(api.status()).isEqualTo(200);
        JsonNode json = api.json();
        assertThat(json.get("child").asText()).isEqualTo(child);
        assertThat(json.get("helpAndProtectionHeld").asBoolean()).isTrue();
        assertThat(json.get("lookedAfterHeld").asBoolean()).isTrue();
        List<LocalDate> dates = new ArrayList<>();
        List<String> whats = new ArrayList<>();
        Set<String> sources = new java.util.HashSet<>();
        for (JsonNode e : json.get("events")) {
            dates.add(LocalDate.parse(e.get("date").asText()));
            whats.add(e.get("what").asText());
            sources.add(e.get("source").asText());
        }
        assertThat(dates).as("oldest first").isSorted();
        int referral = indexOfPrefix(whats, "Referral");
        int care = indexOfPrefix(whats, "Started to be looked after");
        assertThat(referral).as("a referral before the first period of care: " + whats).isNotNegative().isLessThan(care);
        assertThat(dates.get(care)).isEqualTo(firstCare);
        assertThat(whats.getFirst()).as("the journey begins with a contact").startsWith("Contact received");
        assertThat(sources).as("both stores, named with their year").contains("SSD extract, " + journeyYear(), "SSDA903 return " + ssda903.collectionYear());
        assertThat(logged(child)).as("the API read is logged").isEqualTo(before + 1);

        // the same list on the help-and-protection page and the looked-after record, from one fragment
        var help = http.get("/local-authorities/80450/help-and-protection/children/" + child + "?purpose=DIRECT_WORK", "col.manager");
        var record = http.get("/local-authorities/80450/children/" + child + "?purpose=DIRECT_WORK", "col.manager");
        assertThat(help.status()).isEqualTo(200);
        assertThat(record.status()).isEqualTo(200);
        List<String> helpRows = rows(help.body());
        assertThat(helpRows).hasSize(whats.size()).isEqualTo(rows(record.body()));
        assertThat(helpRows.get(care)).startsWith(org.oversight.shared.Dates.day(firstCare) + " | Started to be looked after");
        assertThat(help.body()).doesNotContain("id=\"help-not-held\"").doesNotContain("id=\"care-not-held\"");

        var csv = http.get("/local-authorities/80450/children/" + child + "/journey.csv?purpose=DIRECT_WORK", "col.manager");
        assertThat(csv.status()).isEqualTo(200);
        List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
        assertThat(lines.getFirst()).isEqualTo("child,date,what_happened,source");
        assertThat(lines).hasSize(whats.size() + 1);
        assertThat(lines.get(care + 1)).startsWith(child + "," + org.oversight.shared.Dates.format(firstCare) + ",");
        System.out.printf("City of London demo child %s: %d events in the journey, %d from the SSD store, %d from the SSDA903 return%n", child,
                whats.size(), json.findValuesAsString("source").stream().filter(x -> x.startsWith("SSD extract")).count(),
                json.findValuesAsString("source").stream().filter(x -> x.startsWith("SSDA903")).count());
        assertThat(logged(child)).as("the CSV is logged too (the looked-after record logs its own view, with the journey it shows)")
                .isEqualTo(before + 2);
    }

    /** Every access-log entry of the child, oldest first, as "what | purpose". */
    private List<String> entries(String child) {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT what || ' | ' || coalesce(purpose, '') FROM child_access WHERE child_ref = ? ORDER BY viewed_at, id")
                .param(child).query(String.class).list());
    }

    @Test
    void oneViewOfTheLookedAfterRecordWritesOneEntryThatSaysItShowedTheJourney() {
        String child = lookedAfterChild();
        List<String> before = entries(child);
        var record = http.get("/local-authorities/80450/children/" + child + "?purpose=MANAGEMENT_OVERSIGHT", "col.manager");
        assertThat(record.status()).isEqualTo(200);
        assertThat(rows(record.body())).as("the record shows the journey").isNotEmpty();
        List<String> after = entries(child);
        assertThat(after).as("one view, one entry").hasSize(before.size() + 1);
        assertThat(after.getLast()).isEqualTo("compliance record with the child's journey | MANAGEMENT_OVERSIGHT");

        // the journey's own CSV and API still write one entry each
        assertThat(http.get("/local-authorities/80450/children/" + child + "/journey.csv?purpose=DIRECT_WORK", "col.manager").status()).isEqualTo(200);
        assertThat(entries(child)).hasSize(before.size() + 2).last().isEqualTo("the child's journey (chronology) | DIRECT_WORK");
        assertThat(http.get("/api/v1/local-authorities/80450/children/" + child + "/journey?purpose=DIRECT_WORK", "col.manager").status()).isEqualTo(200);
        assertThat(entries(child)).hasSize(before.size() + 3);
        // and so does the help-and-protection page, which shows the same journey
        assertThat(http.get("/local-authorities/80450/help-and-protection/children/" + child + "?purpose=DIRECT_WORK", "col.manager").status())
                .isEqualTo(200);
        assertThat(entries(child)).hasSize(before.size() + 4);
    }

    @Test
    void theJourneyNamesWhereItsHelpAndProtectionPartCameFrom() {
        String child = lookedAfterChild();
        String year = journeyYear();
        String extract = TenantScope.asSystem(() -> jdbc.sql("SELECT source FROM import_snapshot WHERE id = ?").param(loadedJourney)
                .query(String.class).single());
        assertThat(helpSources(child)).containsExactly("SSD extract, " + year);

        // the same kind of snapshot (SSD), made from Annex A lists 1 to 7 or by children's social care payloads: its source says which
        setSource("Annex A lists 1 to 7: annex-a-city.xlsx", 0);
        assertThat(helpSources(child)).containsExactly("Annex A lists 1 to 7, " + year);
        setSource("DfE children's social care API payload", 2);
        assertThat(helpSources(child)).containsExactly("Children's social care API payloads, " + year);
        setSource(extract, 1);
        assertThat(helpSources(child)).containsExactly("SSD extract, " + year + ", changed since by children's social care API payloads");
    }

    private void setSource(String source, int revision) {
        TenantScope.asSystem(() -> jdbc.sql("UPDATE import_snapshot SET source = ?, revision = ? WHERE id = ?").params(source, revision, loadedJourney)
                .update());
    }

    /** The sources of the journey's help-and-protection events, alike in the API, the CSV and on both pages. */
    private Set<String> helpSources(String child) {
        Set<String> api = new java.util.TreeSet<>();
        http.get("/api/v1/local-authorities/80450/children/" + child + "/journey?purpose=DIRECT_WORK", "col.manager").json().get("events")
                .forEach(e -> api.add(e.get("source").asText()));
        String csv = http.get("/local-authorities/80450/children/" + child + "/journey.csv?purpose=DIRECT_WORK", "col.manager").body();
        Set<String> fromCsv = new java.util.TreeSet<>();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.replace("\uFEFF", "")))) {
            parser.forEach(r -> fromCsv.add(r.get("source")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Set<String> pages = new java.util.TreeSet<>();
        for (String page : List.of("/local-authorities/80450/children/", "/local-authorities/80450/help-and-protection/children/")) {
            org.jsoup.Jsoup.parse(http.get(page + child + "?purpose=DIRECT_WORK", "col.manager").body()).select("#journey-table tbody tr td:last-child")
                    .forEach(td -> pages.add(td.text()));
        }
        assertThat(fromCsv).as("the CSV").isEqualTo(api);
        assertThat(pages).as("both pages").isEqualTo(api);
        assertThat(api).anyMatch(x -> x.startsWith("SSDA903 return "));
        return api.stream().filter(x -> !x.startsWith("SSDA903 return ")).collect(Collectors.toSet());
    }

    @Test
    void aChildKnownToOneStoreGetsThatStoresEventsAndThePageSaysWhichPartIsNotHeld() {
        Set<String> inReturn = TenantScope.asSystem(() -> snapshots.children(ssda903.id())).stream().map(ChildDataSnapshots.Child::childRef)
                .collect(Collectors.toSet());
        ChildJourneys.Journey all = TenantScope.asSystem(() -> journeys.journey(loadedJourney));
        String neverInCare = all.referrals().stream().map(ChildJourneys.Referral::person).filter(p -> !inReturn.contains(p)).sorted().findFirst()
                .orElseThrow();
        var own = http.get("/api/v1/local-authorities/80450/children/" + neverInCare + "/journey?purpose=DIRECT_WORK", "col.manager").json();
        assertThat(own.get("lookedAfterHeld").asBoolean()).isFalse();
        assertThat(own.get("events").size()).isPositive();
        own.get("events").forEach(e -> assertThat(e.get("source").asText()).startsWith("SSD extract"));
        assertThat(http.get("/local-authorities/80450/help-and-protection/children/" + neverInCare + "?purpose=DIRECT_WORK", "col.manager").body())
                .contains("id=\"care-not-held\"").doesNotContain("id=\"help-not-held\"");

        // a care leaver is a person of the journey with no help or protection of their own
        String leaver = TenantScope.asSystem(() -> snapshots.careLeavers(ssda903.id())).stream().map(ChildDataSnapshots.CareLeaver::childRef)
                .sorted().findFirst().orElseThrow();
        var leaverJson = http.get("/api/v1/local-authorities/80450/children/" + leaver + "/journey?purpose=DIRECT_WORK", "col.manager").json();
        assertThat(leaverJson.get("helpAndProtectionHeld").asBoolean()).isFalse();
        assertThat(leaverJson.get("lookedAfterHeld").asBoolean()).isTrue();
        leaverJson.get("events").forEach(e -> assertThat(e.get("source").asText()).startsWith("SSDA903 return"));
        assertThat(leaverJson.toString()).contains("Care leaver status recorded");
        assertThat(http.get("/local-authorities/80450/children/" + leaver + "?purpose=DIRECT_WORK", "col.manager").body())
                .contains("id=\"help-not-held\"").doesNotContain("id=\"care-not-held\"");
    }

    @Test
    void theJourneyIsUnderTheChildPagesRule() {
        String child = lookedAfterChild();
        String api = "/api/v1/local-authorities/80450/children/" + child + "/journey";
        var noPurpose = http.get(api, "col.manager");
        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.body()).contains("purpose");
        assertThat(http.get(api + "?purpose=DIRECT_WORK", "southwark.manager").status()).as("another LA's manager").isEqualTo(403);
        assertThat(http.get(api + "?purpose=DIRECT_WORK", "analyst").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80450/children/" + child + "/journey.csv?purpose=DIRECT_WORK", "southwark.manager").status())
                .isEqualTo(403);
        var csvWithoutPurpose = http.get("/local-authorities/80450/children/" + child + "/journey.csv", "col.manager");
        assertThat(csvWithoutPurpose.status()).as("the purpose is asked first").isEqualTo(200);
        assertThat(csvWithoutPurpose.body()).contains("name=\"purpose\"").doesNotContain("what_happened");
        assertThat(http.get("/api/v1/local-authorities/80450/children/NO-SUCH-CHILD/journey?purpose=DIRECT_WORK", "col.manager").status())
                .isEqualTo(404);
    }

    private String journeyYear() {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT collection_year FROM import_snapshot WHERE id = ?").param(loadedJourney)
                .query(String.class).single());
    }

    /** The chronology table's rows as "date | what | source". */
    private static List<String> rows(String html) {
        return org.jsoup.Jsoup.parse(html).select("#journey-table tbody tr").stream()
                .map(tr -> tr.select("td").stream().map(org.jsoup.nodes.Element::text).collect(Collectors.joining(" | "))).toList();
    }

    private static int indexOfPrefix(List<String> list, String prefix) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
