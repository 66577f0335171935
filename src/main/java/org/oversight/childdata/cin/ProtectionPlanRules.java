package org.oversight.childdata.cin;

import static org.oversight.childdata.cin.RuleSupport.d;
import static org.oversight.childdata.cin.RuleSupport.eq;
import static org.oversight.childdata.cin.RuleSupport.ge;
import static org.oversight.childdata.cin.RuleSupport.gt;
import static org.oversight.childdata.cin.RuleSupport.isTrue;
import static org.oversight.childdata.cin.RuleSupport.known;
import static org.oversight.childdata.cin.RuleSupport.le;
import static org.oversight.childdata.cin.RuleSupport.lt;
import static org.oversight.childdata.cin.RuleSupport.ne;
import static org.oversight.childdata.cin.RuleSupport.unknown;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.oversight.childdata.cin.CinCensus.Assessment;
import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.CinPlan;
import org.oversight.childdata.cin.CinCensus.ProtectionPlan;
import org.oversight.childdata.cin.CinCensus.Section47;
import org.oversight.childdata.cin.PlanRules.At;

/** The rules DfE files under ChildProtectionPlans. */
final class ProtectionPlanRules {

    private ProtectionPlanRules() {
    }

    /** Each child protection plan of a child, with its episode and position. */
    interface Visitor {
        void visit(int cin, int j, CinDetails episode, ProtectionPlan plan);
    }

    static void each(Child c, Visitor v) {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            for (int j = 0; j < e.protectionPlans().size(); j++) {
                v.visit(i, j, e, e.protectionPlans().get(j));
            }
        }
    }

    /** 1105: a child protection plan cannot start before the episode's referral date. */
    static final CinRule R1105 = CinRule.child("1105", (c, census, f) -> each(c, (i, j, e, p) -> {
        if (gt(d(e.referralDate()), d(p.startDate()))) {
            f.protectionPlan(i, j, "CPPstartDate");
            f.cin(i, "CINreferralDate");
        }
    }));

    /**
     * 2883 (return level): the plans starting in the census period must not outnumber the initial conferences held in
     * it (recorded on episodes and on section 47 enquiries).
     */
    static final CinRule R2883 = CinRule.whole("2883", () -> new CinRule.ReturnCheck() {
        long plans;
        long conferences;

        @Override
        public void child(Child child, ChildRef ref, CensusContext census) {
            for (CinDetails e : child.cinDetails()) {
                if (census.inPeriod(d(e.dateOfInitialCpc()))) {
                    conferences++;
                }
                for (Section47 s : e.section47s()) {
                    if (census.inPeriod(d(s.dateOfInitialCpc()))) {
                        conferences++;
                    }
                }
                for (ProtectionPlan p : e.protectionPlans()) {
                    if (census.inPeriod(d(p.startDate()))) {
                        plans++;
                    }
                }
            }
        }

        @Override
        public void finish(CensusContext census, Flags flags) {
            if (plans > conferences) {
                flags.wholeReturn("CPPstartDate", plans + " plans started in the census year, " + conferences
                        + " initial conferences");
            }
        }
    });

    /**
     * 2885: a plan starting in the census period must start on the day of an initial conference: one of its episode's
     * section 47 enquiries (those not marked as needing no conference), or, when the episode has none, the episode's own
     * DateOfInitialCPC. Flags the plan, and the conference dates of an episode where no plan matches.
     */
    static final CinRule R2885 = CinRule.child("2885", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (e.protectionPlans().isEmpty()) {
                continue;
            }
            List<Integer> eligible = new java.util.ArrayList<>();
            for (int j = 0; j < e.section47s().size(); j++) {
                if (!isTrue(e.section47s().get(j).icpcNotRequired())) {
                    eligible.add(j);
                }
            }
            List<Integer> starting = new java.util.ArrayList<>();
            for (int j = 0; j < e.protectionPlans().size(); j++) {
                if (census.inPeriod(d(e.protectionPlans().get(j).startDate()))) {
                    starting.add(j);
                }
            }
            if (starting.isEmpty()) {
                continue;
            }
            if (!eligible.isEmpty()) {
                boolean anyMatch = false;
                Set<LocalDate> matched = new HashSet<>();
                for (int p : starting) {
                    for (int s : eligible) {
                        LocalDate start = d(e.protectionPlans().get(p).startDate());
                        if (eq(start, d(e.section47s().get(s).dateOfInitialCpc()))) {
                            anyMatch = true;
                            matched.add(start);
                        }
                    }
                }
                for (int p : starting) {
                    LocalDate start = d(e.protectionPlans().get(p).startDate());
                    for (int s : eligible) {
                        if (ne(start, d(e.section47s().get(s).dateOfInitialCpc()))) {
                            if (!anyMatch) {
                                f.section47(i, s, "DateOfInitialCPC");
                            }
                            if (!matched.contains(start)) {
                                f.protectionPlan(i, p, "CPPstartDate");
                            }
                        }
                    }
                }
            } else {
                LocalDate conference = d(e.dateOfInitialCpc());
                boolean anyMatch = starting.stream().anyMatch(p -> eq(d(e.protectionPlans().get(p).startDate()), conference));
                for (int p : starting) {
                    if (ne(d(e.protectionPlans().get(p).startDate()), conference)) {
                        if (!anyMatch) {
                            f.cin(i, "DateOfInitialCPC");
                        }
                        f.protectionPlan(i, p, "CPPstartDate");
                    }
                }
            }
        }
    });

    /**
     * 8565: a closure date must be on or after every date of the episode: assessment start and authorisation, section
     * 47 start and conference, the episode's conference, plan ends, CIN plan start and end. Flags the episode and each
     * module with a later date.
     */
    static final CinRule R8565 = CinRule.child("8565", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            LocalDate closure = d(e.closureDate());
            if (closure == null) {
                continue;
            }
            boolean after = lt(closure, d(e.dateOfInitialCpc()));
            for (int j = 0; j < e.assessments().size(); j++) {
                Assessment a = e.assessments().get(j);
                if (lt(closure, d(a.actualStartDate())) || lt(closure, d(a.authorisationDate()))) {
                    f.assessment(i, j, "AssessmentActualStartDate", "AssessmentAuthorisationDate");
                    after = true;
                }
            }
            for (int j = 0; j < e.section47s().size(); j++) {
                Section47 s = e.section47s().get(j);
                if (lt(closure, d(s.actualStartDate())) || lt(closure, d(s.dateOfInitialCpc()))) {
                    f.section47(i, j, "S47ActualStartDate", "DateOfInitialCPC");
                    after = true;
                }
            }
            for (int j = 0; j < e.protectionPlans().size(); j++) {
                if (lt(closure, d(e.protectionPlans().get(j).endDate()))) {
                    f.protectionPlan(i, j, "CPPendDate");
                    after = true;
                }
            }
            for (int j = 0; j < e.cinPlans().size(); j++) {
                CinPlan p = e.cinPlans().get(j);
                if (lt(closure, d(p.startDate())) || lt(closure, d(p.endDate()))) {
                    f.plan(i, j, "CINPlanStartDate", "CINPlanEndDate");
                    after = true;
                }
            }
            if (after) {
                f.cin(i, "CINclosureDate", "DateOfInitialCPC");
            }
        }
    });

    /** 8720: a plan start date must be present and on or before the reference date. */
    static final CinRule R8720 = CinRule.child("8720", (c, census, f) -> each(c, (i, j, e, p) -> {
        if (unknown(p.startDate()) || gt(d(p.startDate()), census.referenceDate())) {
            f.protectionPlan(i, j, "CPPstartDate");
        }
    }));

    /** 8730: the number of previous plans must be present and a whole number, zero or more. */
    static final CinRule R8730 = CinRule.child("8730", (c, census, f) -> each(c, (i, j, e, p) -> {
        String n = p.numberOfPreviousCpp();
        if (n == null || !n.matches("\\+?\\d{1,9}")) {
            f.protectionPlan(i, j, "NumberOfPreviousCPP");
        }
    }));

    /** 8832: a referral with no further action cannot have a child protection plan. */
    static final CinRule R8832 = CinRule.child("8832", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (isTrue(e.referralNfa()) && !e.protectionPlans().isEmpty()) {
                for (int j = 0; j < e.protectionPlans().size(); j++) {
                    f.protectionPlan(i, j, "LAchildID");
                }
                f.cin(i, "ReferralNFA");
            }
        }
    });

    /** 8840: a plan cannot start and end on the same day. */
    static final CinRule R8840 = CinRule.child("8840", (c, census, f) -> each(c, (i, j, e, p) -> {
        if (eq(d(p.startDate()), d(p.endDate()))) {
            f.protectionPlan(i, j, "CPPstartDate", "CPPendDate");
        }
    }));

    /** 8841: a review cannot be on or before the plan's start date. */
    static final CinRule R8841 = CinRule.child("8841", (c, census, f) -> each(c, (i, j, e, p) -> {
        for (int k = 0; k < p.reviewDates().size(); k++) {
            if (le(d(p.reviewDates().get(k)), d(p.startDate()))) {
                f.protectionPlan(i, j, "CPPstartDate");
                f.review(i, j, k);
            }
        }
    }));

    private static final Set<String> ABUSE = Set.of("NEG", "PHY", "SAB", "EMO", "MUL");

    /** 8905: the initial category of abuse must be present and valid. */
    static final CinRule R8905 = CinRule.child("8905", (c, census, f) -> each(c, (i, j, e, p) -> {
        if (p.initialCategoryOfAbuse() == null || !ABUSE.contains(p.initialCategoryOfAbuse())) {
            f.protectionPlan(i, j, "InitialCategoryOfAbuse");
        }
    }));

    /** 8910: the latest category of abuse must be present and valid. */
    static final CinRule R8910 = CinRule.child("8910", (c, census, f) -> each(c, (i, j, e, p) -> {
        if (p.latestCategoryOfAbuse() == null || !ABUSE.contains(p.latestCategoryOfAbuse())) {
            f.protectionPlan(i, j, "LatestCategoryOfAbuse");
        }
    }));

    /** 8915: a plan cannot start after the child's date of death. */
    static final CinRule R8915 = CinRule.child("8915", (c, census, f) -> {
        LocalDate death = d(c.personDeathDate());
        each(c, (i, j, e, p) -> {
            if (gt(d(p.startDate()), death)) {
                f.protectionPlan(i, j, "CPPstartDate");
                f.identifiers("PersonDeathDate");
            }
        });
    });

    /** 8920: a plan cannot end after the child's date of death. */
    static final CinRule R8920 = CinRule.child("8920", (c, census, f) -> {
        LocalDate death = d(c.personDeathDate());
        each(c, (i, j, e, p) -> {
            if (gt(d(p.endDate()), death)) {
                f.protectionPlan(i, j, "CPPendDate");
                f.identifiers("PersonDeathDate");
            }
        });
    });

    /** 8925: a plan cannot end before it starts. */
    static final CinRule R8925 = CinRule.child("8925", (c, census, f) -> each(c, (i, j, e, p) -> {
        if (lt(d(p.endDate()), d(p.startDate()))) {
            f.protectionPlan(i, j, "CPPstartDate", "CPPendDate");
        }
    }));

    /** 8930: a plan end date must fall within the census period. */
    static final CinRule R8930 = CinRule.child("8930", (c, census, f) -> each(c, (i, j, e, p) -> {
        if (census.outsidePeriod(d(p.endDate()))) {
            f.protectionPlan(i, j, "CPPendDate");
        }
    }));

    /** 8935: a child may have only one open plan (no end date); when there are more, each open one is flagged. */
    static final CinRule R8935 = CinRule.child("8935", (c, census, f) -> {
        int open = 0;
        for (CinDetails e : c.cinDetails()) {
            for (ProtectionPlan p : e.protectionPlans()) {
                if (unknown(p.endDate())) {
                    open++;
                }
            }
        }
        if (open > 1) {
            each(c, (i, j, e, p) -> {
                if (unknown(p.endDate())) {
                    f.protectionPlan(i, j, "CPPendDate");
                }
            });
        }
    });

    /**
     * 8940: no plan of a child may start on or after another's start and on or before its end (or, if that one is
     * open, on or before the reference date).
     */
    static final CinRule R8940 = CinRule.child("8940", (c, census, f) -> {
        List<At<ProtectionPlan>> ps = PlanRules.protectionPlans(c);
        for (At<ProtectionPlan> a : ps) {
            LocalDate start = d(a.item().startDate());
            if (start == null) {
                continue;
            }
            for (At<ProtectionPlan> b : ps) {
                if (a == b || !known(b.item().startDate())) {
                    continue;
                }
                boolean beforeEnd = le(start, d(b.item().endDate()));
                boolean stillOpen = le(start, census.end()) && unknown(b.item().endDate());
                if (ge(start, d(b.item().startDate())) && (beforeEnd || stillOpen)) {
                    f.protectionPlan(a.cin(), a.j(), "CPPstartDate");
                    f.protectionPlan(b.cin(), b.j(), "CPPstartDate", "CPPendDate");
                }
            }
        }
    });

    static final List<CinRule> ALL = List.of(R1105, R2883, R2885, R8565, R8720, R8730, R8832, R8840, R8841, R8905, R8910,
            R8915, R8920, R8925, R8930, R8935, R8940);
}
