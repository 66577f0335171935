package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.MISSING;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.le;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.oversight.childdata.ssda903.Codes;

/** Rules about missing and away-without-authorisation periods, and DoLO periods that follow the same logic. */
final class MissingRules {

    private MissingRules() {
    }

    static void register(RuleBook.Builder b) {
        b.rule("1004").on(MISSING, "MIS_START").check((d, f) -> R.dates(d.missing(), "MIS_START", false, f));
        b.rule("1005").on(MISSING, "MIS_END").check((d, f) -> R.dates(d.missing(), "MIS_END", true, f));
        b.rule("1006").on(MISSING, "MISSING").check((d, f) -> R.codes(d.missing(), "MISSING", Codes.MISSING, true, f));
        b.rule("564").on(MISSING, "MIS_START").check(each((d, m, i) -> m.get(i, "MISSING") != null
                && Set.of("M", "A").contains(m.get(i, "MISSING").toUpperCase(java.util.Locale.ROOT))
                && m.get(i, "MIS_START") == null));
        b.rule("565").on(MISSING, "MISSING").check(each((d, m, i) -> m.get(i, "MIS_START") != null
                && m.get(i, "MISSING") == null));
        b.rule("566").on(MISSING, "MISSING").check(each((d, m, i) -> m.get(i, "MISSING") == null
                && m.get(i, "MIS_END") != null));
        b.rule("567").on(MISSING, "MIS_END").check(each((d, m, i) -> gt(m.date("MIS_START")[i], m.date("MIS_END")[i])));
        b.rule("570").on(MISSING, "MIS_START").check(each((d, m, i) -> gt(m.date("MIS_START")[i], d.end())));
        b.rule("571").on(MISSING, "MIS_END").check(each((d, m, i) -> lt(m.date("MIS_END")[i], d.start())
                || gt(m.date("MIS_END")[i], d.end())));
        b.rule("574").on(MISSING, "MIS_START").check((d, f) -> overlaps(d.missing(), "MIS_START", "MIS_END", f));
        b.rule("575").on(MISSING, "MIS_END").needs(EPISODES).check(MissingRules::r575);
        b.rule("577").on(MISSING, "MIS_END").needs(EPISODES).check((d, f) ->
                openAfterCare(d.episodes(), d.missing(), "MIS_START", "MIS_END", f));
        b.rule("578").on(MISSING, "MIS_START").needs(EPISODES).check(MissingRules::r578);
        b.rule("580").on(EPISODES, "REC").needs(MISSING).check(MissingRules::r580);
        b.rule("581").on(MISSING, "MIS_START").needs(EPISODES).check(MissingRules::r581);
        b.rule("586").on(MISSING, "MIS_START").check(each((d, m, i) -> m.date("MIS_START")[i] != null
                && le(m.date("MIS_START")[i], m.date("DOB")[i])));
    }

    interface Test {
        boolean test(ReturnData d, Table m, int i);
    }

    static Rule903.Check each(Test t) {
        return (d, f) -> {
            Table m = d.missing();
            for (int i = 0; i < m.size(); i++) {
                if (t.test(d, m, i)) {
                    f.flag(m, i);
                }
            }
        };
    }

    /**
     * Periods (missing, DoLO) of one child in order of end (an open one by its start): a period cannot start while the
     * one before is open, or before it ended.
     */
    static void overlaps(Table t, String startCol, String endCol, Flags f) {
        LocalDate[] start = t.date(startCol);
        LocalDate[] end = t.date(endCol);
        String[] child = t.col("CHILD");
        Comparator<Integer> cmp = Comparator.comparing((Integer i) -> child[i], Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(i -> end[i] != null ? end[i] : start[i], Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(i -> start[i], Comparator.nullsLast(Comparator.naturalOrder()));
        int[] order = t.sorted(cmp);
        for (int k = 1; k < order.length; k++) {
            int prev = order[k - 1];
            int cur = order[k];
            if (R.eq(child[cur], child[prev]) && (end[prev] == null || lt(start[cur], end[prev]))) {
                f.flag(t, cur);
            }
        }
    }

    static void r575(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table m = d.missing();
        for (int i = 0; i < m.size(); i++) {
            LocalDate start = m.date("MIS_START")[i];
            if (m.get(i, "MIS_END") != null) {
                continue;
            }
            for (int j : e.rowsOf(m.get(i, "CHILD"))) {
                LocalDate dec = e.date("DEC")[j];
                if (dec != null && ge(start, e.date("DECOM")[j]) && le(start, dec)) {
                    f.flag(m, i);
                }
            }
        }
    }

    /** A period of care: first DECOM, and the DEC of its last episode (null if open). */
    record Care(LocalDate decom, LocalDate dec) {
    }

    /**
     * Each child's periods of care: episodes in DECOM order, a new period when an episode starts after the previous
     * one ended (or for the first); an open episode does not end a period.
     */
    static Map<String, List<Care>> periodsOfCare(Table e) {
        LocalDate[] decom = e.date("DECOM");
        LocalDate[] dec = e.date("DEC");
        Map<String, List<Care>> out = new HashMap<>();
        String prevChild = null;
        LocalDate prevDec = null;
        LocalDate first = null;
        LocalDate lastDec = null;
        String current = null;
        for (int i : e.sortedByChildThen("DECOM")) {
            if (decom[i] == null) {
                continue;
            }
            String child = e.get(i, "CHILD");
            boolean newPeriod = current == null || gt(decom[i], prevDec) || R.ne(child, prevChild);
            if (newPeriod) {
                if (current != null) {
                    out.computeIfAbsent(current, k -> new ArrayList<>()).add(new Care(first, lastDec));
                }
                current = child;
                first = decom[i];
            }
            lastDec = dec[i];
            prevDec = dec[i];
            prevChild = child;
        }
        if (current != null) {
            out.computeIfAbsent(current, k -> new ArrayList<>()).add(new Care(first, lastDec));
        }
        return out;
    }

    /**
     * A period (missing, DoLO) still open must sit in an open period of care: flagged when, against every one of the
     * child's periods of care, it is open after care ended, open from before care began, or ends outside the period.
     */
    static void openAfterCare(Table e, Table t, String startCol, String endCol, Flags f) {
        Map<String, List<Care>> pocs = periodsOfCare(e);
        LocalDate[] start = t.date(startCol);
        LocalDate[] end = t.date(endCol);
        for (int i = 0; i < t.size(); i++) {
            if (start[i] == null) {
                continue;
            }
            List<Care> cs = pocs.get(t.get(i, "CHILD"));
            if (cs == null) {
                continue;
            }
            boolean allOut = true;
            for (Care c : cs) {
                boolean out = end[i] == null && c.dec() != null
                        || end[i] == null && lt(start[i], c.decom())
                        || gt(end[i], c.dec())
                        || lt(end[i], c.decom());
                allOut &= out;
            }
            if (allOut) {
                f.flag(t, i);
            }
        }
    }

    /** A missing period cannot start after the child's care ended (against every period of care). */
    static void r578(ReturnData d, Flags f) {
        Table m = d.missing();
        Map<String, List<Care>> pocs = periodsOfCare(d.episodes());
        LocalDate[] start = m.date("MIS_START");
        for (int i = 0; i < m.size(); i++) {
            List<Care> cs = pocs.get(m.get(i, "CHILD"));
            if (cs == null) {
                continue;
            }
            boolean allOut = true;
            for (Care c : cs) {
                allOut &= lt(start[i], c.decom()) || c.dec() != null && gt(start[i], c.dec());
            }
            if (allOut) {
                f.flag(m, i);
            }
        }
    }

    /** A child missing on the day they turned 18 and left care left with REC E8. */
    static void r580(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table m = d.missing();
        for (int i = 0; i < m.size(); i++) {
            LocalDate bd18 = RuleDates.plusYears(m.date("DOB")[i], 18);
            LocalDate end = m.date("MIS_END")[i];
            if (bd18 == null || !bd18.equals(end)) {
                continue;
            }
            for (int j : e.rowsOf(m.get(i, "CHILD"))) {
                if (end.equals(e.date("DEC")[j]) && R.ne(e.get(j, "REC"), "E8")) {
                    f.flag(e, j);
                }
            }
        }
    }

    /** A missing period starts during an episode of care. */
    static void r581(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table m = d.missing();
        for (int i = 0; i < m.size(); i++) {
            int[] eps = e.rowsOf(m.get(i, "CHILD"));
            if (eps.length == 0) {
                continue;
            }
            LocalDate start = m.date("MIS_START")[i];
            boolean inEpisode = false;
            for (int j : eps) {
                LocalDate dec = e.date("DEC")[j];
                inEpisode |= ge(start, e.date("DECOM")[j]) && (le(start, dec) || dec == null);
            }
            if (!inEpisode) {
                f.flag(m, i);
            }
        }
    }
}
