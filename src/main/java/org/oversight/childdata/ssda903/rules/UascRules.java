package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.HEADER;
import static org.oversight.childdata.ssda903.Ssda903Table.UASC;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;
import static org.oversight.childdata.ssda903.rules.RuleDates.plusYears;

import java.time.LocalDate;

/** Rules about unaccompanied asylum-seeking children (UASC table). */
final class UascRules {

    private UascRules() {
    }

    static void register(RuleBook.Builder b) {
        b.rule("104").on(UASC, "DUC").check(UascRules::r104);
        b.rule("303").on(UASC, "DUC").on(HEADER, "CHILD").onlyIf(d -> d.header().hasColumn("UASC"),
                "needs the UASC flag on Header").check(UascRules::r303);
        b.rule("304").on(UASC, "DUC").check(UascRules::r304);
    }

    static void r104(ReturnData d, Flags f) {
        Table u = d.uasc();
        LocalDate[] duc = u.date("DUC");
        for (int i = 0; i < u.size(); i++) {
            if (duc[i] == null && u.get(i, "DUC") != null || lt(duc[i], d.start())) {
                f.flag(u, i);
            }
        }
    }

    static void r303(ReturnData d, Flags f) {
        Table u = d.uasc();
        Table h = d.header();
        double[] flag = h.number("UASC");
        for (int i = 0; i < h.size(); i++) {
            if (flag[i] == 1) {
                continue;
            }
            for (int j : u.rowsOf(h.get(i, "CHILD"))) {
                if (u.get(j, "DUC") != null) {
                    f.flag(u, j);
                    f.flag(h, i);
                }
            }
        }
    }

    static void r304(ReturnData d, Flags f) {
        Table u = d.uasc();
        LocalDate[] duc = u.date("DUC");
        LocalDate[] dob = u.date("DOB");
        for (int i = 0; i < u.size(); i++) {
            if (duc[i] != null && gt(duc[i], plusYears(dob[i], 18))) {
                f.flag(u, i);
            }
        }
    }
}
