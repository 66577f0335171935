package org.oversight.compliance.protection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.journey.ChildJourneys.Assessment;
import org.oversight.childdata.journey.ChildJourneys.CinPlan;
import org.oversight.childdata.journey.ChildJourneys.Conference;
import org.oversight.childdata.journey.ChildJourneys.Contact;
import org.oversight.childdata.journey.ChildJourneys.CpPlan;
import org.oversight.childdata.journey.ChildJourneys.EarlyHelp;
import org.oversight.childdata.journey.ChildJourneys.Journey;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.childdata.journey.ChildJourneys.Origin;
import org.oversight.childdata.journey.ChildJourneys.Person;
import org.oversight.childdata.journey.ChildJourneys.Referral;
import org.oversight.childdata.journey.ChildJourneys.Section47;
import org.oversight.childdata.snapshots.ChildDataSnapshots.CareLeaver;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Child;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Episode;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Missing;
import org.oversight.childdata.snapshots.ChildDataSnapshots.Review;
import org.oversight.compliance.protection.Chronology.CareRecord;
import org.oversight.compliance.protection.Chronology.Event;
import org.oversight.compliance.protection.Chronology.Kind;
import org.oversight.compliance.protection.Chronology.Result;
import org.oversight.compliance.protection.Chronology.Source;

import static org.assertj.core.api.Assertions.assertThat;

class ChronologyTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** Child A's help and protection, given out of order on purpose (the store's lists are by table, not by date). */
    private static Journey help(String kind) {
        return help(new JourneySnapshot(UUID.randomUUID(), UUID.randomUUID(), kind, "2026-27", d("2026-11-30"), Instant.EPOCH));
    }

    private static Journey help(JourneySnapshot s) {
        return new Journey(s, List.of(new Person("A", d("2012-05-06"), null, "1", "WBRI")),
                List.of(new Contact("A-K2", "A", d("2024-03-01"), "6"), new Contact("A-K1", "A", d("2023-01-10"), "1A")),
                List.of(new EarlyHelp("A-E1", "A", d("2023-01-20"), d("2023-06-30"), "family support", "stepped up", null)),
                List.of(new Referral("A-R1", "A", d("2024-03-01"), "6", "N1", false, "RC8", d("2025-02-01"), null, null, null)),
                List.of(new Assessment("A-R1-A1", "A", "A-R1", d("2024-03-02"), d("2024-04-10"), "Y", false, null, null)),
                List.of(new Section47("A-R1-S1", "A-R1", "A", d("2024-03-05"), d("2024-03-20"), false, false, null, null)),
                List.of(new Conference("A-R1-S1-C", "A-R1-S1", "A", "A-R1-CP1", "A-R1", false, null, d("2024-03-25"), true, null, null)),
                List.of(new CinPlan("A-R1-P1", "A-R1", "A", d("2024-04-10"), d("2024-04-10"), null, null)),
                List.of(new CpPlan("A-R1-CP1", "A-R1", "A-R1-S1-C", "A", d("2024-03-25"), d("2024-09-01"), "NEG", 0)),
                List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** Child A's care: a period from 1 September 2024 (with a change of placement), a review, a missing episode. */
    private static CareRecord care() {
        return new CareRecord("2026-27", d("2026-11-30"), new Child("A", "1", d("2012-05-06"), "WBRI", false),
                List.of(new Episode("A", d("2025-01-15"), null, "P", "C2", "N1", "U4", "PR1", null),
                        new Episode("A", d("2024-09-01"), d("2025-01-15"), "S", "C1", "N1", "U6", "PR1", "X1")),
                List.of(new Review("A", d("2024-09-25"), "PN1")),
                List.of(new Missing("A", "M", d("2025-06-01"), d("2025-06-02"))), null);
    }

    @Test
    void mergesBothStoresOldestFirst() {
        Result r = Chronology.merge("A", help("SSD"), Map.of("A-K1", "{\"OUTCOME\":\"ADVICE\"}"), care());

        assertThat(r.helpHeld()).isTrue();
        assertThat(r.careHeld()).isTrue();
        List<LocalDate> dates = r.events().stream().map(Event::date).toList();
        assertThat(dates).as("oldest first").isSorted();
        assertThat(r.events().getFirst()).isEqualTo(new Event(d("2023-01-10"), Kind.CONTACT, "source: 1A; outcome: advice and information",
                Source.SSD, "2026-27"));
        assertThat(r.events()).extracting(Event::source).contains(Source.SSD, Source.SSDA903);
        // the first period of care comes after the referral, and the change of placement is its own event
        int referral = indexOf(r, Kind.REFERRAL);
        int care = indexOf(r, Kind.CARE_START);
        assertThat(referral).isLessThan(care);
        Event start = r.events().get(care);
        assertThat(start.date()).isEqualTo(d("2024-09-01"));
        assertThat(start.detail()).isEqualTo("legal status: C1 (interim care order); placement: U6 (foster placement with other foster carer, not long term)");
        Event moved = r.events().get(indexOf(r, Kind.PLACEMENT_CHANGE));
        assertThat(moved.date()).isEqualTo(d("2025-01-15"));
        assertThat(moved.detail()).contains("U4").contains("C2");
        assertThat(r.events()).as("an episode that ends as the next begins (X1) is no end of care").noneMatch(e -> e.kind() == Kind.CARE_END);
        assertThat(r.events()).extracting(Event::kind).contains(Kind.EARLY_HELP_START, Kind.EARLY_HELP_END, Kind.ASSESSMENT_START,
                Kind.ASSESSMENT_AUTHORISED, Kind.SECTION_47_START, Kind.SECTION_47_END, Kind.ICPC, Kind.CIN_PLAN_START, Kind.CP_PLAN_START,
                Kind.CP_PLAN_END, Kind.CIN_CLOSED, Kind.REVIEW, Kind.MISSING_START, Kind.MISSING_END);
        assertThat(r.events().get(indexOf(r, Kind.CIN_CLOSED)).detail()).isEqualTo("RC8 (case closed after assessment, no further action)");
        assertThat(r.events().get(indexOf(r, Kind.REVIEW)).detail()).isEqualTo("participation: PN1 (attended and spoke for themselves)");
        assertThat(r.events()).hasSize(2 + 2 + 2 + 2 + 2 + 1 + 2 + 2 + 2 + 1 + 2);
    }

    @Test
    void onTheSameDayEventsComeInTheOrderAJourneyRuns() {
        Result r = Chronology.merge("A", help("SSD"), Map.of(), care());
        // 1 March 2024: the contact and the referral it led to; 10 April 2024: assessment authorised, then a CIN plan begins and ends
        List<Kind> firstOfMarch = r.events().stream().filter(e -> e.date().equals(d("2024-03-01"))).map(Event::kind).toList();
        assertThat(firstOfMarch).containsExactly(Kind.CONTACT, Kind.REFERRAL);
        List<Kind> tenthOfApril = r.events().stream().filter(e -> e.date().equals(d("2024-04-10"))).map(Event::kind).toList();
        assertThat(tenthOfApril).containsExactly(Kind.CIN_PLAN_START, Kind.ASSESSMENT_AUTHORISED, Kind.CIN_PLAN_END);
        // 1 September 2024: the CP plan ends and the child starts to be looked after, from two stores
        List<Event> firstOfSeptember = r.events().stream().filter(e -> e.date().equals(d("2024-09-01"))).toList();
        assertThat(firstOfSeptember).extracting(Event::kind).containsExactly(Kind.CARE_START, Kind.CP_PLAN_END);
        assertThat(firstOfSeptember).extracting(Event::source).containsExactly(Source.SSDA903, Source.SSD);
    }

    @Test
    void aChildKnownToOneStoreGetsThatStoresEventsAndTheOtherIsSaidNotHeld() {
        Result onlyHelp = Chronology.merge("A", help("CIN_CENSUS"), Map.of(), null);
        assertThat(onlyHelp.helpHeld()).isTrue();
        assertThat(onlyHelp.careHeld()).isFalse();
        assertThat(onlyHelp.events()).isNotEmpty().allMatch(e -> e.source() == Source.CIN_CENSUS);

        Result onlyCare = Chronology.merge("A", null, Map.of(), care());
        assertThat(onlyCare.helpHeld()).isFalse();
        assertThat(onlyCare.careHeld()).isTrue();
        assertThat(onlyCare.events()).extracting(Event::kind).containsExactly(Kind.CARE_START, Kind.REVIEW, Kind.PLACEMENT_CHANGE,
                Kind.MISSING_START, Kind.MISSING_END);

        Result neither = Chronology.merge("A", null, Map.of(), null);
        assertThat(neither.events()).isEmpty();
    }

    @Test
    void aPeriodOfCareEndsAndACareLeaversStatusIsDatedAtTheirBirthdayInTheYear() {
        CareRecord leaver = new CareRecord("2026-27", d("2027-03-31"), new Child("B", "2", d("2007-08-14"), "WBRI", false),
                List.of(new Episode("B", d("2020-02-01"), d("2025-08-14"), "S", "V2", "N1", "K2", "PR1", "E8"),
                        new Episode("B", d("2019-01-01"), d("2019-03-01"), "S", "V2", "N1", "U6", "PR1", "E4A")),
                List.of(), List.of(), new CareLeaver("B", "YES", "F2", "S"));
        Result r = Chronology.merge("B", null, Map.of(), leaver);
        assertThat(r.events()).extracting(Event::kind).containsExactly(Kind.CARE_START, Kind.CARE_END, Kind.CARE_START, Kind.CARE_END,
                Kind.CARE_LEAVER);
        assertThat(r.events().get(2).kind()).as("a second period after a gap starts anew").isEqualTo(Kind.CARE_START);
        Event status = r.events().getLast();
        assertThat(status.date()).isEqualTo(d("2026-08-14"));
        assertThat(status.detail()).isEqualTo("in touch: YES (in touch); activity: F2 (other education, full time); accommodation: S");

        CareRecord suitable = new CareRecord(leaver.collectionYear(), leaver.asOf(), leaver.child(), leaver.episodes(), List.of(), List.of(),
                new CareLeaver("B", "YES", "F2", "D1"));
        assertThat(Chronology.merge("B", null, Map.of(), suitable).events().getLast().detail()).as("ACCOM in words, with its suitability")
                .isEqualTo("in touch: YES (in touch); activity: F2 (other education, full time); "
                        + "accommodation: D1 (semi-independent or transitional accommodation, suitable)");
        assertThat(r.events().get(1).detail()).as("the first period's end, in words")
                .isEqualTo("reason: E4A (returned home to parents or others with parental responsibility, as planned)");
        assertThat(r.events().get(3).detail()).isEqualTo("reason: E8 (ceased for any other reason)");
    }

    @Test
    void aCareLeaversAccommodationIsInWordsWithItsSuitability() {
        assertThat(Chronology.accommodation("B2")).isEqualTo("B2 (with parents or relatives, not suitable)");
        assertThat(Chronology.accommodation("k2")).isEqualTo("K2 (ordinary lodgings, without formal support, not suitable)");
        assertThat(Chronology.accommodation("S2")).isEqualTo("S2 (no fixed abode or homeless, not suitable)");
        assertThat(Chronology.accommodation("Z1")).isEqualTo("Z1 (with former foster carers, suitable)");
        assertThat(Chronology.accommodation("0")).isEqualTo("0 (not known: not in touch, died, or returned home for 6 months or more)");
        assertThat(Chronology.accommodation(" ")).isEmpty();
        assertThat(Chronology.accommodation(null)).isEmpty();
        assertThat(Chronology.accommodation("S")).as("a code that is not one is kept as recorded").isEqualTo("S");
        assertThat(Chronology.accommodation("Q1")).isEqualTo("Q1");
        assertThat(Chronology.accommodation("B3")).isEqualTo("B3");
        // every code the DfE validator accepts (rule 133) has words, and 1 or 2 says whether it is suitable
        for (String code : org.oversight.childdata.ssda903.Codes.ACCOM) {
            String words = Chronology.accommodation(code);
            assertThat(words).as(code).startsWith(code + " (").endsWith(code.endsWith("1") ? ", suitable)" : code.endsWith("2") ? ", not suitable)" : ")");
        }
    }

    @Test
    void eachEventNamesTheImportItCameFromByTheSnapshotsOrigin() {
        for (Origin origin : Origin.values()) {
            JourneySnapshot s = new JourneySnapshot(UUID.randomUUID(), UUID.randomUUID(), origin == Origin.CIN_CENSUS ? "CIN_CENSUS" : "SSD", "2026-27",
                    d("2026-11-30"), Instant.EPOCH, 0, origin);
            Result r = Chronology.merge("A", help(s), Map.of(), care());
            Source expected = switch (origin) {
                case SSD_EXTRACT -> Source.SSD;
                case ANNEX_A -> Source.ANNEX_A;
                case CSC_PAYLOADS -> Source.CSC_PAYLOADS;
                case CIN_CENSUS -> Source.CIN_CENSUS;
            };
            assertThat(r.events()).filteredOn(e -> e.source() != Source.SSDA903).as(origin.name()).isNotEmpty()
                    .allMatch(e -> e.source() == expected && !e.changedByPayloads());
        }
        // the stored source text says which: Annex A names its workbook, a payload that made the snapshot says so
        assertThat(Origin.of("SSD", "Annex A lists 1 to 7: annex-a.xlsx")).isEqualTo(Origin.ANNEX_A);
        assertThat(Origin.of("SSD", "DfE children's social care API payload")).isEqualTo(Origin.CSC_PAYLOADS);
        assertThat(Origin.of("SSD", "ssd_person.csv, ssd_contacts.csv")).isEqualTo(Origin.SSD_EXTRACT);
        assertThat(Origin.of("CIN_CENSUS", "cin-census.xml")).isEqualTo(Origin.CIN_CENSUS);

        // an extract that payloads changed in place since says so; a snapshot the payloads made is theirs throughout
        JourneySnapshot changed = new JourneySnapshot(UUID.randomUUID(), UUID.randomUUID(), "SSD", "2026-27", d("2026-11-30"), Instant.EPOCH, 3,
                Origin.SSD_EXTRACT);
        assertThat(Chronology.merge("A", help(changed), Map.of(), care()).events()).filteredOn(e -> e.source() == Source.SSD).isNotEmpty()
                .allMatch(Event::changedByPayloads);
        assertThat(Chronology.merge("A", help(changed), Map.of(), care()).events()).filteredOn(e -> e.source() == Source.SSDA903).isNotEmpty()
                .noneMatch(Event::changedByPayloads);
        JourneySnapshot payloads = new JourneySnapshot(UUID.randomUUID(), UUID.randomUUID(), "SSD", "2026-27", d("2026-11-30"), Instant.EPOCH, 3,
                Origin.CSC_PAYLOADS);
        assertThat(payloads.changedByPayloads()).isFalse();
    }

    @Test
    void aContactsOutcomeIsReadFromTheSsdJson() {
        assertThat(Chronology.outcome("{\"OUTCOME\":\"REFERRAL\"}")).isEqualTo("referral to children's social care");
        assertThat(Chronology.outcome("{\"OUTCOME_NFA_FLAG\":\"Y\",\"OUTCOME_EARLY_HELP_FLAG\":\"N\"}")).isEqualTo("no further action");
        assertThat(Chronology.outcome("Advice given")).isEqualTo("Advice given");
        assertThat(Chronology.outcome(null)).isEmpty();
    }

    private static int indexOf(Result r, Kind kind) {
        for (int i = 0; i < r.events().size(); i++) {
            if (r.events().get(i).kind() == kind) {
                return i;
            }
        }
        throw new AssertionError("no " + kind);
    }
}
