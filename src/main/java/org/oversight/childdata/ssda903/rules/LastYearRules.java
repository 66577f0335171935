package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.HEADER;
import static org.oversight.childdata.ssda903.Ssda903Table.MISSING;
import static org.oversight.childdata.ssda903.Ssda903Table.PLACED_ADOPTION;
import static org.oversight.childdata.ssda903.Ssda903Table.UASC;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.le;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Rules that compare this year's return with last year's (given as well, for the same LA). */
final class LastYearRules {

    private LastYearRules() {
    }

    private static final Set<String> UN = Set.of("UN1", "UN2", "UN3", "UN4", "UN5");
    private static final Set<String> UN2_5 = Set.of("UN2", "UN3", "UN4", "UN5");

    static void register(RuleBook.Builder b) {
        b.rule("202").on(HEADER, "SEX").last(HEADER).check(headers((d, h, i, l, j) ->
                !R.sameText(h.get(i, "SEX"), l.get(j, "SEX"))));
        b.rule("203").on(HEADER, "DOB").last(HEADER).check(headers((d, h, i, l, j) ->
                !java.util.Objects.equals(h.date("DOB")[i], l.date("DOB")[j])));
        b.rule("204").on(HEADER, "ETHNIC").last(HEADER).check(headers((d, h, i, l, j) ->
                !R.sameText(EpisodeRules.upper(h.get(i, "ETHNIC")), EpisodeRules.upper(l.get(j, "ETHNIC")))));
        b.rule("205A").on(UASC, "DUC").flags(HEADER, "CHILD").last(UASC).check((d, f) -> uasc205(d, f, 'A'));
        b.rule("205B").on(UASC, "DUC").flags(HEADER, "CHILD").last(UASC).check((d, f) -> uasc205(d, f, 'B'));
        b.rule("205C").on(UASC, "DUC").flags(HEADER, "CHILD").last(UASC).check((d, f) -> uasc205(d, f, 'C'));
        b.rule("205D").flags(HEADER, "CHILD").flags(UASC, "CHILD").onlyIf(LastYearRules::uascBothYears,
                "needs this year's and last year's UASC tables (or Header with UASC)").check(LastYearRules::r205d);
        b.rule("207").on(HEADER, "MOTHER").last(HEADER).needs(EPISODES).check(headers((d, h, i, l, j) ->
                d.episodes().hasChild(h.get(i, "CHILD")) && !R.sameText(h.get(i, "MOTHER"), l.get(j, "MOTHER"))
                        && "1".equals(l.get(j, "MOTHER"))));
        b.rule("208").on(HEADER, "UPN").last(HEADER).check(headers(LastYearRules::upnChanged));
        b.rule("452").on(EPISODES, "PL_POST").last(EPISODES).check((d, f) -> firstAndLast(d, f, (e, i, l, j) ->
                R.eq(e.get(i, "RNE"), l.get(j, "RNE")) && l.get(j, "DEC") == null
                        && !R.sameText(e.get(i, "PL_LA"), l.get(j, "PL_LA"))));
        b.rule("453").on(EPISODES, "PL_DISTANCE").last(EPISODES).check((d, f) -> firstAndLast(d, f, (e, i, l, j) ->
                distanceChanged(e, i, l, j) && l.date("DEC")[j] == null && R.eq(e.get(i, "RNE"), l.get(j, "RNE"))));
        b.rule("502").on(EPISODES, "DECOM").last(EPISODES).check(LastYearRules::r502);
        b.rule("503A").on(EPISODES, "RNE").last(EPISODES).check(differs("RNE"));
        b.rule("503B").on(EPISODES, "LS").last(EPISODES).check(differs("LS"));
        b.rule("503C").on(EPISODES, "CIN").last(EPISODES).check(differs("CIN"));
        b.rule("503D").on(EPISODES, "PLACE").last(EPISODES).check(differs("PLACE"));
        b.rule("503E").on(EPISODES, "PLACE_PROVIDER").last(EPISODES).check(differs("PLACE_PROVIDER"));
        b.rule("503F").on(EPISODES, "URN").last(EPISODES).check(differs("URN"));
        b.rule("503G").on(EPISODES, "PL_DISTANCE").last(EPISODES).check((d, f) -> firstAndLast(d, f, (e, i, l, j) ->
                distanceChanged(e, i, l, j) && l.date("DEC")[j] == null));
        b.rule("503H").on(EPISODES, "PL_POST").last(EPISODES).check(differs("PL_LA"));
        b.rule("503J").on(EPISODES, "PL_POST").last(EPISODES).la().check(differs("PL_LOCATION"));
        b.rule("559").on(PLACED_ADOPTION, "DATE_PLACED").last(PLACED_ADOPTION).check(LastYearRules::r559);
        b.rule("560").on(PLACED_ADOPTION, "DATE_PLACED").last(PLACED_ADOPTION).check(placed((d, p, i, l, j) ->
                l.get(j, "DATE_PLACED") != null && l.get(j, "DATE_PLACED_CEASED") == null
                        && R.ne(p.get(i, "DATE_PLACED"), l.get(j, "DATE_PLACED"))));
        b.rule("561").on(PLACED_ADOPTION, "DATE_PLACED").last(PLACED_ADOPTION).check(placed((d, p, i, l, j) ->
                R.eq(p.get(i, "DATE_PLACED"), l.get(j, "DATE_PLACED"))
                        && l.anyFilled(j, "REASON_PLACED_CEASED", "DATE_PLACED_CEASED")));
        b.rule("562").on(EPISODES, "DECOM").last(EPISODES).check(LastYearRules::r562);
        b.rule("576").on(MISSING, "MIS_START").last(MISSING).check(LastYearRules::r576);
        b.rule("584").on(PLACED_ADOPTION, "DATE_PLACED").last(PLACED_ADOPTION).check(placed((d, p, i, l, j) ->
                l.anyFilled(j, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")
                        && (p.get(i, "DATE_PLACED") == null
                        || le(p.date("DATE_PLACED")[i], l.date("DATE_PLACED")[j]))));
        b.rule("624").on(HEADER, "MC_DOB").last(HEADER).check(headers((d, h, i, l, j) ->
                l.get(j, "MC_DOB") != null && R.ne(h.get(i, "MC_DOB"), l.get(j, "MC_DOB"))));
        b.rule("626").on(HEADER, "MOTHER").last(HEADER).check(headers((d, h, i, l, j) ->
                h.date("MC_DOB")[i] != null && h.number("MOTHER")[i] == 1 && l.number("MOTHER")[j] == 0
                        && lt(h.date("MC_DOB")[i], d.start())));
        b.rule("NoE").on(EPISODES, "DECOM").last(EPISODES).check((d, f) -> {
            Table e = d.episodes();
            for (int i = 0; i < e.size(); i++) {
                if (lt(e.date("DECOM")[i], d.start()) && !d.last(EPISODES).hasChild(e.get(i, "CHILD"))) {
                    f.flag(e, i);
                }
            }
        });
    }

    interface PairTest {
        boolean test(ReturnData d, Table now, int i, Table last, int j);
    }

    /** This year's rows of a table against the same child's rows last year. */
    static Rule903.Check pairs(java.util.function.Function<ReturnData, Table> table,
                               org.oversight.childdata.ssda903.Ssda903Table kind, PairTest t) {
        return (d, f) -> {
            Table now = table.apply(d);
            Table last = d.last(kind);
            for (int i = 0; i < now.size(); i++) {
                for (int j : last.rowsOf(now.get(i, "CHILD"))) {
                    if (t.test(d, now, i, last, j)) {
                        f.flag(now, i);
                    }
                }
            }
        };
    }

    static Rule903.Check headers(PairTest t) {
        return pairs(ReturnData::header, HEADER, t);
    }

    static Rule903.Check placed(PairTest t) {
        return pairs(ReturnData::placed, PLACED_ADOPTION, t);
    }

    static boolean upnChanged(ReturnData d, Table h, int i, Table l, int j) {
        String now = h.get(i, "UPN");
        String before = l.get(j, "UPN");
        boolean nullNow = now == null;
        boolean nullBefore = before == null;
        String a = nullNow ? "NAN" : now.toUpperCase(java.util.Locale.ROOT);
        String b = nullBefore ? "NAN" : before.toUpperCase(java.util.Locale.ROOT);
        boolean different = !a.equals(b) && !(nullNow && nullBefore);
        boolean validUnknownChange = (b.equals("UN1") || nullBefore) && UN2_5.contains(a);
        boolean unknownToKnown = (UN.contains(b) || nullBefore) && !(UN.contains(a) || nullNow);
        return different && !validUnknownChange && !unknownToKnown;
    }

    interface EpisodeTest {
        boolean test(Table now, int i, Table last, int j);
    }

    /** Each child's first episode this year against their last episode last year (by DECOM). */
    static void firstAndLast(ReturnData d, Flags f, EpisodeTest t) {
        Table e = d.episodes();
        Table l = d.last(EPISODES);
        Map<String, Integer> lastEps = l.idxMax("DECOM");
        e.idxMin("DECOM").forEach((child, i) -> {
            Integer j = lastEps.get(child);
            if (j != null && t.test(e, i, l, j)) {
                f.flag(e, i);
            }
        });
    }

    static boolean distanceChanged(Table e, int i, Table l, int j) {
        double now = e.number("PL_DISTANCE")[i];
        double before = l.number("PL_DISTANCE")[j];
        return Math.abs(now - before) >= 0.2 || Double.isNaN(before) && !Double.isNaN(now);
    }

    /** The first episode this year carries on last year's open last episode: the field is the same. */
    static Rule903.Check differs(String field) {
        return (d, f) -> firstAndLast(d, f, (e, i, l, j) -> {
            String now = e.get(i, field);
            String before = l.get(j, field);
            boolean differ = !R.sameText(now, before);
            if (field.equals("PLACE") && d.start().getYear() == 2025) {
                // 2025-26: Z1 was split into Z11-Z14
                differ &= !("Z1".equals(before) && R.in(now, Set.of("Z11", "Z12", "Z13", "Z14")));
            }
            return differ && l.date("DEC")[j] == null;
        });
    }

    static void r502(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table l = d.last(EPISODES);
        e.idxMin("DECOM").forEach((child, i) -> {
            for (int j : l.rowsOf(child)) {
                if (l.get(j, "DEC") == null && RuleDates.ne(e.date("DECOM")[i], l.date("DECOM")[j])) {
                    f.flag(e, i);
                }
            }
        });
    }

    static void r559(ReturnData d, Flags f) {
        Table p = d.placed();
        Table l = d.last(PLACED_ADOPTION);
        for (int i = 0; i < p.size(); i++) {
            if (!lt(p.date("DATE_PLACED")[i], d.start())) {
                continue;
            }
            int[] ls = l.rowsOf(p.get(i, "CHILD"));
            boolean missing = ls.length == 0;
            for (int j : ls) {
                missing |= l.date("DATE_PLACED")[j] == null;
            }
            if (missing) {
                f.flag(p, i);
            }
        }
    }

    /** The first episode starting before the year is the one last year's return ended with. */
    static void r562(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table l = d.last(EPISODES);
        Map<String, Integer> lastEps = l.idxMax("DECOM");
        Map<String, Integer> first = new HashMap<>();
        LocalDate[] decom = e.date("DECOM");
        for (int i = 0; i < e.size(); i++) {
            String c = e.get(i, "CHILD");
            if (c != null && lt(decom[i], d.start()) && (first.get(c) == null || decom[i].isBefore(decom[first.get(c)]))) {
                first.put(c, i);
            }
        }
        first.forEach((child, i) -> {
            Integer j = lastEps.get(child);
            if (j == null || !decom[i].equals(l.date("DECOM")[j])) {
                f.flag(e, i);
            }
        });
    }

    /** An open missing period at the end of last year carries on as this year's first. */
    static void r576(ReturnData d, Flags f) {
        Table m = d.missing();
        Table l = d.last(MISSING);
        LocalDate never = LocalDate.of(2099, 1, 1);
        m.byChild().forEach((child, rows) -> {
            int first = rows[0];
            for (int r : rows) {
                LocalDate s = m.date("MIS_START")[r] == null ? never : m.date("MIS_START")[r];
                LocalDate best = m.date("MIS_START")[first] == null ? never : m.date("MIS_START")[first];
                if (s.isBefore(best)) {
                    first = r;
                }
            }
            LocalDate start = m.date("MIS_START")[first] == null ? never : m.date("MIS_START")[first];
            for (int j : l.rowsOf(child)) {
                LocalDate lastStart = l.date("MIS_START")[j];
                if (l.get(j, "MIS_END") == null && lastStart != null && !lastStart.equals(start)) {
                    f.flag(m, first);
                }
            }
        });
    }

    /** Whether both years say which children are UASC (a UASC table, or Header with UASC). */
    static boolean uascBothYears(ReturnData d) {
        boolean now = d.header() != null ? d.header().hasColumn("UASC") : d.uasc() != null;
        Table lh = d.last(HEADER);
        boolean before = lh != null ? lh.hasColumn("UASC") : d.last(UASC) != null;
        return now && before;
    }

    /** Per child, the UASC flag of a year: from Header if given, else "1" for a UASC row with data, else "0". */
    static Map<String, String> uascFlags(Table header, Table uasc) {
        Map<String, String> out = new HashMap<>();
        if (header != null) {
            for (int i = 0; i < header.size(); i++) {
                out.putIfAbsent(header.get(i, "CHILD"), header.get(i, "UASC"));
            }
        } else {
            for (int i = 0; i < uasc.size(); i++) {
                out.putIfAbsent(uasc.get(i, "CHILD"), uasc.anyFilled(i, "SEX", "DUC") ? "1" : "0");
            }
        }
        return out;
    }

    /**
     * 205A-C: UASC status and the date it ceased, this year against last year, for the children in this year's UASC
     * table. A: UASC last year but not now, yet DUC does not show it ceasing last year. B: UASC both years, yet DUC is
     * not the 18th birthday. C: never UASC, yet a DUC.
     */
    static void uasc205(ReturnData d, Flags f, char which) {
        Table u = d.uasc();
        Table ul = d.last(UASC);
        Table h = d.header();
        Table hl = d.last(HEADER);
        Map<String, String> lastFlag = uascFlags(hl, ul);
        LocalDate startLast = d.start().minusYears(1);
        LocalDate endLast = d.end().minusYears(1);
        for (int i = 0; i < u.size(); i++) {
            String child = u.get(i, "CHILD");
            int[] hs = h != null ? h.rowsOf(child) : new int[0];
            String flagNow = h != null ? (hs.length > 0 ? h.get(hs[0], "UASC") : null)
                    : u.anyFilled(i, "SEX", "DUC") ? "1" : "0";
            int[] ls = ul.rowsOf(child);
            if (ls.length == 0) {
                ls = new int[] {-1};
            }
            for (int j : ls) {
                String flagLast = j < 0 ? null : lastFlag.get(child);
                LocalDate ducLast = j < 0 ? null : ul.date("DUC")[j];
                LocalDate duc = u.date("DUC")[i];
                boolean error = switch (which) {
                    case 'A' -> !"1".equals(flagNow) && "1".equals(flagLast)
                            && (u.get(i, "DUC") != null || !(ge(ducLast, startLast) && le(ducLast, endLast)));
                    case 'B' -> {
                        if (!("1".equals(flagNow) && "1".equals(flagLast))) {
                            yield false;
                        }
                        LocalDate dob18 = RuleDates.plusYears(ul.date("DOB")[j], 18);
                        boolean ducInYear = ge(duc, d.start()) && le(duc, d.end());
                        boolean prevIs18th = RuleDates.eq(ducLast, dob18);
                        boolean sameDuc = RuleDates.eq(duc, ducLast);
                        yield !ducInYear && !sameDuc || !prevIs18th;
                    }
                    default -> (flagNow == null || "0".equals(flagNow)) && (flagLast == null || "0".equals(flagLast))
                            && (u.get(i, "DUC") != null || j >= 0 && ul.get(j, "DUC") != null);
                };
                if (error) {
                    f.flag(u, i);
                    if (h != null) {
                        for (int r : hs) {
                            f.flag(h, r);
                        }
                    }
                }
            }
        }
    }

    /** UASC this year but not last year, for a child in both years' returns. */
    static void r205d(ReturnData d, Flags f) {
        Table h = d.header();
        Table now = h != null ? h : d.uasc();
        Map<String, String> last = uascFlags(d.last(HEADER), d.last(UASC));
        for (int i = 0; i < now.size(); i++) {
            String child = now.get(i, "CHILD");
            String flag = h != null ? h.get(i, "UASC") : now.anyFilled(i, "SEX", "DUC") ? "1" : "0";
            if (last.containsKey(child) && "1".equals(flag) && R.ne(last.get(child), "1")) {
                f.flag(now, i);
            }
        }
    }
}
