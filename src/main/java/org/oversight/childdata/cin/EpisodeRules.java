package org.oversight.childdata.cin;

import static org.oversight.childdata.cin.RuleSupport.d;
import static org.oversight.childdata.cin.RuleSupport.eq;
import static org.oversight.childdata.cin.RuleSupport.ge;
import static org.oversight.childdata.cin.RuleSupport.gt;
import static org.oversight.childdata.cin.RuleSupport.in;
import static org.oversight.childdata.cin.RuleSupport.isFalse;
import static org.oversight.childdata.cin.RuleSupport.isTrue;
import static org.oversight.childdata.cin.RuleSupport.known;
import static org.oversight.childdata.cin.RuleSupport.le;
import static org.oversight.childdata.cin.RuleSupport.lt;
import static org.oversight.childdata.cin.RuleSupport.unknown;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.oversight.childdata.cin.CinCensus.Assessment;
import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.Section47;

/** The rules DfE files under CINdetails: the episode of need, its referral and closure. */
final class EpisodeRules {

    private EpisodeRules() {
    }

    private static final Set<String> AFTER_ASSESSMENT = Set.of("RC8", "RC9");

    /**
     * 2990: an episode closed RC8 or RC9 (closed after assessment) must have no Section47, ChildProtectionPlans or
     * CINPlanDates module and no DateOfInitialCPC. Flags the episode and every such module.
     */
    static final CinRule R2990 = CinRule.child("2990", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (!in(e.reasonForClosure(), AFTER_ASSESSMENT)) {
                continue;
            }
            if (known(e.dateOfInitialCpc()) || !e.protectionPlans().isEmpty() || !e.section47s().isEmpty()
                    || !e.cinPlans().isEmpty()) {
                f.cin(i, "DateOfInitialCPC");
                for (int j = 0; j < e.protectionPlans().size(); j++) {
                    f.protectionPlan(i, j, "LAchildID");
                }
                for (int j = 0; j < e.cinPlans().size(); j++) {
                    f.plan(i, j, "LAchildID");
                }
                for (int j = 0; j < e.section47s().size(); j++) {
                    f.section47(i, j, "LAchildID");
                }
            }
        }
    });

    /** 2991Q: an episode with a Section47 module should have an assessment. */
    static final CinRule R2991Q = CinRule.child("2991Q", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (e.assessments().isEmpty()) {
                for (int j = 0; j < e.section47s().size(); j++) {
                    f.section47(i, j, "LAchildID");
                }
            }
        }
    });

    /** 8555Q: a referral cannot be after the child's date of death. */
    static final CinRule R8555Q = CinRule.child("8555Q", (c, census, f) -> {
        LocalDate death = d(c.personDeathDate());
        for (int i = 0; i < c.cinDetails().size(); i++) {
            if (lt(death, d(c.cinDetails().get(i).referralDate()))) {
                f.cin(i, "CINreferralDate");
                f.identifiers("PersonDeathDate");
            }
        }
    });

    private static final Set<String> FLAG_VALUES = Set.of("1", "0", "false", "true");

    /** 8568: ReferralNFA must be present and be 1, 0, true or false. */
    static final CinRule R8568 = CinRule.child("8568", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            String nfa = c.cinDetails().get(i).referralNfa();
            if (nfa == null || !FLAG_VALUES.contains(nfa.toLowerCase(Locale.ROOT))) {
                f.cin(i, "ReferralNFA");
            }
        }
    });

    /**
     * 8569Q: a referral before the start of the census year minus one working day must not be flagged as no further
     * action (working days counted as DfE's tool counts them, the start day being the first).
     */
    static final CinRule R8569Q = CinRule.child("8569Q", (c, census, f) -> {
        LocalDate limit = census.minusWorkingDays(census.start(), 1);
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (lt(d(e.referralDate()), limit) && !isFalse(e.referralNfa())) {
                f.cin(i, "CINreferralDate");
            }
        }
    });

    /** 8585Q: an episode closed RC2 (died) needs a date of death. */
    static final CinRule R8585Q = CinRule.child("8585Q", (c, census, f) -> {
        if (known(c.personDeathDate())) {
            return;
        }
        for (int i = 0; i < c.cinDetails().size(); i++) {
            if ("RC2".equals(c.cinDetails().get(i).reasonForClosure())) {
                f.identifiers("PersonDeathDate");
                f.cin(i, "ReasonForClosure");
            }
        }
    });

    /** 8600: a referral date must be present and on or before the reference date. */
    static final CinRule R8600 = CinRule.child("8600", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDate referral = c.cinDetails().get(i).referralDate();
            if (unknown(referral) || gt(d(referral), census.end())) {
                f.cin(i, "CINreferralDate");
            }
        }
    });

    /** 8606: a referral cannot be more than 280 days before the date of birth or expected date of birth. */
    static final CinRule R8606 = CinRule.child("8606", (c, census, f) -> {
        LocalDate birth = d(c.personBirthDate());
        LocalDate expected = d(c.expectedPersonBirthDate());
        for (int i = 0; i < c.cinDetails().size(); i++) {
            LocalDate referral = d(c.cinDetails().get(i).referralDate());
            if (lt(referral, birth == null ? null : birth.minusDays(280))
                    || lt(referral, expected == null ? null : expected.minusDays(280))) {
                f.cin(i, "CINreferralDate");
                f.identifiers("PersonBirthDate", "ExpectedPersonBirthDate");
            }
        }
    });

    /** 8610: a referral going on to further action needs a primary need code. */
    static final CinRule R8610 = CinRule.child("8610", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (isFalse(e.referralNfa()) && e.primaryNeedCode() == null) {
                f.cin(i, "ReferralNFA", "PrimaryNeedCode");
            }
        }
    });

    /** 8620: a closure date must be within the census period. */
    static final CinRule R8620 = CinRule.child("8620", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            LocalDate closure = d(c.cinDetails().get(i).closureDate());
            if (closure != null && !census.inPeriod(closure)) {
                f.cin(i, "CINclosureDate");
            }
        }
    });

    /** 8630: a closure date cannot be before the referral date of the same episode. */
    static final CinRule R8630 = CinRule.child("8630", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (lt(d(e.closureDate()), d(e.referralDate()))) {
                f.cin(i, "CINreferralDate", "CINclosureDate");
            }
        }
    });

    static final Set<String> CLOSURE_REASONS = Set.of("RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9");

    /** 8640: a reason for closure must be a valid code. */
    static final CinRule R8640 = CinRule.child("8640", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            String reason = c.cinDetails().get(i).reasonForClosure();
            if (reason != null && !CLOSURE_REASONS.contains(reason)) {
                f.cin(i, "ReasonForClosure");
            }
        }
    });

    private static final Set<String> PRIMARY_NEEDS = Set.of("N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9");

    /** 8650: a primary need code must be a valid code. */
    static final CinRule R8650 = CinRule.child("8650", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            String need = c.cinDetails().get(i).primaryNeedCode();
            if (need != null && !PRIMARY_NEEDS.contains(need)) {
                f.cin(i, "PrimaryNeedCode");
            }
        }
    });

    /** 8805: a closure date needs a reason for closure. */
    static final CinRule R8805 = CinRule.child("8805", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (known(e.closureDate()) && e.reasonForClosure() == null) {
                f.cin(i, "CINclosureDate", "ReasonForClosure");
            }
        }
    });

    /** 8810: a reason for closure needs a closure date. */
    static final CinRule R8810 = CinRule.child("8810", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (e.reasonForClosure() != null && unknown(e.closureDate())) {
                f.cin(i, "ReasonForClosure", "CINclosureDate");
            }
        }
    });

    /**
     * 8815: a child may have only one open episode (no closure date) that is not a referral with no further action;
     * when there are more, every episode without a closure date is flagged.
     */
    static final CinRule R8815 = CinRule.child("8815", (c, census, f) -> {
        long open = c.cinDetails().stream().filter(e -> unknown(e.closureDate()) && isFalse(e.referralNfa())).count();
        if (open > 1) {
            for (int i = 0; i < c.cinDetails().size(); i++) {
                if (unknown(c.cinDetails().get(i).closureDate())) {
                    f.cin(i, "CINclosureDate");
                }
            }
        }
    });

    /**
     * 8816: an open episode going on to further action must be the child's latest referral. Flags it and the latest
     * referral (the first of equal latest dates).
     */
    static final CinRule R8816 = CinRule.child("8816", (c, census, f) -> {
        int latest = -1;
        for (int i = 0; i < c.cinDetails().size(); i++) {
            LocalDate referral = d(c.cinDetails().get(i).referralDate());
            if (referral != null && (latest < 0 || referral.isAfter(d(c.cinDetails().get(latest).referralDate())))) {
                latest = i;
            }
        }
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (known(e.referralDate()) && unknown(e.closureDate()) && isFalse(e.referralNfa()) && i != latest) {
                f.cin(i, "CINreferralDate");
                f.cin(latest, "CINreferralDate");
            }
        }
    });

    /**
     * 8820: no referral may fall on or after another episode's referral and before its closure (or, for an open
     * episode going on to further action, before the reference date). Flags the later referral and the episode it falls
     * in.
     */
    static final CinRule R8820 = CinRule.child("8820", (c, census, f) -> {
        List<CinDetails> es = c.cinDetails();
        for (int a = 0; a < es.size(); a++) {
            LocalDate start = d(es.get(a).referralDate());
            if (start == null) {
                continue;
            }
            for (int b = 0; b < es.size(); b++) {
                CinDetails other = es.get(b);
                if (a == b || unknown(other.referralDate()) || !ge(start, d(other.referralDate()))) {
                    continue;
                }
                boolean beforeClosure = lt(start, d(other.closureDate()));
                boolean stillOpen = lt(start, census.end()) && unknown(other.closureDate()) && isFalse(other.referralNfa());
                if (beforeClosure || stillOpen) {
                    f.cin(a, "CINreferralDate");
                    f.cin(b, "CINreferralDate", "CINclosureDate");
                }
            }
        }
    });

    /** 8825Q: an episode closed RC8 or RC9 (closed after assessment) should have an assessment. */
    static final CinRule R8825Q = CinRule.child("8825Q", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (in(e.reasonForClosure(), AFTER_ASSESSMENT) && e.assessments().isEmpty()) {
                f.cin(i, "ReasonForClosure");
            }
        }
    });

    /**
     * 8831: a referral with no further action must have no assessment dates, no section 47 start date and no initial
     * conference date.
     */
    static final CinRule R8831 = CinRule.child("8831", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (!isTrue(e.referralNfa())) {
                continue;
            }
            if (e.section47s().isEmpty()) {
                if (known(e.dateOfInitialCpc())) {
                    f.cin(i, "DateOfInitialCPC");
                }
            }
            for (int j = 0; j < e.section47s().size(); j++) {
                if (known(e.dateOfInitialCpc()) || known(e.section47s().get(j).actualStartDate())) {
                    f.section47(i, j, "LAchildID");
                    f.cin(i, "DateOfInitialCPC");
                }
            }
            for (int j = 0; j < e.assessments().size(); j++) {
                Assessment a = e.assessments().get(j);
                if (known(a.actualStartDate()) || known(a.authorisationDate())) {
                    f.assessment(i, j, "LAchildID");
                    f.cin(i, "DateOfInitialCPC");
                }
            }
        }
    });

    static final Set<String> REFERRAL_SOURCES = Set.of("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D",
            "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");

    private static final LocalDate SOURCES_FROM = LocalDate.of(2013, 4, 1);

    /** 8866: a referral on or after 1 April 2013 needs a valid source of referral. */
    static final CinRule R8866 = CinRule.child("8866", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (ge(d(e.referralDate()), SOURCES_FROM) && !in(e.referralSource(), REFERRAL_SOURCES)) {
                f.cin(i, "CINreferralDate", "ReferralSource");
            }
        }
    });

    /** 8867: a closed episode must have every assessment completed (authorised). */
    static final CinRule R8867 = CinRule.child("8867", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (unknown(e.closureDate())) {
                continue;
            }
            for (int j = 0; j < e.assessments().size(); j++) {
                if (unknown(e.assessments().get(j).authorisationDate())) {
                    f.cin(i, "CINclosureDate");
                    f.assessment(i, j, "AssessmentAuthorisationDate");
                }
            }
        }
    });

    /**
     * 8868: a closed episode must have every section 47 enquiry completed: with an initial conference date, or with
     * ICPCnotRequired true (not both).
     */
    static final CinRule R8868 = CinRule.child("8868", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (unknown(e.closureDate())) {
                continue;
            }
            for (int j = 0; j < e.section47s().size(); j++) {
                Section47 s = e.section47s().get(j);
                boolean notRequired = isTrue(s.icpcNotRequired());
                if (unknown(s.dateOfInitialCpc()) != notRequired) {
                    f.section47(i, j, "DateOfInitialCPC", "ICPCnotRequired");
                    f.cin(i, "CINclosureDate");
                }
            }
        }
    });

    /**
     * 8890: within an episode, no section 47 enquiry may start on or after another's start and on or before its
     * initial conference (or, with no conference and one still required, on or before the reference date).
     */
    static final CinRule R8890 = CinRule.child("8890", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            List<Section47> ss = c.cinDetails().get(i).section47s();
            for (int a = 0; a < ss.size(); a++) {
                LocalDate start = d(ss.get(a).actualStartDate());
                if (start == null) {
                    continue;
                }
                for (int b = 0; b < ss.size(); b++) {
                    Section47 other = ss.get(b);
                    LocalDate otherStart = d(other.actualStartDate());
                    if (otherStart == null || (start.equals(otherStart)
                            && (eq(d(ss.get(a).dateOfInitialCpc()), d(other.dateOfInitialCpc()))
                            || unknown(ss.get(a).dateOfInitialCpc()) && unknown(other.dateOfInitialCpc())))) {
                        continue;
                    }
                    boolean beforeConference = le(start, d(other.dateOfInitialCpc()));
                    boolean stillOpen = le(start, census.end()) && unknown(other.dateOfInitialCpc())
                            && !isTrue(other.icpcNotRequired());
                    if (ge(start, otherStart) && (beforeConference || stillOpen)) {
                        f.section47(i, a, "S47ActualStartDate");
                        f.section47(i, b, "S47ActualStartDate", "DateOfInitialCPC");
                    }
                }
            }
        }
    });

    static final List<CinRule> ALL = List.of(R2990, R2991Q, R8555Q, R8568, R8569Q, R8585Q, R8600, R8606, R8610, R8620,
            R8630, R8640, R8650, R8805, R8810, R8815, R8816, R8820, R8825Q, R8831, R8866, R8867, R8868, R8890);
}
