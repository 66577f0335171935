package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.DOLO;
import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.le;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;

import java.time.LocalDate;
import java.util.Set;

/** Rules about deprivation of liberty orders (DoLo table, new in 2026-27). */
final class DoloRules {

    private DoloRules() {
    }

    static void register(RuleBook.Builder b) {
        b.rule("700").on(DOLO, "DOLO_START").since(2026).check((d, f) -> R.dates(d.dolo(), "DOLO_START", false, f));
        b.rule("701").on(DOLO, "DOLO_END").since(2026).check((d, f) -> R.dates(d.dolo(), "DOLO_END", true, f));
        b.rule("702").on(DOLO, "DOLO_END").since(2026).check(each((d, t, i) -> {
            LocalDate s = t.date("DOLO_START")[i];
            LocalDate e = t.date("DOLO_END")[i];
            return s != null && e != null && !e.isAfter(s);
        }));
        b.rule("703").on(DOLO, "DOLO_START").since(2026).check(each((d, t, i) -> gt(t.date("DOLO_START")[i], d.end())));
        b.rule("704").on(DOLO, "DOLO_END").since(2026).check(each((d, t, i) -> gt(t.date("DOLO_END")[i], d.end())
                || lt(t.date("DOLO_END")[i], d.start())));
        b.rule("705").on(DOLO, "DOLO_START").since(2026).check((d, f) ->
                MissingRules.overlaps(d.dolo(), "DOLO_START", "DOLO_END", f));
        b.rule("706").on(DOLO, "DOLO_START").last(DOLO).since(2026).check(DoloRules::r706);
        b.rule("707").on(DOLO, "DOLO_END").needs(EPISODES).since(2026).check((d, f) ->
                MissingRules.openAfterCare(d.episodes(), d.dolo(), "DOLO_START", "DOLO_END", f));
        b.rule("708").on(DOLO, "DOLO_START").since(2026).check(each((d, t, i) ->
                le(t.date("DOLO_START")[i], t.date("DOB")[i])));
        b.rule("709").on(DOLO, "DOLO_START").on(EPISODES, "PLACE").since(2026).check((d, f) ->
                placement(d, f, place -> R.notIn(place, Set.of("K2", "Z12", "Z13"))));
        b.rule("710").on(DOLO, "DOLO_START").on(EPISODES, "PLACE").since(2026).check((d, f) ->
                placement(d, f, place -> R.in(place, Set.of("K1", "P1", "R5", "K3"))));
    }

    interface Test {
        boolean test(ReturnData d, Table t, int i);
    }

    static Rule903.Check each(Test t) {
        return (d, f) -> {
            Table x = d.dolo();
            for (int i = 0; i < x.size(); i++) {
                if (t.test(d, x, i)) {
                    f.flag(x, i);
                }
            }
        };
    }

    /**
     * An open DoLO at the end of last year continues this year (a DoLO with the same start). The error is about last
     * year's row, the only row there is, so it names last year's file.
     */
    static void r706(ReturnData d, Flags f) {
        Table now = d.dolo();
        Table last = d.last(DOLO);
        for (int i = 0; i < last.size(); i++) {
            if (last.get(i, "DOLO_END") != null) {
                continue;
            }
            boolean found = false;
            for (int j : now.rowsOf(last.get(i, "CHILD"))) {
                found |= R.eq(now.get(j, "DOLO_START"), last.get(i, "DOLO_START"));
            }
            if (!found) {
                f.flag(last, i);
            }
        }
    }

    /** Episodes that overlap a DoLO (with both dates) in a placement the predicate rejects. */
    static void placement(ReturnData d, Flags f, java.util.function.Predicate<String> wrong) {
        Table x = d.dolo();
        Table e = d.episodes();
        for (int i = 0; i < x.size(); i++) {
            if (x.get(i, "DOLO_START") == null || x.get(i, "DOLO_END") == null) {
                continue;
            }
            LocalDate start = x.date("DOLO_START")[i];
            LocalDate end = x.date("DOLO_END")[i];
            for (int j : e.rowsOf(x.get(i, "CHILD"))) {
                LocalDate dec = e.date("DEC")[j];
                boolean overlaps = (le(start, dec) || dec == null) && ge(end, e.date("DECOM")[j]);
                if (overlaps && wrong.test(e.get(j, "PLACE"))) {
                    f.flag(x, i);
                    f.flag(e, j);
                }
            }
        }
    }
}
