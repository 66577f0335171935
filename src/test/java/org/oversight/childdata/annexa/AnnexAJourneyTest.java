package org.oversight.childdata.annexa;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.annexa.AnnexAJourney.Allocation;
import org.oversight.childdata.annexa.AnnexAJourney.Assessment;
import org.oversight.childdata.annexa.AnnexAJourney.CinPlan;
import org.oversight.childdata.annexa.AnnexAJourney.Contact;
import org.oversight.childdata.annexa.AnnexAJourney.CpPlan;
import org.oversight.childdata.annexa.AnnexAJourney.EarlyHelp;
import org.oversight.childdata.annexa.AnnexAJourney.Icpc;
import org.oversight.childdata.annexa.AnnexAJourney.Journey;
import org.oversight.childdata.annexa.AnnexAJourney.Person;
import org.oversight.childdata.annexa.AnnexAJourney.Referral;
import org.oversight.childdata.annexa.AnnexAJourney.Result;
import org.oversight.childdata.annexa.AnnexAJourney.Review;
import org.oversight.childdata.annexa.AnnexAJourney.Section47;
import org.oversight.childdata.annexa.AnnexAJourney.Visit;
import org.oversight.shared.calendar.BankHolidays;
import org.oversight.shared.calendar.WorkingDayCalendar;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples of Annex A lists 1 to 7 as of a notification date (6 April 2026): window edges, open cases, working days. */
class AnnexAJourneyTest {

    private static final LocalDate NOTIFIED = LocalDate.of(2026, 4, 6);
    private final WorkingDayCalendar calendar = new WorkingDayCalendar(BankHolidays.fromClasspath());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private final List<Person> persons = new ArrayList<>(List.of(new Person("C1", "F", "WBRI", d("2015-04-07"), false),
            new Person("C2", "M", "AIND", d("2010-01-01"), true)));
    private final List<Contact> contacts = new ArrayList<>();
    private final List<EarlyHelp> earlyHelp = new ArrayList<>();
    private final List<Referral> referrals = new ArrayList<>();
    private final List<Assessment> assessments = new ArrayList<>();
    private final List<Section47> s47s = new ArrayList<>();
    private final List<Icpc> icpcs = new ArrayList<>();
    private final List<CinPlan> cinPlans = new ArrayList<>();
    private final List<CpPlan> cpPlans = new ArrayList<>();
    private final List<Visit> visits = new ArrayList<>();
    private final List<Review> reviews = new ArrayList<>();
    private final List<Allocation> allocations = new ArrayList<>();

    /** These worked examples use a 12-month window (the lists' window is a parameter); Ofsted's own is 6 months. */
    private static final int TWELVE = 12;

    @Test
    void ofstedsWindowIsTheSixMonthsEndingOnTheNotificationDate() {
        assertThat(AnnexAJourney.WINDOW_MONTHS).isEqualTo(6);
        assertThat(AnnexAJourney.windowFrom(NOTIFIED)).isEqualTo(d("2025-10-07"));
        contacts.add(new Contact("K1", "C1", d("2025-10-06"), "6: Police")); // the day before the window
        contacts.add(new Contact("K2", "C1", d("2025-10-07"), "6: Police")); // its first day
        Result r = AnnexAJourney.derive(new Journey(persons, contacts, earlyHelp, referrals, assessments, s47s, icpcs, cinPlans, cpPlans, visits,
                reviews, allocations), NOTIFIED, calendar);
        assertThat(list(r, 1)).extracting(v -> v.get("Date of Contact")).containsExactly(d("2025-10-07"));
    }

    private Result derive() {
        return AnnexAJourney.derive(new Journey(persons, contacts, earlyHelp, referrals, assessments, s47s, icpcs, cinPlans, cpPlans, visits, reviews,
                allocations), NOTIFIED, calendar, TWELVE);
    }

    private static List<Map<String, Object>> list(Result r, int n) {
        return r.lists().get(n - 1).rows();
    }

    @Test
    void theWindowIsTheTwelveMonthsEndingOnTheNotificationDateBothEndsIncluded() {
        assertThat(AnnexAJourney.windowFrom(NOTIFIED, TWELVE)).isEqualTo(d("2025-04-07"));
        contacts.add(new Contact("K1", "C1", d("2025-04-06"), "6: Police")); // the day before the window
        contacts.add(new Contact("K2", "C1", d("2025-04-07"), "6: Police")); // its first day
        contacts.add(new Contact("K3", "C2", d("2026-04-06"), "1A: Individual")); // the notification date
        contacts.add(new Contact("K4", "C2", d("2026-04-07"), "1A: Individual")); // after it: not known then
        Result r = derive();
        assertThat(list(r, 1)).extracting(v -> v.get("Date of Contact")).containsExactly(d("2025-04-07"), d("2026-04-06"));
        assertThat(r.figures().contacts()).isEqualTo(2);
        Map<String, Object> first = list(r, 1).getFirst();
        assertThat(first).containsEntry("Child Unique ID", "C1").containsEntry("Gender", "b) Female").containsEntry("Ethnicity", "a) WBRI")
                .containsEntry("Contact Source", "6: Police");
        assertThat(first.get("Age")).as("11 on 7 April 2026, still 10 on the 6th").isEqualTo(10);
    }

    @Test
    void aPlanOpenAtTheDateIsListedAndCountedOpenAndOneEndedBeforeTheWindowIsNot() {
        cpPlans.add(new CpPlan("P1", "C1", d("2024-01-10"), null, "Neglect", "Emotional abuse", 1)); // open at the date, began before the window
        cpPlans.add(new CpPlan("P2", "C2", d("2024-06-01"), d("2025-04-06"), "Physical abuse", "Physical abuse", null)); // ended the day before
        cpPlans.add(new CpPlan("P3", "C2", d("2025-05-01"), d("2025-04-07").plusMonths(6), "Neglect", "Neglect", null)); // ended in the window
        cpPlans.add(new CpPlan("P4", "C2", d("2025-12-01"), d("2026-05-01"), "Neglect", "Neglect", null)); // ends after the date: open then
        visits.add(new Visit("C1", "P1", d("2026-03-30"), "Y", "Y"));
        visits.add(new Visit("C1", "P1", d("2026-04-08"), "Y", "N")); // after the date
        reviews.add(new Review("C1", "P1", d("2026-01-15")));
        allocations.add(new Allocation("C1", d("2024-01-01"), d("2025-12-31"), "Team A", "Worker A"));
        allocations.add(new Allocation("C1", d("2026-01-01"), null, "Team B", "Worker B"));
        Result r = derive();
        List<Map<String, Object>> l7 = list(r, 7);
        assertThat(l7).extracting(v -> v.get("Child Protection Plan Start Date")).containsExactly(d("2024-01-10"), d("2025-05-01"), d("2025-12-01"));
        assertThat(r.figures().cpPlansOpen()).as("P1 and P4: P4's end was not known on the date").isEqualTo(2);
        Map<String, Object> p1 = l7.getFirst();
        assertThat(p1).containsEntry("Date of the Last Statutory Visit", d("2026-03-30")).containsEntry("Was the Child Seen Alone?", "Yes")
                .containsEntry("Date of latest review conference", d("2026-01-15")).containsEntry("Number of Previous Child Protection Plans", 1L)
                .containsEntry("Allocated Team", "Team B").containsEntry("Allocated Worker", "Worker B");
        assertThat(p1.get("Child Protection Plan End Date")).isNull();
        assertThat(l7.get(1)).containsEntry("Child Protection Plan End Date", d("2025-10-07"))
                .as("previous plans counted from the data when the census number is not held").containsEntry("Number of Previous Child Protection Plans", 1L);
        assertThat(l7.get(2).get("Child Protection Plan End Date")).isNull();
    }

    @Test
    void fortyFiveWorkingDaysFromAReferralStepOverEasterAndTheMayBankHolidays() {
        // From Thursday 20 March 2025, 45 working days skip Good Friday, Easter Monday, 5 May and 26 May: Wednesday 28 May
        // (22 May if bank holidays were ignored).
        assertThat(AnnexAJourney.assessmentInTime(d("2025-03-20"), d("2025-05-28"), calendar)).isTrue();
        assertThat(AnnexAJourney.assessmentInTime(d("2025-03-20"), d("2025-05-29"), calendar)).isFalse();
        referrals.add(new Referral("R1", "C1", d("2025-03-20"), "6", "N", null, null, "N1", "Front door", "W1"));
        referrals.add(new Referral("R2", "C2", d("2025-03-20"), "6", "N", null, null, "N2", "Front door", "W1"));
        assessments.add(new Assessment("A1", "C1", "R1", d("2025-03-21"), "Y", d("2025-05-28"), "N", "Front door", "W1"));
        assessments.add(new Assessment("A2", "C2", "R2", d("2025-03-21"), "Y", d("2025-05-29"), "Y", "Front door", "W1"));
        assessments.add(new Assessment("A3", "C2", null, d("2026-03-01"), "N", null, null, "Front door", "W2")); // open at the date
        Result r = derive();
        assertThat(list(r, 4)).as("both completed in the window, one still open").hasSize(3);
        assertThat(r.figures().assessmentsCompleted()).isEqualTo(2);
        assertThat(r.figures().assessmentsIn45Percent()).isEqualTo(50);
        assertThat(list(r, 4).get(1)).containsEntry("Was the child assessed as requiring LA children's social care support?", "No")
                .containsEntry("Does the Child have a Disability", "a) Yes");
        assertThat(list(r, 3)).as("referrals before the window are not listed").isEmpty();
        assertThat(list(r, 6)).as("both CIN episodes are open at the date").hasSize(2);
        assertThat(r.figures().cinOpen()).isEqualTo(2);
    }

    @Test
    void anIcpcWithinFifteenWorkingDaysOfTheStrategyDiscussionOverChristmas() {
        // From Monday 15 December 2025: Christmas Day, Boxing Day and New Year's Day are not working days, so day 15 is 8 January 2026.
        assertThat(AnnexAJourney.icpcInTime(d("2025-12-15"), d("2026-01-08"), calendar)).isTrue();
        assertThat(AnnexAJourney.icpcInTime(d("2025-12-15"), d("2026-01-09"), calendar)).isFalse();
        s47s.add(new Section47("S1", "C1", d("2025-12-15"), "N", "Team A", "W1"));
        s47s.add(new Section47("S2", "C2", d("2025-12-15"), "N", "Team A", "W1"));
        s47s.add(new Section47("S3", "C2", d("2026-04-01"), "N", "Team A", "W1"));
        icpcs.add(new Icpc("I1", "C1", "S1", d("2026-01-08"), "Y"));
        icpcs.add(new Icpc("I2", "C2", "S2", d("2026-01-09"), "N"));
        icpcs.add(new Icpc("I3", "C2", "S3", d("2026-04-10"), "Y")); // after the date: not held then
        Result r = derive();
        assertThat(list(r, 5)).hasSize(3);
        assertThat(r.figures().icpcsHeld()).isEqualTo(2);
        assertThat(r.figures().icpcsIn15Percent()).isEqualTo(50);
        assertThat(list(r, 5).get(1)).containsEntry("Number of Section 47 Enquiries in the last 12 months", 2L)
                .containsEntry("Number of ICPCs in the last 12 months", 1L)
                .containsEntry("Did the Initial Child Protection Conference Result in a Child Protection Plan", "No");
        assertThat(list(r, 5).get(2).get("Date of Initial Child Protection Conference")).isNull();
    }

    @Test
    void aReferralWithAnotherInTheTwelveMonthsBeforeIsAReReferralAndEarlyHelpOpenInTheWindowIsListed() {
        referrals.add(new Referral("R0", "C1", d("2025-01-10"), "6", "N", d("2025-02-01"), "RC8", null, null, null));
        referrals.add(new Referral("R1", "C1", d("2025-06-01"), "6", "Y", d("2025-06-02"), "RC8", null, null, null));
        referrals.add(new Referral("R2", "C2", d("2025-06-01"), "6", "N", null, null, null, null, null));
        earlyHelp.add(new EarlyHelp("E1", "C2", d("2025-01-01"), d("2025-04-07"), "Family hub")); // ended on the window's first day
        earlyHelp.add(new EarlyHelp("E2", "C2", d("2025-01-01"), d("2025-04-06"), "Family hub")); // ended the day before
        Result r = derive();
        assertThat(list(r, 3)).extracting(v -> v.get("Number of Referrals in Last 12 Months")).containsExactly(1L, 0L);
        assertThat(list(r, 3).getFirst()).containsEntry("Referral NFA?", "Yes");
        assertThat(r.figures().reReferrals()).isEqualTo(1);
        assertThat(list(r, 2)).hasSize(1).first().satisfies(v -> assertThat(v).containsEntry("Organisation completing assessment", "Family hub"));
        assertThat(list(r, 6)).as("R1 closed in the window, R2 open; R0 closed before it").hasSize(2);
        assertThat(list(r, 6).getFirst()).containsEntry("Case Status", "Closed").containsEntry("Reason for Closure", "RC8");
    }

    @Test
    void everyListHasTheTemplatesHeadings() {
        Result r = derive();
        assertThat(r.lists()).extracting(AnnexAJourney.AnnexList::number).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(r.lists().get(4).columns()).hasSize(14).contains("Strategy discussion initiating Section 47 Enquiry Start Date");
        assertThat(r.lists().get(6).columns()).hasSize(17);
    }
}
