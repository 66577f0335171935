package org.oversight.childdata.cin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.oversight.childdata.cin.CinCensus.Assessment;
import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.CinPlan;
import org.oversight.childdata.cin.CinCensus.ProtectionPlan;
import org.oversight.childdata.cin.CinCensus.Section47;

/**
 * Which children and modules of a child's whole history belong in the CIN census of a collection year, and as they
 * stood on its reference date. The census of year {@code Y} (e.g. 2026 for 2025-26) covers 1 April of {@code Y - 1} to
 * its reference date, 31 March of {@code Y} (the DfE's [Period_of_Census]); a child is in it when one of its episodes of
 * need was open on some day of that period. Rules, in DfE's terms:
 * <ul>
 *   <li>an episode ({@code CINdetails}) is kept when it was referred on or before the reference date and not closed
 *       before the period began; a closure after the reference date is not yet known on it, so the closure date and
 *       reason are left out (rule 8620: a closure date must fall within the year);</li>
 *   <li>an assessment, CIN plan or child protection plan is kept when it started on or before the reference date and
 *       had not ended (been authorised) before the period began; an end after the reference date is left out, and so are
 *       the factors of an assessment not yet authorised then (rule 8614);</li>
 *   <li>a section 47 enquiry is kept when it started on or before the reference date and either started in the period
 *       or its initial conference is in the period or still to come (rule 8715: a conference date must fall within the
 *       year); a conference after the reference date is left out, and so is the episode's own conference date when it
 *       is outside the period;</li>
 *   <li>a plan's review dates after the reference date are left out;</li>
 *   <li>a child born after the reference date was unborn on it: the birth date is given as the expected one (rule 8520)
 *       and the sex as not known, U (rule 8750).</li>
 * </ul>
 * A module whose start is unknown is kept as it is, for the rules to report. Pure and without a database.
 */
public record CensusYear(int year) {

    /** 31 March of the year: the census's ReferenceDate. */
    public LocalDate reference() {
        return LocalDate.of(year, 3, 31);
    }

    /** 1 April of the year before: the first day of the period. */
    public LocalDate start() {
        return LocalDate.of(year - 1, 4, 1);
    }

    /** "2025-26" for 2026. */
    public String label() {
        return (year - 1) + "-" + String.format("%02d", year % 100);
    }

    /** The header of a return made by Oversight for the LA's DfE code, made at {@code madeAt} (an ISO date-time). */
    public CinCensus.Header header(String laCode, String madeAt) {
        return new CinCensus.Header("CIN", Integer.toString(year), CinDate.of(reference()), "L", laCode, "Oversight", "1", "001", madeAt);
    }

    /** The child as the census of the year has it, or null when none of its episodes was open in the period. */
    public Child scope(Child c) {
        List<CinDetails> episodes = new ArrayList<>();
        for (CinDetails e : c.cinDetails()) {
            CinDetails kept = episode(e);
            if (kept != null) {
                episodes.add(kept);
            }
        }
        if (episodes.isEmpty()) {
            return null;
        }
        boolean unborn = after(c.personBirthDate());
        return new Child(c.laChildId(), c.upn(), c.formerUpn(), c.upnUnknown(), unborn ? null : c.personBirthDate(),
                unborn && c.expectedPersonBirthDate() == null ? c.personBirthDate() : c.expectedPersonBirthDate(),
                unborn && c.genderCurrent() != null ? "0" : c.genderCurrent(), unborn && c.sex() != null ? "U" : c.sex(), after(c.personDeathDate()) ? null : c.personDeathDate(), c.ethnicity(), c.disabilities(), episodes);
    }

    /** Every child of the history that belongs in the census, in the same order. */
    public List<Child> scope(List<Child> children) {
        List<Child> out = new ArrayList<>();
        for (Child c : children) {
            Child kept = scope(c);
            if (kept != null) {
                out.add(kept);
            }
        }
        return out;
    }

    private CinDetails episode(CinDetails e) {
        if (!openInPeriod(e.referralDate(), e.closureDate())) {
            return null;
        }
        boolean closedLater = after(e.closureDate());
        List<Assessment> assessments = new ArrayList<>();
        for (Assessment a : e.assessments()) {
            if (openInPeriod(a.actualStartDate(), a.authorisationDate())) {
                assessments.add(after(a.authorisationDate()) ? new Assessment(a.actualStartDate(), after(a.internalReviewDate()) ? null
                        : a.internalReviewDate(), null, List.of()) : a);
            }
        }
        List<CinPlan> cinPlans = new ArrayList<>();
        for (CinPlan p : e.cinPlans()) {
            if (openInPeriod(p.startDate(), p.endDate())) {
                cinPlans.add(after(p.endDate()) ? new CinPlan(p.startDate(), null) : p);
            }
        }
        List<Section47> section47s = new ArrayList<>();
        for (Section47 s : e.section47s()) {
            LocalDate start = CinDate.dateOf(s.actualStartDate());
            LocalDate icpc = CinDate.dateOf(s.dateOfInitialCpc());
            if (start != null && start.isAfter(reference())) {
                continue;
            }
            boolean startedInPeriod = start == null || !start.isBefore(start());
            boolean conferenceInOrAfterPeriod = icpc != null && !icpc.isBefore(start());
            boolean conferenceToCome = icpc == null && !isYes(s.icpcNotRequired()) && s.initialCpcTarget() != null;
            if (startedInPeriod || conferenceInOrAfterPeriod || conferenceToCome) {
                section47s.add(after(s.dateOfInitialCpc()) ? new Section47(s.actualStartDate(), s.initialCpcTarget(), null, s.icpcNotRequired()) : s);
            }
        }
        List<ProtectionPlan> plans = new ArrayList<>();
        for (ProtectionPlan p : e.protectionPlans()) {
            if (openInPeriod(p.startDate(), p.endDate())) {
                List<CinDate> reviews = p.reviewDates().stream().filter(r -> !after(r)).toList();
                plans.add(new ProtectionPlan(p.startDate(), after(p.endDate()) ? null : p.endDate(), p.initialCategoryOfAbuse(),
                        p.latestCategoryOfAbuse(), p.numberOfPreviousCpp(), reviews));
            }
        }
        LocalDate episodeCpc = CinDate.dateOf(e.dateOfInitialCpc());
        CinDate cpc = episodeCpc != null && (episodeCpc.isBefore(start()) || episodeCpc.isAfter(reference())) ? null : e.dateOfInitialCpc();
        return new CinDetails(e.referralDate(), e.referralSource(), e.primaryNeedCode(), closedLater ? null : e.closureDate(),
                closedLater ? null : e.reasonForClosure(), cpc, e.referralNfa(), assessments, cinPlans, section47s, plans, e.preProceedings());
    }

    /** Started on or before the reference date and not ended before the period (an unknown start is kept for the rules). */
    private boolean openInPeriod(CinDate from, CinDate to) {
        LocalDate start = CinDate.dateOf(from);
        LocalDate end = CinDate.dateOf(to);
        return (start == null || !start.isAfter(reference())) && (end == null || !end.isBefore(start()));
    }

    private boolean after(CinDate date) {
        LocalDate d = CinDate.dateOf(date);
        return d != null && d.isAfter(reference());
    }

    private static boolean isYes(String flag) {
        return flag != null && (flag.strip().equalsIgnoreCase("true") || flag.strip().equals("1"));
    }
}
