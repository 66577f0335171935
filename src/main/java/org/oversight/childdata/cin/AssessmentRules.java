package org.oversight.childdata.cin;

import static org.oversight.childdata.cin.RuleSupport.d;
import static org.oversight.childdata.cin.RuleSupport.eq;
import static org.oversight.childdata.cin.RuleSupport.ge;
import static org.oversight.childdata.cin.RuleSupport.gt;
import static org.oversight.childdata.cin.RuleSupport.in;
import static org.oversight.childdata.cin.RuleSupport.le;
import static org.oversight.childdata.cin.RuleSupport.lt;
import static org.oversight.childdata.cin.RuleSupport.unknown;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.oversight.childdata.cin.CinCensus.Assessment;
import org.oversight.childdata.cin.CinCensus.CinDetails;

/** The rules DfE files under Assessments. */
final class AssessmentRules {

    private AssessmentRules() {
    }

    /** Each assessment of a child, with its episode and position. */
    interface Visitor {
        void visit(int cin, int j, CinDetails episode, Assessment assessment);
    }

    static void each(CinCensus.Child c, Visitor v) {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            for (int j = 0; j < e.assessments().size(); j++) {
                v.visit(i, j, e, e.assessments().get(j));
            }
        }
    }

    /** 1103: an assessment cannot start before the episode's referral date. */
    static final CinRule R1103 = CinRule.child("1103", (c, census, f) -> each(c, (i, j, e, a) -> {
        if (lt(d(a.actualStartDate()), d(e.referralDate()))) {
            f.assessment(i, j, "AssessmentActualStartDate");
            f.cin(i, "CINreferralDate");
        }
    }));

    /** 8608: an assessment cannot start after it was authorised. */
    static final CinRule R8608 = CinRule.child("8608", (c, census, f) -> each(c, (i, j, e, a) -> {
        if (gt(d(a.actualStartDate()), d(a.authorisationDate()))) {
            f.assessment(i, j, "AssessmentActualStartDate", "AssessmentAuthorisationDate");
        }
    }));

    /** 8614: factors identified at assessment only for a completed (authorised) assessment. */
    static final CinRule R8614 = CinRule.child("8614", (c, census, f) -> each(c, (i, j, e, a) -> {
        if (unknown(a.authorisationDate()) && !a.factors().isEmpty()) {
            f.assessment(i, j, "AssessmentAuthorisationDate", "AssessmentFactors");
        }
    }));

    /**
     * 8670Q: an assessment not yet authorised should not have started more than 45 working days before the reference
     * date.
     */
    static final CinRule R8670Q = CinRule.child("8670Q", (c, census, f) -> {
        LocalDate limit = census.minusWorkingDays(census.end(), 45);
        each(c, (i, j, e, a) -> {
            if (unknown(a.authorisationDate()) && lt(d(a.actualStartDate()), limit)) {
                f.assessment(i, j, "AssessmentAuthorisationDate", "AssessmentActualStartDate");
            }
        });
    });

    /** 8696: an authorisation date must fall within the census period. */
    static final CinRule R8696 = CinRule.child("8696", (c, census, f) -> each(c, (i, j, e, a) -> {
        if (census.outsidePeriod(d(a.authorisationDate()))) {
            f.assessment(i, j, "AssessmentAuthorisationDate");
        }
    }));

    /** 8736: an assessment not yet authorised must have started within the census period. */
    static final CinRule R8736 = CinRule.child("8736", (c, census, f) -> each(c, (i, j, e, a) -> {
        if (unknown(a.authorisationDate()) && !census.inPeriod(d(a.actualStartDate()))) {
            f.assessment(i, j, "AssessmentAuthorisationDate", "AssessmentActualStartDate");
        }
    }));

    /**
     * 8863Q: within an episode, no assessment may start on or after another's start and on or before its authorisation
     * (or, if that one is not authorised, on or before the reference date). Two assessments with the same dates count as
     * one, as in DfE's tool.
     */
    static final CinRule R8863Q = CinRule.child("8863Q", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            List<Assessment> as = c.cinDetails().get(i).assessments();
            for (int a = 0; a < as.size(); a++) {
                LocalDate start = d(as.get(a).actualStartDate());
                if (start == null) {
                    continue;
                }
                for (int b = 0; b < as.size(); b++) {
                    Assessment other = as.get(b);
                    LocalDate otherStart = d(other.actualStartDate());
                    if (otherStart == null || (start.equals(otherStart)
                            && (eq(d(as.get(a).authorisationDate()), d(other.authorisationDate()))
                            || unknown(as.get(a).authorisationDate()) && unknown(other.authorisationDate())))) {
                        continue;
                    }
                    boolean beforeEnd = le(start, d(other.authorisationDate()));
                    boolean stillOpen = le(start, census.end()) && unknown(other.authorisationDate());
                    if (ge(start, otherStart) && (beforeEnd || stillOpen)) {
                        f.assessment(i, a, "AssessmentActualStartDate");
                        f.assessment(i, b, "AssessmentActualStartDate", "AssessmentAuthorisationDate");
                    }
                }
            }
        }
    });

    /** 8869: factor 21 (no factors identified) cannot be used with any other factor. */
    static final CinRule R8869 = CinRule.child("8869", (c, census, f) -> each(c, (i, j, e, a) -> {
        if (a.factors().contains("21") && a.factors().stream().anyMatch(x -> !x.equals("21"))) {
            f.assessment(i, j, "AssessmentFactors");
        }
    }));

    private static final Set<String> CLOSED_AFTER_ASSESSMENT = Set.of("RC8", "RC9");

    /**
     * 8873Q: when an episode has one assessment only and its factors include 21 (no factors identified), the reason for
     * closure should be RC8 or RC9.
     */
    static final CinRule R8873Q = CinRule.child("8873Q", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            if (e.assessments().size() == 1 && e.assessments().get(0).factors().stream().anyMatch(x -> x.contains("21"))
                    && !in(e.reasonForClosure(), CLOSED_AFTER_ASSESSMENT)) {
                f.assessment(i, 0, "AssessmentFactors");
                f.cin(i, "ReasonForClosure");
            }
        }
    });

    /**
     * 8896: an episode may have only one assessment without an authorisation date; when it has more, each of its
     * assessments is flagged.
     */
    static final CinRule R8896 = CinRule.child("8896", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            List<Assessment> as = c.cinDetails().get(i).assessments();
            if (as.stream().filter(a -> unknown(a.authorisationDate())).count() > 1) {
                for (int j = 0; j < as.size(); j++) {
                    f.assessment(i, j, "AssessmentAuthorisationDate");
                }
            }
        }
    });

    static final Set<String> FACTORS = Set.of("1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A",
            "5B", "5C", "6A", "6B", "6C", "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A",
            "15A", "16A", "17A", "18A", "18B", "18C", "19A", "19B", "19C", "20", "21", "22A", "23A", "24A");

    /**
     * 8897Q: an assessment authorised on or after the start of the census year needs one or more factors, all valid
     * codes.
     */
    static final CinRule R8897Q = CinRule.child("8897Q", (c, census, f) -> each(c, (i, j, e, a) -> {
        if (ge(d(a.authorisationDate()), census.start()) && (a.factors().isEmpty() || !FACTORS.containsAll(a.factors()))) {
            f.assessment(i, j, "AssessmentAuthorisationDate", "AssessmentFactors");
        }
    }));

    /** 8898: an assessment must not have the same factor twice. */
    static final CinRule R8898 = CinRule.child("8898", (c, census, f) -> each(c, (i, j, e, a) -> {
        List<String> fs = a.factors();
        boolean repeated = false;
        for (int k = 1; k < fs.size() && !repeated; k++) {
            repeated = fs.subList(0, k).contains(fs.get(k));
        }
        if (repeated) {
            f.assessment(i, j, "AssessmentFactors");
        }
    }));

    /** 8945Q: factor 18A should not be used (18B or 18C instead). */
    static final CinRule R8945Q = CinRule.child("8945Q", (c, census, f) -> each(c, (i, j, e, a) -> {
        if (hasFactor(a, "18A")) {
            f.assessment(i, j, "AssessmentFactors");
        }
    }));

    /** 8950Q: factor 19A should not be used (19B or 19C instead). */
    static final CinRule R8950Q = CinRule.child("8950Q", (c, census, f) -> each(c, (i, j, e, a) -> {
        if (hasFactor(a, "19A")) {
            f.assessment(i, j, "AssessmentFactors");
        }
    }));

    private static boolean hasFactor(Assessment a, String code) {
        for (String x : a.factors()) {
            if (x.equalsIgnoreCase(code)) {
                return true;
            }
        }
        return false;
    }

    static final List<CinRule> ALL = List.of(R1103, R8608, R8614, R8670Q, R8696, R8736, R8863Q, R8869, R8873Q, R8896,
            R8897Q, R8898, R8945Q, R8950Q);
}
