package org.oversight.compliance.protection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.journey.ChildJourneys.Assessment;
import org.oversight.childdata.journey.ChildJourneys.CinPlan;
import org.oversight.childdata.journey.ChildJourneys.Conference;
import org.oversight.childdata.journey.ChildJourneys.Contact;
import org.oversight.childdata.journey.ChildJourneys.CpPlan;
import org.oversight.childdata.journey.ChildJourneys.CpReview;
import org.oversight.childdata.journey.ChildJourneys.EarlyHelp;
import org.oversight.childdata.journey.ChildJourneys.Involvement;
import org.oversight.childdata.journey.ChildJourneys.Journey;
import org.oversight.childdata.journey.ChildJourneys.JourneySnapshot;
import org.oversight.childdata.journey.ChildJourneys.Person;
import org.oversight.childdata.journey.ChildJourneys.Referral;
import org.oversight.childdata.journey.ChildJourneys.Section47;
import org.oversight.childdata.journey.ChildJourneys.Team;
import org.oversight.childdata.journey.ChildJourneys.Visit;
import org.oversight.childdata.journey.ChildJourneys.Worker;
import org.oversight.compliance.domain.Interval;
import org.oversight.compliance.domain.TimescaleRules;
import org.oversight.compliance.protection.FrontDoor.Measure;
import org.oversight.compliance.protection.FrontDoor.Period;
import org.oversight.compliance.protection.FrontDoor.Result;
import org.oversight.compliance.protection.ProtectionTimescales.Occurrence;
import org.oversight.compliance.protection.ProtectionTimescales.Status;
import org.oversight.shared.calendar.BankHolidays;
import org.oversight.shared.calendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Worked examples of the help-and-protection timescales, each due date counted by hand on a calendar with the bank
 * holidays of England (and checked with numpy's {@code busday_offset} over the same holidays).
 */
class ProtectionTimescalesTest {

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(BankHolidays.fromClasspath());
    private static final TimescaleRules RULES = TimescaleRules.bundled();
    private static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Journey journey(List<Contact> contacts, List<EarlyHelp> eh, List<Referral> referrals, List<Assessment> assessments,
                                   List<Section47> s47, List<Conference> conferences, List<CinPlan> cinPlans, List<CpPlan> cpPlans,
                                   List<Visit> visits, List<CpReview> reviews) {
        return new Journey(new JourneySnapshot(UUID.randomUUID(), UUID.randomUUID(), "SSD", "2025-26", AS_OF, Instant.EPOCH),
                List.of(new Person("A", d("2015-01-01"), null, "F", "WBRI"), new Person("B", d("2012-01-01"), null, "M", "WBRI")),
                contacts, eh, referrals, assessments, s47, conferences, cinPlans, cpPlans, visits, reviews,
                List.of(new Involvement("I1", "A", "A-R1", "W1", "T1", d("2025-01-01"), null)),
                List.of(new Worker("W1", "Social worker one", "T1", null, false)), List.of(new Team("T1", "Team one")));
    }

    private static Referral referral(String id, String child, String date, String closed, String reason) {
        return new Referral(id, child, d(date), "1A", "N1", false, reason, closed == null ? null : d(closed), null, null, null);
    }

    private static Occurrence only(List<Occurrence> occurrences) {
        assertThat(occurrences).hasSize(1);
        return occurrences.getFirst();
    }

    private ProtectionTimescales.Evaluation evaluate(Journey j) {
        return new ProtectionTimescales(RULES, CALENDAR).evaluate(j, AS_OF);
    }

    @Test
    void theAssessmentClockRunsFortyFiveWorkingDaysFromTheReferralOverEasterAndTheMayBankHolidays() {
        // Thursday 10 April 2025: 45 working days, skipping Good Friday, Easter Monday, 5 May and 26 May, ends on 18 June 2025
        // (without the four bank holidays it would be 12 June).
        var j = journey(List.of(), List.of(), List.of(referral("A-R1", "A", "2025-04-10", null, null), referral("B-R1", "B", "2025-04-10", null, null)),
                List.of(new Assessment("A-A1", "A", "A-R1", d("2025-04-11"), d("2025-06-18"), "Y", false, null, null),
                        new Assessment("B-A1", "B", "B-R1", d("2025-04-11"), d("2025-06-19"), "Y", false, null, null)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        var e = evaluate(j);
        Occurrence a = e.of(ProtectionTimescales.ASSESSMENT).stream().filter(o -> o.child().equals("A")).findFirst().orElseThrow();
        assertThat(a.due()).isEqualTo(d("2025-06-18"));
        assertThat(a.status()).isEqualTo(Status.MET);
        Occurrence b = e.of(ProtectionTimescales.ASSESSMENT).stream().filter(o -> o.child().equals("B")).findFirst().orElseThrow();
        assertThat(b.status()).isEqualTo(Status.LATE);
        assertThat(b.reason()).isEqualTo("45 working days from the referral on 10 April 2025");
    }

    @Test
    void theConferenceClockRunsFromTheLastStrategyDiscussionOverChristmas() {
        // Strategy discussions on 1 and 15 December 2025 for the same referral; 15 working days from 15 December, skipping
        // Christmas Day, Boxing Day and New Year's Day, end on 8 January 2026. Held on 7 January: in time (from the first
        // discussion it would have been late).
        var j = journey(List.of(), List.of(), List.of(referral("A-R1", "A", "2025-11-20", null, null)), List.of(),
                List.of(new Section47("A-S1", "A-R1", "A", d("2025-12-01"), d("2025-12-05"), false, false, null, null),
                        new Section47("A-S2", "A-R1", "A", d("2025-12-15"), d("2025-12-19"), false, false, null, null)),
                List.of(new Conference("A-C1", "A-S2", "A", "A-CP1", "A-R1", false, null, d("2026-01-07"), true, null, null)),
                List.of(), List.of(), List.of(), List.of());
        Occurrence c = only(evaluate(j).of(ProtectionTimescales.ICPC));
        assertThat(c.start()).isEqualTo(d("2025-12-15"));
        assertThat(c.due()).isEqualTo(d("2026-01-08"));
        assertThat(c.status()).isEqualTo(Status.MET);
    }

    @Test
    void aPlanTransferredInHasNoConferenceClockButItsReviewsRunFromItsStart() {
        var j = journey(List.of(), List.of(), List.of(referral("A-R1", "A", "2025-09-01", null, null)), List.of(), List.of(),
                List.of(new Conference("A-C1", null, "A", "A-CP1", "A-R1", true, null, d("2025-09-10"), true, null, null)), List.of(),
                List.of(new CpPlan("A-CP1", "A-R1", "A-C1", "A", d("2025-09-10"), null, "N", 1)), List.of(),
                List.of(new CpReview("A-V1", "A", "A-CP1", null, d("2025-12-12"))));
        var e = evaluate(j);
        assertThat(e.of(ProtectionTimescales.ICPC)).as("no ICPC clock for a transfer in").isEmpty();
        List<Occurrence> reviews = e.of(ProtectionTimescales.CP_REVIEW);
        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0).due()).isEqualTo(d("2025-12-10"));
        assertThat(reviews.get(0).status()).as("the first review two days after 3 months").isEqualTo(Status.LATE);
        assertThat(reviews.get(1).due()).as("later reviews within 6 months of the last").isEqualTo(d("2026-06-12"));
        assertThat(reviews.get(1).status()).isEqualTo(Status.DUE);
    }

    @Test
    void visitsWhereTheChildWasNotSeenDoNotStopTheClock() {
        // CP plan from Monday 2 June 2025: 10 working days end on 16 June; a visit on 13 June where the child was not seen does not count.
        var j = journey(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new CpPlan("A-CP1", null, null, "A", d("2025-06-02"), d("2025-07-01"), "N", 0)),
                List.of(new Visit("V1", "A", "A-CP1", true, d("2025-06-13"), false, false), new Visit("V2", "A", "A-CP1", true, d("2025-06-17"), true, true),
                        new Visit("V3", "A", "A-CP1", true, d("2025-06-27"), true, false)),
                List.of());
        List<Occurrence> visits = evaluate(j).of(ProtectionTimescales.CP_VISIT);
        assertThat(visits).hasSize(2);
        assertThat(visits.get(0).due()).isEqualTo(d("2025-06-16"));
        assertThat(visits.get(0).done()).isEqualTo(d("2025-06-17"));
        assertThat(visits.get(0).status()).isEqualTo(Status.LATE);
        assertThat(visits.get(1).status()).isEqualTo(Status.MET);
    }

    @Test
    void anAdministratorsLocalStandardForVisitsApplies() {
        var j = journey(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(new CinPlan("A-P1", null, "A", d("2025-06-02"), d("2025-09-01"), null, null)), List.of(),
                List.of(new Visit("V1", "A", null, false, d("2025-06-25"), true, false)), List.of());
        assertThat(evaluate(j).of(ProtectionTimescales.CIN_VISIT).getFirst().status()).as("20 working days by default: 30 June").isEqualTo(Status.MET);
        var stricter = RULES.withInterval(ProtectionTimescales.CIN_VISIT, "visit", new Interval(10, Interval.Unit.WORKING_DAYS));
        assertThat(new ProtectionTimescales(stricter, CALENDAR).evaluate(j, AS_OF).of(ProtectionTimescales.CIN_VISIT).getFirst().status())
                .isEqualTo(Status.LATE);
    }

    @Test
    void contradictoryDatesAreFindingsAndNeverInTime() {
        var j = journey(List.of(), List.of(), List.of(referral("A-R1", "A", "2025-05-01", null, null), referral("B-R1", "B", "2025-05-01", "2025-04-01", "RC8")),
                List.of(new Assessment("A-A1", "A", "A-R1", d("2025-05-10"), d("2025-05-05"), "Y", false, null, null)),
                List.of(new Section47("A-S1", "A-R1", "A", d("2025-06-10"), null, false, false, null, null)),
                List.of(new Conference("A-C1", "A-S1", "A", null, "A-R1", false, null, d("2025-06-01"), true, null, null)), List.of(),
                List.of(new CpPlan("A-CP1", "A-R1", "A-C1", "A", d("2025-06-01"), d("2025-08-01"), "N", 0)),
                List.of(new Visit("V9", "A", "A-CP1", true, d("2025-09-01"), true, true)), List.of());
        var e = evaluate(j);
        assertThat(e.findings()).extracting(ProtectionTimescales.Finding::message).contains(
                "The assessment was authorised on 5 May 2025, before it started on 10 May 2025",
                "The initial conference on 1 June 2025 is before its section 47 enquiry began on 10 June 2025",
                "A visit on 1 September 2025 is recorded against a plan that ended on 1 August 2025",
                "The episode closed on 1 April 2025, before the referral on 1 May 2025");
        assertThat(e.of(ProtectionTimescales.ASSESSMENT)).as("the contradictory assessment is not counted").isEmpty();
        assertThat(e.of(ProtectionTimescales.ICPC)).noneMatch(o -> o.status() == Status.MET);
    }

    @Test
    void aStepDownFollowedByEarlyHelpAndAStepUpIsCountedWithItsWorkingDays() {
        // Closed to early help on Monday 2 June 2025; early help began on Tuesday 10 June: 6 working days later.
        // Referred again on 1 November 2025: stepped back up within 12 months. Child B was stepped down and got no early help.
        var j = journey(List.of(new Contact("K1", "A", d("2025-10-31"), "1A")),
                List.of(new EarlyHelp("EH1", "A", d("2025-06-10"), null, "Step-down", null, null)),
                List.of(referral("A-R1", "A", "2025-04-01", "2025-06-02", "RC9"), referral("A-R2", "A", "2025-11-01", null, null),
                        referral("B-R1", "B", "2025-04-01", "2025-07-01", "Closed: referred to early help")),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        FrontDoor door = new FrontDoor(CALENDAR, Set.of("RC9"), 10);
        Result r = door.compute(j, evaluate(j), new Period(d("2025-04-01"), d("2026-03-31")), AS_OF);
        assertThat(r.stepDowns()).hasSize(2);
        FrontDoor.StepDown a = r.stepDowns().getFirst();
        assertThat(a.child()).isEqualTo("A");
        assertThat(a.workingDays()).isEqualTo(6);
        assertThat(a.steppedUp()).isEqualTo(d("2025-11-01"));
        assertThat(a.owner().teamName()).isEqualTo("Team one");
        FrontDoor.StepDown b = r.stepDowns().get(1);
        assertThat(b.earlyHelpStarted()).isNull();
        assertThat(r.figure(Measure.STEP_DOWN_EARLY_HELP_STARTED, Result.all())).isEqualTo(new FrontDoor.Figure(Measure.STEP_DOWN_EARLY_HELP_STARTED, 1, 2));
        assertThat(r.figure(Measure.STEP_DOWN_NO_EARLY_HELP, Result.all()).hits()).isEqualTo(1);
        assertThat(r.figure(Measure.STEP_DOWN_STEPPED_UP, Result.all()).hits()).isEqualTo(1);
        assertThat(r.figure(Measure.RE_REFERRALS, Result.all())).as("A's second referral is within 12 months of the first")
                .isEqualTo(new FrontDoor.Figure(Measure.RE_REFERRALS, 1, 3));
        assertThat(r.figure(Measure.CONTACTS, Result.all()).hits()).as("the contact became the referral the next day").isEqualTo(1);
        assertThat(r.funnel(Result.all()).getFirst().count()).isEqualTo(1);
        assertThat(r.funnel(Result.all()).get(1).conversion()).isEqualTo(300);
    }

    @Test
    void everyClockIsOneChildsOwnSoAChildsRowsAloneGiveTheSameClocks() {
        var j = journey(List.of(new Contact("K1", "A", d("2025-04-09"), "1A"), new Contact("K2", "B", d("2025-04-09"), "1A")), List.of(),
                List.of(referral("A-R1", "A", "2025-04-10", null, null), referral("B-R1", "B", "2025-04-10", "2025-04-01", "RC8")),
                List.of(new Assessment("A-A1", "A", "A-R1", d("2025-04-11"), d("2025-06-18"), "Y", false, null, null),
                        new Assessment("B-A1", "B", "B-R1", d("2025-04-11"), null, "Y", false, null, null)),
                List.of(), List.of(), List.of(), List.of(new CpPlan("B-CP1", "B-R1", null, "B", d("2025-06-02"), null, "N", 0)),
                List.of(new Visit("V1", "B", "B-CP1", true, d("2025-06-10"), true, true)), List.of());
        var whole = evaluate(j);
        var onlyB = journey(List.of(j.contacts().get(1)), List.of(), List.of(j.referrals().get(1)), List.of(j.assessments().get(1)), List.of(),
                List.of(), List.of(), j.cpPlans(), j.visits(), List.of());
        var alone = evaluate(onlyB);
        assertThat(alone.occurrences()).isNotEmpty().isEqualTo(whole.ofChild("B"));
        assertThat(alone.findings()).isNotEmpty().isEqualTo(whole.findings().stream().filter(f -> f.child().equals("B")).toList());
    }

    @Test
    void absurdStandardsAndPeriodsAreRefused() {
        assertThatThrownBy(() -> new FrontDoor(CALENDAR, Set.of("RC9"), -1)).hasMessageContaining("between 0 and 200");
        assertThatThrownBy(() -> new Period(d("2026-01-02"), d("2026-01-01"))).hasMessageContaining("on or before its end");
        assertThatThrownBy(() -> new Interval(0, Interval.Unit.WORKING_DAYS)).hasMessageContaining("must be positive");
    }
}
