package org.oversight.childdata.cin;

import static org.oversight.childdata.cin.RuleSupport.d;
import static org.oversight.childdata.cin.RuleSupport.eq;
import static org.oversight.childdata.cin.RuleSupport.gt;
import static org.oversight.childdata.cin.RuleSupport.isFalse;
import static org.oversight.childdata.cin.RuleSupport.isTrue;
import static org.oversight.childdata.cin.RuleSupport.known;
import static org.oversight.childdata.cin.RuleSupport.lt;
import static org.oversight.childdata.cin.RuleSupport.unknown;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.oversight.childdata.cin.CinCensus.CinDetails;
import org.oversight.childdata.cin.CinCensus.Section47;

/** The rules DfE files under Section47: section 47 enquiries and initial child protection conferences. */
final class Section47Rules {

    private Section47Rules() {
    }

    /** Each section 47 enquiry of a child, with its episode and position. */
    interface Visitor {
        void visit(int cin, int j, CinDetails episode, Section47 s47);
    }

    static void each(CinCensus.Child c, Visitor v) {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            CinDetails e = c.cinDetails().get(i);
            for (int j = 0; j < e.section47s().size(); j++) {
                v.visit(i, j, e, e.section47s().get(j));
            }
        }
    }

    /** 1104: an initial conference cannot be before the episode's referral date. */
    static final CinRule R1104 = CinRule.child("1104", (c, census, f) -> each(c, (i, j, e, s) -> {
        if (lt(d(s.dateOfInitialCpc()), d(e.referralDate()))) {
            f.section47(i, j, "DateOfInitialCPC");
            f.cin(i, "CINreferralDate");
        }
    }));

    /**
     * 2884: an initial conference must not be recorded at both the Section47 and the CINdetails level (the same date
     * in both, anywhere in the child's episodes).
     */
    static final CinRule R2884 = CinRule.child("2884", (c, census, f) -> {
        for (int a = 0; a < c.cinDetails().size(); a++) {
            LocalDate onEpisode = d(c.cinDetails().get(a).dateOfInitialCpc());
            if (onEpisode == null) {
                continue;
            }
            int episode = a;
            each(c, (i, j, e, s) -> {
                if (eq(onEpisode, d(s.dateOfInitialCpc()))) {
                    f.section47(i, j, "DateOfInitialCPC");
                    f.cin(episode, "DateOfInitialCPC");
                }
            });
        }
    });

    /** 2889: a section 47 enquiry cannot start before the episode's referral date. */
    static final CinRule R2889 = CinRule.child("2889", (c, census, f) -> each(c, (i, j, e, s) -> {
        if (lt(d(s.actualStartDate()), d(e.referralDate()))) {
            f.cin(i, "CINreferralDate");
            f.section47(i, j, "S47ActualStartDate");
        }
    }));

    /** 8615: with an initial conference date, the enquiry's start date must be present and on or before it. */
    static final CinRule R8615 = CinRule.child("8615", (c, census, f) -> each(c, (i, j, e, s) -> {
        if (gt(d(s.actualStartDate()), d(s.dateOfInitialCpc()))
                || known(s.dateOfInitialCpc()) && unknown(s.actualStartDate())) {
            f.section47(i, j, "S47ActualStartDate", "DateOfInitialCPC");
        }
    }));

    /**
     * 8675Q: an enquiry with no initial conference that still needs one should not have started more than 15 working
     * days before the reference date.
     */
    static final CinRule R8675Q = CinRule.child("8675Q", (c, census, f) -> {
        LocalDate limit = census.minusWorkingDays(census.end(), 15);
        each(c, (i, j, e, s) -> {
            if (unknown(s.dateOfInitialCpc()) && isFalse(s.icpcNotRequired()) && lt(d(s.actualStartDate()), limit)) {
                f.section47(i, j, "DateOfInitialCPC", "S47ActualStartDate", "ICPCnotRequired");
            }
        });
    });

    /** 8715: an initial conference date must fall within the census period. */
    static final CinRule R8715 = CinRule.child("8715", (c, census, f) -> each(c, (i, j, e, s) -> {
        if (census.outsidePeriod(d(s.dateOfInitialCpc()))) {
            f.section47(i, j, "DateOfInitialCPC");
        }
    }));

    /**
     * 8740: an enquiry with no initial conference that still needs one (ICPCnotRequired false or 0) must have started
     * within the census period.
     */
    static final CinRule R8740 = CinRule.child("8740", (c, census, f) -> each(c, (i, j, e, s) -> {
        if (unknown(s.dateOfInitialCpc()) && isFalse(s.icpcNotRequired()) && census.outsidePeriod(d(s.actualStartDate()))) {
            f.section47(i, j, "S47ActualStartDate", "DateOfInitialCPC", "ICPCnotRequired");
        }
    }));

    /**
     * 8839: an episode may have only one open enquiry (no conference date and not marked as not needing one); when it
     * has more, each of its enquiries without a conference date is flagged.
     */
    static final CinRule R8839 = CinRule.child("8839", (c, census, f) -> {
        for (int i = 0; i < c.cinDetails().size(); i++) {
            List<Section47> ss = c.cinDetails().get(i).section47s();
            long open = ss.stream().filter(s -> unknown(s.dateOfInitialCpc()) && !isTrue(s.icpcNotRequired())).count();
            if (open > 1) {
                for (int j = 0; j < ss.size(); j++) {
                    if (unknown(ss.get(j).dateOfInitialCpc())) {
                        f.section47(i, j, "DateOfInitialCPC");
                    }
                }
            }
        }
    });

    /** 8870Q: the target date for the initial conference should not be a Saturday or Sunday. */
    static final CinRule R8870Q = CinRule.child("8870Q", (c, census, f) -> each(c, (i, j, e, s) -> {
        if (weekend(d(s.initialCpcTarget()))) {
            f.section47(i, j, "InitialCPCtarget");
        }
    }));

    /** 8875: an initial conference cannot be on a Saturday or Sunday. */
    static final CinRule R8875 = CinRule.child("8875", (c, census, f) -> each(c, (i, j, e, s) -> {
        if (weekend(d(s.dateOfInitialCpc()))) {
            f.section47(i, j, "DateOfInitialCPC");
        }
    }));

    static boolean weekend(LocalDate date) {
        return date != null && (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY);
    }

    static final List<CinRule> ALL = List.of(R1104, R2884, R2889, R8615, R8675Q, R8715, R8740, R8839, R8870Q, R8875);
}
