package org.oversight.childdata.cin;

import static org.oversight.childdata.cin.RuleSupport.d;
import static org.oversight.childdata.cin.RuleSupport.eq;
import static org.oversight.childdata.cin.RuleSupport.ge;
import static org.oversight.childdata.cin.RuleSupport.gt;
import static org.oversight.childdata.cin.RuleSupport.isTrue;
import static org.oversight.childdata.cin.RuleSupport.known;
import static org.oversight.childdata.cin.RuleSupport.le;
import static org.oversight.childdata.cin.RuleSupport.lt;
import static org.oversight.childdata.cin.RuleSupport.unknown;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.oversight.childdata.cin.CinCensus.Child;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.CinPlan;
import org.oversight.childdata.cin.CinCensus.ProtectionPlan;

/** The rules DfE files under CINplanDates and Reviews. */
final class PlanRules {

    private PlanRules() {
    }

    /** A module with its place in the child. */
    record At<T>(int cin, int j, T item) {
    }

    static List<At<CinPlan>> plans(Child c) {
        if (c.cinDetails().stream().allMatch(e -> e.cinPlans().isEmpty())) {
            return List.of();
        }
        List<At<CinPlan>> all = new ArrayList<>();
        for (int i = 0; i < c.cinDetails().size(); i++) {
            List<CinPlan> ps = c.cinDetails().get(i).cinPlans();
            for (int j = 0; j < ps.size(); j++) {
                all.add(new At<>(i, j, ps.get(j)));
            }
        }
        return all;
    }

    static List<At<ProtectionPlan>> protectionPlans(Child c) {
        if (c.cinDetails().stream().allMatch(e -> e.protectionPlans().isEmpty())) {
            return List.of();
        }
        List<At<ProtectionPlan>> all = new ArrayList<>();
        for (int i = 0; i < c.cinDetails().size(); i++) {
            List<ProtectionPlan> ps = c.cinDetails().get(i).protectionPlans();
            for (int j = 0; j < ps.size(); j++) {
                all.add(new At<>(i, j, ps.get(j)));
            }
        }
        return all;
    }

    /** 4000: a referral with no further action cannot have CIN plan dates. */
    static final CinRule R4000 = CinRule.child("4000", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (isTrue(e.referralNfa()) && !e.cinPlans().isEmpty()) {
                for (int j = 0; j < e.cinPlans().size(); j++) {
                    f.plan(i, j, "LAchildID");
                }
                f.cin(i, "ReferralNFA");
            }
        }
    });

    /** 4001: within an episode, an open child protection plan and an open CIN plan cannot both be present. */
    static final CinRule R4001 = CinRule.child("4001", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            for (int j = 0; j < e.protectionPlans().size(); j++) {
                if (known(e.protectionPlans().get(j).endDate())) {
                    continue;
                }
                for (int p = 0; p < e.cinPlans().size(); p++) {
                    CinPlan plan = e.cinPlans().get(p);
                    if (known(plan.startDate()) && unknown(plan.endDate())) {
                        f.protectionPlan(i, j, "CPPendDate");
                        f.plan(i, p, "CINPlanEndDate");
                    }
                }
            }
        }
    });

    /**
     * 4003: a child protection plan review cannot fall on or after a CIN plan's start and before its end, unless the
     * review is on the day the protection plan ended (DfE's tool checks ended protection plans only, against every CIN
     * plan of the child).
     */
    static final CinRule R4003 = CinRule.child("4003", (c, census, f) -> {
        List<At<CinPlan>> plans = plans(c);
        for (At<ProtectionPlan> cpp : protectionPlans(c)) {
            LocalDate end = d(cpp.item().endDate());
            if (end == null) {
                continue;
            }
            List<CinDate> reviews = cpp.item().reviewDates();
            for (int k = 0; k < reviews.size(); k++) {
                LocalDate review = d(reviews.get(k));
                if (eq(review, end)) {
                    continue;
                }
                for (At<CinPlan> plan : plans) {
                    if (ge(review, d(plan.item().startDate())) && lt(review, d(plan.item().endDate()))) {
                        f.protectionPlan(cpp.cin(), cpp.j(), "CPPendDate");
                        f.plan(plan.cin(), plan.j(), "CINPlanStartDate");
                        f.review(cpp.cin(), cpp.j(), k);
                    }
                }
            }
        }
    });

    /** 4004: an episode may have only one open CIN plan; when it has more, each of its CIN plans is flagged. */
    static final CinRule R4004 = CinRule.child("4004", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            List<CinPlan> ps = c.cinDetails().get(i).cinPlans();
            if (ps.stream().filter(p -> unknown(p.endDate())).count() > 1) {
                for (int j = 0; j < ps.size(); j++) {
                    f.plan(i, j, "CINPlanEndDate");
                }
            }
        }
    });

    /** 4010: a CIN plan start date must be present and on or before the reference date. */
    static final CinRule R4010 = CinRule.child("4010", (c, census, f) -> {
        for (At<CinPlan> p : plans(c)) {
            if (unknown(p.item().startDate()) || gt(d(p.item().startDate()), census.end())) {
                f.plan(p.cin(), p.j(), "CINPlanStartDate");
            }
        }
    });

    /** 4011: a CIN plan cannot end before it starts. */
    static final CinRule R4011 = CinRule.child("4011", (c, census, f) -> {
        for (At<CinPlan> p : plans(c)) {
            if (lt(d(p.item().endDate()), d(p.item().startDate()))) {
                f.plan(p.cin(), p.j(), "CINPlanEndDate", "CINPlanStartDate");
            }
        }
    });

    /** 4012Q: a CIN plan should not start and end on the same day. */
    static final CinRule R4012Q = CinRule.child("4012Q", (c, census, f) -> {
        for (At<CinPlan> p : plans(c)) {
            if (eq(d(p.item().startDate()), d(p.item().endDate()))) {
                f.plan(p.cin(), p.j(), "CINPlanStartDate", "CINPlanEndDate");
            }
        }
    });

    /** 4013: a CIN plan end date must fall within the census period. */
    static final CinRule R4013 = CinRule.child("4013", (c, census, f) -> {
        for (At<CinPlan> p : plans(c)) {
            if (census.outsidePeriod(d(p.item().endDate()))) {
                f.plan(p.cin(), p.j(), "CINPlanEndDate");
            }
        }
    });

    /**
     * 4014: no CIN plan of a child may start on or after another's start and on or before its end (or, if that one is
     * open, on or before the reference date).
     */
    static final CinRule R4014 = CinRule.child("4014", (c, census, f) -> {
        List<At<CinPlan>> ps = plans(c);
        for (At<CinPlan> a : ps) {
            LocalDate start = d(a.item().startDate());
            if (start == null) {
                continue;
            }
            for (At<CinPlan> b : ps) {
                if (a == b || unknown(b.item().startDate())) {
                    continue;
                }
                boolean beforeEnd = le(start, d(b.item().endDate()));
                boolean stillOpen = le(start, census.end()) && unknown(b.item().endDate());
                if (ge(start, d(b.item().startDate())) && (beforeEnd || stillOpen)) {
                    f.plan(a.cin(), a.j(), "CINPlanStartDate");
                    f.plan(b.cin(), b.j(), "CINPlanStartDate", "CINPlanEndDate");
                }
            }
        }
    });

    /** 4015: a CIN plan cannot start before the episode's referral date. */
    static final CinRule R4015 = CinRule.child("4015", (c, census, f) -> {
        for (At<CinPlan> p : plans(c)) {
            CinDetails e = c.cinDetails().get(p.cin());
            if (lt(d(p.item().startDate()), d(e.referralDate()))) {
                f.plan(p.cin(), p.j(), "CINPlanStartDate");
                f.cin(p.cin(), "CINreferralDate");
            }
        }
    });

    /**
     * 4016: a CIN plan cannot start on or after a child protection plan's start and before its end (or, if it is open,
     * on or before the reference date).
     */
    static final CinRule R4016 = CinRule.child("4016", (c, census, f) -> {
        List<At<ProtectionPlan>> cpps = protectionPlans(c);
        for (At<CinPlan> p : plans(c)) {
            LocalDate start = d(p.item().startDate());
            for (At<ProtectionPlan> cpp : cpps) {
                LocalDate cppEnd = d(cpp.item().endDate());
                boolean beforeEnd = lt(start, cppEnd);
                boolean stillOpen = le(start, census.end()) && cppEnd == null;
                if (ge(start, d(cpp.item().startDate())) && (beforeEnd || stillOpen)) {
                    f.protectionPlan(cpp.cin(), cpp.j(), "CPPstartDate", "CPPendDate");
                    f.plan(p.cin(), p.j(), "CINPlanStartDate");
                }
            }
        }
    });

    /**
     * 4017: a child protection plan cannot start on or after a CIN plan's start and before its end (or, if it is open,
     * on or before the reference date).
     */
    static final CinRule R4017 = CinRule.child("4017", (c, census, f) -> {
        List<At<CinPlan>> ps = plans(c);
        for (At<ProtectionPlan> cpp : protectionPlans(c)) {
            LocalDate start = d(cpp.item().startDate());
            for (At<CinPlan> p : ps) {
                LocalDate planEnd = d(p.item().endDate());
                boolean beforeEnd = lt(start, planEnd);
                boolean stillOpen = le(start, census.end()) && planEnd == null;
                if (ge(start, d(p.item().startDate())) && (beforeEnd || stillOpen)) {
                    f.protectionPlan(cpp.cin(), cpp.j(), "CPPstartDate");
                    f.plan(p.cin(), p.j(), "CINPlanStartDate", "CINPlanEndDate");
                }
            }
        }
    });

    /** 8842Q: a review must have a valid date. */
    static final CinRule R8842Q = CinRule.child("8842Q", (c, census, f) -> {
        for (At<ProtectionPlan> cpp : protectionPlans(c)) {
            List<CinDate> reviews = cpp.item().reviewDates();
            for (int k = 0; k < reviews.size(); k++) {
                if (unknown(reviews.get(k))) {
                    f.review(cpp.cin(), cpp.j(), k);
                }
            }
        }
    });

    static final List<CinRule> ALL = List.of(R4000, R4001, R4003, R4004, R4010, R4011, R4012Q, R4013, R4014, R4015, R4016,
            R4017, R8842Q);
}
