package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.HEADER;
import static org.oversight.childdata.ssda903.Ssda903Table.REVIEWS;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;
import static org.oversight.childdata.ssda903.rules.RuleDates.plusYears;

import java.time.LocalDate;
import java.util.Set;

import org.oversight.childdata.ssda903.Codes;

/** Rules about the Reviews table. */
final class ReviewRules {

    private ReviewRules() {
    }

    static void register(RuleBook.Builder b) {
        b.rule("166").on(REVIEWS, "REVIEW").check((d, f) -> R.dates(d.reviews(), "REVIEW", false, f));
        b.rule("167").on(REVIEWS, "REVIEW_CODE").check(ReviewRules::r167);
        b.rule("440").on(REVIEWS, "REVIEW_CODE").check(ReviewRules::r440);
        b.rule("441").on(REVIEWS, "REVIEW_CODE").check(ReviewRules::r441);
        b.rule("399").on(EPISODES, "LS").on(HEADER, "MOTHER").on(REVIEWS, "REVIEW").check(ReviewRules::r399);
    }

    static void r167(ReturnData d, Flags f) {
        Table r = d.reviews();
        for (int i = 0; i < r.size(); i++) {
            String review = r.get(i, "REVIEW");
            String code = r.get(i, "REVIEW_CODE");
            boolean ok = review != null && R.in(code, Codes.REVIEW_CODE) || review == null && code == null;
            if (!ok) {
                f.flag(r, i);
            }
        }
    }

    static void r440(ReturnData d, Flags f) {
        Table r = d.reviews();
        LocalDate[] review = r.date("REVIEW");
        LocalDate[] dob = r.date("DOB");
        for (int i = 0; i < r.size(); i++) {
            if ("PN0".equals(r.get(i, "REVIEW_CODE")) && gt(review[i], plusYears(dob[i], 4))) {
                f.flag(r, i);
            }
        }
    }

    static void r441(ReturnData d, Flags f) {
        Table r = d.reviews();
        LocalDate[] review = r.date("REVIEW");
        LocalDate[] dob = r.date("DOB");
        Set<String> over4 = Set.of("PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7");
        for (int i = 0; i < r.size(); i++) {
            if (R.in(r.get(i, "REVIEW_CODE"), over4) && lt(review[i], plusYears(dob[i], 4))) {
                f.flag(r, i);
            }
        }
    }

    /** A child only ever in respite (V3/V4) has no motherhood or review data. */
    static void r399(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table h = d.header();
        Table r = d.reviews();
        e.byChild().forEach((child, rows) -> {
            for (int i : rows) {
                if (!R.in(e.get(i, "LS"), HeaderRules.V3V4)) {
                    return;
                }
            }
            int[] hs = h.rowsOf(child);
            int[] rs = r.rowsOf(child);
            for (int hi = 0; hi < Math.max(1, hs.length); hi++) {
                for (int ri = 0; ri < Math.max(1, rs.length); ri++) {
                    Integer hr = hs.length == 0 ? null : hs[hi];
                    Integer rr = rs.length == 0 ? null : rs[ri];
                    boolean filled = hr != null && h.get(hr, "MOTHER") != null
                            || rr != null && r.anyFilled(rr, "REVIEW", "REVIEW_CODE");
                    if (filled) {
                        f.flagAll(e, rows);
                        if (hr != null) {
                            f.flag(h, hr);
                        }
                        if (rr != null) {
                            f.flag(r, rr);
                        }
                    }
                }
            }
        });
    }
}
