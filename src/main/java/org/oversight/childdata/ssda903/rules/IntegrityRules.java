package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.AD1;
import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.HEADER;
import static org.oversight.childdata.ssda903.Ssda903Table.MISSING;
import static org.oversight.childdata.ssda903.Ssda903Table.OC2;
import static org.oversight.childdata.ssda903.Ssda903Table.OC3;
import static org.oversight.childdata.ssda903.Ssda903Table.PLACED_ADOPTION;
import static org.oversight.childdata.ssda903.Ssda903Table.PREV_PERM;
import static org.oversight.childdata.ssda903.Ssda903Table.REVIEWS;
import static org.oversight.childdata.ssda903.Ssda903Table.UASC;

import java.time.LocalDate;

import org.oversight.childdata.ssda903.Ssda903Table;

/** DfE's internal checks: every child in Header, the same DOB and sex everywhere, one row per child where due. */
final class IntegrityRules {

    private IntegrityRules() {
    }

    static void register(RuleBook.Builder b) {
        inHeader(b, "INT01", AD1);
        inHeader(b, "INT02", PLACED_ADOPTION);
        inHeader(b, "INT03", EPISODES);
        inHeader(b, "INT04", MISSING);
        inHeader(b, "INT05", OC2);
        inHeader(b, "INT06", OC3);
        inHeader(b, "INT07", PREV_PERM);
        inHeader(b, "INT08", REVIEWS);
        inHeader(b, "INT09", UASC);
        sameDob(b, "INT11", AD1);
        sameDob(b, "INT12", PLACED_ADOPTION);
        sameDob(b, "INT13", MISSING);
        sameDob(b, "INT14", OC2);
        sameDob(b, "INT15", OC3);
        sameDob(b, "INT16", PREV_PERM);
        sameDob(b, "INT17", REVIEWS);
        sameDob(b, "INT18", UASC);
        b.rule("INT21").on(UASC, "SEX").needs(HEADER).check((d, f) -> {
            Table h = d.header();
            Table u = d.uasc();
            for (int i = 0; i < u.size(); i++) {
                for (int r : h.rowsOf(u.get(i, "CHILD"))) {
                    String a = h.get(r, "SEX");
                    String s = u.get(i, "SEX");
                    if (a != null && s != null && !a.equals(s)) {
                        f.flag(u, i);
                    }
                }
            }
        });
        once(b, "INT31", AD1);
        once(b, "INT32", HEADER);
        once(b, "INT33", OC2);
        once(b, "INT34", OC3);
        once(b, "INT35", PREV_PERM);
        once(b, "INT36", UASC);
    }

    private static void inHeader(RuleBook.Builder b, String code, Ssda903Table t) {
        b.rule(code).on(t, "CHILD").needs(HEADER).check((d, f) -> {
            Table h = d.header();
            Table x = d.table(t);
            for (int i = 0; i < x.size(); i++) {
                if (!h.hasChild(x.get(i, "CHILD"))) {
                    f.flag(x, i);
                }
            }
        });
    }

    private static void sameDob(RuleBook.Builder b, String code, Ssda903Table t) {
        b.rule(code).on(t, "DOB").needs(HEADER).check((d, f) -> {
            Table h = d.header();
            Table x = d.table(t);
            LocalDate[] dob = x.date("DOB");
            LocalDate[] hdob = h.date("DOB");
            for (int i = 0; i < x.size(); i++) {
                for (int r : h.rowsOf(x.get(i, "CHILD"))) {
                    if (dob[i] != null && hdob[r] != null && !dob[i].equals(hdob[r])) {
                        f.flag(x, i);
                    }
                }
            }
        });
    }

    private static void once(RuleBook.Builder b, String code, Ssda903Table t) {
        b.rule(code).on(t, "CHILD").check((d, f) -> {
            Table x = d.table(t);
            for (int[] rows : x.byChild().values()) {
                if (rows.length > 1) {
                    f.flagAll(x, rows);
                }
            }
        });
    }
}
