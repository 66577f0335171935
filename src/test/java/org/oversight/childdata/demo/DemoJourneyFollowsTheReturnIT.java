package org.oversight.childdata.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.journey.ChildJourneys;
import org.oversight.childdata.journey.ChildJourneys.Journey;
import org.oversight.childdata.snapshots.ChildDataSnapshots;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Kind;
import org.oversight.register.LocalAuthorities;
import org.oversight.register.LocalAuthority;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.DemoJourneyFixture;
import org.oversight.support.DemoReturnFixture;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * City of London's demo data follows the same children through the whole journey: every child of its demo SSDA903
 * return is a person of its demo journey under the same id, date of birth, sex and ethnicity; each child looked after
 * has a referral (with its contact) that began before their first period of care, each care leaver is a person with no
 * journey of their own; and a manager goes from a looked-after child's record to the earlier part of their journey
 * and back, the links shown only when the other half exists.
 */
class DemoJourneyFollowsTheReturnIT extends HttpTest {

    @Autowired
    DemoChildData demoReturn;
    @Autowired
    DemoJourneys demoJourneys;
    @Autowired
    ChildDataSnapshots snapshots;
    @Autowired
    ChildJourneys journeys;
    @Autowired
    LocalAuthorities localAuthorities;
    @Autowired
    JdbcClient jdbc;

    private DemoReturnFixture.Loaded loadedReturn;
    private UUID loadedJourney;
    private LocalAuthority cityOfLondon;

    @BeforeEach
    void demoData() {
        loadedReturn = DemoReturnFixture.load(demoReturn, jdbc);
        loadedJourney = DemoJourneyFixture.loadIfMissing(demoJourneys, jdbc);
        cityOfLondon = localAuthorities.get(80450);
    }

    @AfterEach
    void removeTheDemoData() {
        DemoJourneyFixture.remove(jdbc, loadedJourney);
        DemoReturnFixture.remove(jdbc, loadedReturn);
    }

    private ChildDataSnapshots.Snapshot current903() {
        ChildDataSnapshots.Snapshot s = TenantScope.asSystem(() -> snapshots.current(cityOfLondon.id(), Kind.SSDA903)).orElseThrow();
        assertThat(s.id()).as("the demo return is City of London's current SSDA903 data").isEqualTo(loadedReturn.ssda903());
        return s;
    }

    /** Each looked-after child's first day of care (the earliest episode's start). */
    private Map<String, LocalDate> firstCare(UUID snapshot) {
        return TenantScope.asSystem(() -> snapshots.episodes(snapshot)).stream()
                .collect(Collectors.toMap(ChildDataSnapshots.Episode::childRef, ChildDataSnapshots.Episode::decom, (a, b) -> a.isBefore(b) ? a : b, TreeMap::new));
    }

    private Journey currentJourney() {
        ChildJourneys.JourneySnapshot s = TenantScope.asSystem(() -> journeys.current(cityOfLondon.id())).orElseThrow();
        assertThat(s.id()).as("the demo journey is City of London's current journey data").isEqualTo(loadedJourney);
        return TenantScope.asSystem(() -> journeys.journey(s.id()));
    }

    @Test
    void everyChildOfTheDemoReturnIsInTheDemoJourneyAndEachLookedAfterChildWasReferredBeforeTheirCare() {
        ChildDataSnapshots.Snapshot ssda903 = current903();
        List<ChildDataSnapshots.Child> children = TenantScope.asSystem(() -> snapshots.children(ssda903.id()));
        Map<String, LocalDate> firstCare = firstCare(ssda903.id());
        Journey journey = currentJourney();
        Map<String, ChildJourneys.Person> persons = journey.persons().stream().collect(Collectors.toMap(ChildJourneys.Person::id, Function.identity()));

        assertThat(firstCare).as("children looked after in the demo return").hasSizeGreaterThanOrEqualTo(5);
        assertThat(children.size()).as("the return also has care leavers").isGreaterThan(firstCare.size());
        for (ChildDataSnapshots.Child c : children) {
            ChildJourneys.Person p = persons.get(c.childRef());
            assertThat(p).as("903 child " + c.childRef() + " is a person of the journey").isNotNull();
            assertThat(p.dob()).as(c.childRef() + " date of birth").isEqualTo(c.dob());
            assertThat(p.sex()).as(c.childRef() + " sex").isEqualTo(c.sex());
            assertThat(p.ethnicity()).as(c.childRef() + " ethnicity").isEqualTo(c.ethnic());
            LocalDate care = firstCare.get(c.childRef());
            List<ChildJourneys.Referral> referrals = journey.referrals().stream().filter(r -> r.person().equals(c.childRef())).toList();
            if (care == null) {
                assertThat(referrals).as("care leaver " + c.childRef() + " is a person only").isEmpty();
                continue;
            }
            assertThat(referrals).as(c.childRef() + " has an episode of need that began before care began on " + care)
                    .anySatisfy(r -> assertThat(r.date()).isBeforeOrEqualTo(care).isAfterOrEqualTo(c.dob()));
            for (ChildJourneys.Referral r : referrals) {
                assertThat(journey.contacts()).as("the contact that led to referral " + r.id())
                        .anySatisfy(k -> {
                            assertThat(k.person()).isEqualTo(c.childRef());
                            assertThat(k.date()).isBeforeOrEqualTo(r.date());
                        });
            }
        }

        Set<String> fromTheReturn = children.stream().map(ChildDataSnapshots.Child::childRef).collect(Collectors.toSet());
        long ownChildren = persons.keySet().stream().filter(id -> !fromTheReturn.contains(id)).count();
        assertThat(ownChildren).as("the journey's own children, sized on the LA's population as before")
                .isEqualTo(DemoJourneys.children(cityOfLondon.population0to25()));
        System.out.printf("City of London demo: %d children in the SSDA903 return (%d looked after), %d persons in the journey%n",
                children.size(), firstCare.size(), persons.size());
    }

    @Test
    void aManagerGoesFromALookedAfterChildToTheEarlierPartOfTheirJourneyAndBack() {
        ChildDataSnapshots.Snapshot ssda903 = current903();
        String child = TenantScope.asSystem(() -> snapshots.episodes(ssda903.id())).stream()
                .filter(e -> e.dec() == null && !e.decom().isAfter(ssda903.asOf())).map(ChildDataSnapshots.Episode::childRef).sorted()
                .findFirst().orElseThrow();
        String record = "/local-authorities/80450/children/" + child;
        String earlier = "/local-authorities/80450/help-and-protection/children/" + child;

        var care = http.get(record + "?purpose=DIRECT_WORK", "col.manager");
        assertThat(care.status()).isEqualTo(200);
        assertThat(care.body()).as("the looked-after child's record links to their earlier journey")
                .containsPattern("id=\"journey-link\"><a class=\"govuk-link\" href=\"" + earlier + "\"");
        var journey = http.get(earlier + "?purpose=DIRECT_WORK", "col.manager");
        assertThat(journey.status()).isEqualTo(200);
        assertThat(journey.body()).contains("id=\"journey-table\"").contains("Referral");
        assertThat(journey.body()).as("and back").containsPattern("id=\"care-record-link\"><a class=\"govuk-link\" href=\"" + record + "\"");

        // only when the other half exists: a child of the journey never looked after, and a care leaver known to the
        // journey only as a person
        Journey all = currentJourney();
        Set<String> inReturn = TenantScope.asSystem(() -> snapshots.children(ssda903.id())).stream().map(ChildDataSnapshots.Child::childRef)
                .collect(Collectors.toSet());
        String neverInCare = all.referrals().stream().map(ChildJourneys.Referral::person).filter(p -> !inReturn.contains(p)).findFirst().orElseThrow();
        var own = http.get("/local-authorities/80450/help-and-protection/children/" + neverInCare + "?purpose=DIRECT_WORK", "col.manager");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("id=\"journey-table\"").doesNotContain("care-record-link");
        assertThat(http.get("/local-authorities/80450/children/" + neverInCare + "?purpose=DIRECT_WORK", "col.manager").status()).as("no care record to link to").isEqualTo(404);

        String leaver = TenantScope.asSystem(() -> snapshots.careLeavers(ssda903.id())).stream().map(ChildDataSnapshots.CareLeaver::childRef)
                .sorted().findFirst().orElseThrow();
        var leaverRecord = http.get("/local-authorities/80450/children/" + leaver + "?purpose=DIRECT_WORK", "col.manager");
        assertThat(leaverRecord.status()).isEqualTo(200);
        assertThat(leaverRecord.body()).contains("id=\"rule-status\"").doesNotContain("journey-link");

        assertThat(http.get(record, "southwark.manager").status()).as("another LA's manager").isEqualTo(403);
        assertThat(http.get(earlier, "southwark.manager").status()).isEqualTo(403);
    }
}
