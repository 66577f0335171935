package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.HEADER;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.le;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules about a child's episodes in order: continuity, reasons for new episodes, and how long statuses last. */
final class EpisodeSequenceRules {

    private EpisodeSequenceRules() {
    }

    static final Set<String> TEMPORARY = EpisodeRules.TEMPORARY;
    private static final Set<String> CEASED = Set.of("E2", "E3", "E4A", "E4B", "E5", "E6", "E7", "E8", "E9", "E11",
            "E12", "E13", "E14", "E15", "E16", "E17", "E41", "E45", "E46", "E47", "E48");

    static void register(RuleBook.Builder b) {
        b.rule("142").on(EPISODES, "DEC").check(EpisodeSequenceRules::r142);
        b.rule("199").on(EPISODES, "CHILD").check(EpisodeSequenceRules::r199);
        b.rule("225").on(EPISODES, "REASON_PLACE_CHANGE").check(EpisodeSequenceRules::r225);
        b.rule("226").on(EPISODES, "REASON_PLACE_CHANGE").check(EpisodeSequenceRules::r226);
        b.rule("302").on(EPISODES, "DECOM").on(HEADER, "DOB").check(EpisodeSequenceRules::r302);
        b.rule("336").on(EPISODES, "PLACE").check(EpisodeSequenceRules::r336);
        b.rule("357").query().on(EPISODES, "RNE").check(EpisodeSequenceRules::r357);
        b.rule("361").on(EPISODES, "LS").check((d, f) -> longFlow(d, f, "L1", 3));
        b.rule("362").on(EPISODES, "LS").check((d, f) -> longFlow(d, f, "L2", 21));
        b.rule("363").on(EPISODES, "LS").check((d, f) -> longPeriod(d, f, "L3", 7));
        b.rule("364").on(EPISODES, "LS").check((d, f) -> longPeriod(d, f, "J2", 21));
        b.rule("367").on(EPISODES, "LS").check(EpisodeSequenceRules::r367);
        b.rule("377").on(EPISODES, "PLACE").check(EpisodeSequenceRules::r377);
        b.rule("383").on(EPISODES, "PLACE").check(EpisodeSequenceRules::r383);
        b.rule("388").on(EPISODES, "REC").check(EpisodeSequenceRules::r388);
        b.rule("426").on(EPISODES, "LS").check(EpisodeSequenceRules::r426);
        b.rule("431").on(EPISODES, "RNE").check(pairs((e, p, c) -> "S".equals(e.get(c, "RNE"))
                && le(e.date("DECOM")[c], e.date("DEC")[p])));
        b.rule("432").on(EPISODES, "RNE").check(pairs((e, p, c) -> R.in(e.get(p, "REC"), CEASED)
                && R.ne(e.get(c, "RNE"), "S")));
        b.rule("433").on(EPISODES, "RNE").check(EpisodeSequenceRules::r433);
        b.rule("434").on(EPISODES, "RNE").check(pairs((e, p, c) -> "L".equals(e.get(c, "RNE"))
                && (R.eq(e.get(c, "LS"), e.get(p, "LS")) || !sameFilled(e, p, c, ""))));
        b.rule("435").on(EPISODES, "LS").check(pairs((e, p, c) -> R.in(e.get(c, "RNE"), Set.of("P", "T"))
                && (R.ne(e.get(c, "LS"), e.get(p, "LS")) || sameNonBlank(e, p, c))));
        b.rule("436").on(EPISODES, "RNE").check(pairs((e, p, c) -> R.in(e.get(c, "RNE"), Set.of("U", "B"))
                && (R.sameText(e.get(c, "LS"), e.get(p, "LS")) || sameFilled(e, p, c, "*"))));
        b.rule("437").on(EPISODES, "REC").check(EpisodeSequenceRules::r437);
        b.rule("501").on(EPISODES, "DECOM").check(pairs((e, p, c) -> lt(e.date("DECOM")[c], e.date("DEC")[p])));
        b.rule("504").on(EPISODES, "CIN").check(pairs((e, p, c) -> "X1".equals(e.get(p, "REC"))
                && RuleDates.eq(e.date("DEC")[p], e.date("DECOM")[c]) && R.ne(e.get(c, "CIN"), e.get(p, "CIN"))));
    }

    private static final List<String> PLACEMENT = List.of("PLACE", "PL_POST", "URN", "PLACE_PROVIDER");

    /** The placement fields are the same in both episodes, a blank equal to a blank. */
    private static boolean sameFilled(Table e, int p, int c, String blank) {
        for (String col : PLACEMENT) {
            String a = e.get(c, col);
            String b = e.get(p, col);
            if (!(a == null ? blank : a).equals(b == null ? blank : b)) {
                return false;
            }
        }
        return true;
    }

    /** The placement fields are the same in both episodes, a blank equal to nothing. */
    private static boolean sameNonBlank(Table e, int p, int c) {
        for (String col : PLACEMENT) {
            if (!R.eq(e.get(c, col), e.get(p, col))) {
                return false;
            }
        }
        return true;
    }

    interface PairTest {
        boolean test(Table e, int previous, int current);
    }

    /** Flags each episode for which the test holds against the child's episode before it (by DECOM). */
    static Rule903.Check pairs(PairTest t) {
        return (d, f) -> {
            Table e = d.episodes();
            int[] order = e.sortedByChildThen("DECOM");
            String[] child = e.col("CHILD");
            for (int k = 1; k < order.length; k++) {
                int p = order[k - 1];
                int c = order[k];
                if (child[c] != null && child[c].equals(child[p]) && t.test(e, p, c)) {
                    f.flag(e, c);
                }
            }
        };
    }

    /** Each child's rows by DECOM, blanks last, ties in file order. */
    static List<int[]> byChildInOrder(Table e) {
        LocalDate[] decom = e.date("DECOM");
        Comparator<Integer> byDecom = Comparator.comparing(i -> decom[i], Comparator.nullsLast(Comparator.naturalOrder()));
        List<int[]> out = new ArrayList<>();
        for (int[] rows : e.byChild().values()) {
            Integer[] boxed = new Integer[rows.length];
            for (int i = 0; i < rows.length; i++) {
                boxed[i] = rows[i];
            }
            java.util.Arrays.sort(boxed, byDecom);
            int[] sorted = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                sorted[i] = boxed[i];
            }
            out.add(sorted);
        }
        return out;
    }

    /** An episode that is not the child's last must have ended (DEC and REC). */
    static void r142(ReturnData d, Flags f) {
        Table e = d.episodes();
        LocalDate[] decom = e.date("DECOM");
        LocalDate[] dec = e.date("DEC");
        String[] rec = e.col("REC");
        for (int[] rows : byChildInOrder(e)) {
            int last = rows[rows.length - 1];
            for (int i : rows) {
                if (i != last && decom[i] != null && (dec[i] == null || rec[i] == null)) {
                    f.flag(e, i, dec[i] == null ? "DEC" : "REC");
                }
            }
        }
    }

    /** An episode after an adoption (this year or last) means the child was adopted before. */
    static void r199(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table last = d.last(EPISODES);
        record Ep(String child, LocalDate decom, boolean adopted, int row) {
        }
        List<Ep> all = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            all.add(new Ep(e.get(i, "CHILD"), e.date("DECOM")[i], R.in(e.get(i, "REC"), Set.of("E11", "E12")), i));
        }
        if (last != null) {
            for (int i = 0; i < last.size(); i++) {
                all.add(new Ep(last.get(i, "CHILD"), last.date("DECOM")[i],
                        R.in(last.get(i, "REC"), Set.of("E11", "E12")), -1));
            }
        }
        all.removeIf(x -> x.decom() == null || x.child() == null);
        all.sort(Comparator.comparing(Ep::decom));
        Map<String, Integer> adoptions = new HashMap<>();
        for (Ep x : all) {
            int n = adoptions.merge(x.child(), x.adopted() ? 1 : 0, Integer::sum);
            if (x.row() >= 0 && n > 0 && n != (x.adopted() ? 1 : 0)) {
                f.flag(e, x.row());
            }
        }
    }

    /** A placement change (X1 then P, B, T or U, neither temporary) needs its reason. */
    static void r225(ReturnData d, Flags f) {
        Table e = d.episodes();
        int[] order = e.sortedByChildThen("DECOM");
        for (int k = 0; k + 1 < order.length; k++) {
            int c = order[k];
            int n = order[k + 1];
            if (R.eq(e.get(c, "CHILD"), e.get(n, "CHILD")) && "X1".equals(e.get(c, "REC"))
                    && e.get(c, "REASON_PLACE_CHANGE") == null && R.notIn(e.get(c, "PLACE"), TEMPORARY)
                    && R.in(e.get(n, "RNE"), Set.of("P", "B", "T", "U")) && R.notIn(e.get(n, "PLACE"), TEMPORARY)) {
                f.flag(e, c);
            }
        }
    }

    /** A temporary placement takes no reason for placement change, nor does the episode before it. */
    static void r226(ReturnData d, Flags f) {
        Table e = d.episodes();
        String[] reason = e.col("REASON_PLACE_CHANGE");
        String[] place = e.col("PLACE");
        int[] order = e.sortedByChildThen("DECOM");
        String[] child = e.col("CHILD");
        for (int k = 0; k < order.length; k++) {
            int c = order[k];
            String previous = k > 0 && child[c] != null && child[c].equals(child[order[k - 1]])
                    ? reason[order[k - 1]] : null;
            if (R.in(place[c], TEMPORARY) && (reason[c] != null || previous != null)) {
                f.flag(e, c);
            }
        }
    }

    static void r302(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table h = d.header();
        for (Map.Entry<String, Integer> en : e.idxMin("DECOM").entrySet()) {
            int i = en.getValue();
            for (int r : h.rowsOf(en.getKey())) {
                if (gt(h.date("DOB")[r], e.date("DECOM")[i])) {
                    f.flag(e, i);
                    f.flag(h, r);
                }
            }
        }
    }

    /** A placement for adoption with current foster carers (A3, A4) follows a foster placement. */
    static void r336(ReturnData d, Flags f) {
        Table e = d.episodes();
        Set<String> before = Set.of("A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6");
        Map<String, Integer> first = e.idxMin("DECOM");
        for (int[] rows : byChildInOrder(e)) {
            for (int k = 0; k < rows.length; k++) {
                int c = rows[k];
                String prev = k > 0 ? e.get(rows[k - 1], "PLACE") : null;
                boolean isFirst = first.get(e.get(c, "CHILD")) != null && first.get(e.get(c, "CHILD")) == c;
                if (R.in(e.get(c, "PLACE"), Set.of("A3", "A4")) && R.notIn(prev, before) && !isFirst) {
                    f.flag(e, c);
                }
            }
        }
    }

    /** A child's first episode, if it starts in the year, starts care (RNE S). */
    static void r357(ReturnData d, Flags f) {
        Table e = d.episodes();
        for (int i : e.idxMin("DECOM").values()) {
            if (ge(e.date("DECOM")[i], d.start()) && R.ne(e.get(i, "RNE"), "S")) {
                f.flag(e, i);
            }
        }
    }

    /**
     * Police protection (L1, 72 hours) and emergency protection orders (L2, 21 days): consecutive episodes with this
     * legal status that follow on from each other are one order, which may not last longer than allowed. An open
     * episode runs to the end of the year.
     */
    static void longFlow(ReturnData d, Flags f, String ls, int days) {
        Table e = d.episodes();
        int[] order = e.sortedByChildThen("DECOM");
        LocalDate[] decom = e.date("DECOM");
        LocalDate[] decParsed = e.date("DEC");
        String[] child = e.col("CHILD");
        List<Integer> rows = new ArrayList<>();
        List<Boolean> flowsOn = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (!ls.equals(e.get(i, "LS"))) {
                continue;
            }
            LocalDate dec = decParsed[i] == null ? d.end() : decParsed[i];
            int next = k + 1 < order.length ? order[k + 1] : -1;
            rows.add(i);
            flowsOn.add(next >= 0 && RuleDates.eq(dec, decom[next]) && child[i] != null && child[i].equals(child[next]));
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        int flow = 0;
        for (int k = 0; k < rows.size(); k++) {
            if (k == 0 || !flowsOn.get(k - 1)) {
                flow++;
            }
            groups.computeIfAbsent(child[rows.get(k)] + "\u0000" + flow, x -> new ArrayList<>()).add(rows.get(k));
        }
        for (List<Integer> g : groups.values()) {
            LocalDate min = null;
            LocalDate max = null;
            for (int i : g) {
                LocalDate dec = decParsed[i] == null ? d.end() : decParsed[i];
                if (decom[i] != null && (min == null || decom[i].isBefore(min))) {
                    min = decom[i];
                }
                if (max == null || dec.isAfter(max)) {
                    max = dec;
                }
            }
            if (min != null && ChronoUnit.DAYS.between(min, max) > days) {
                g.forEach(i -> f.flag(e, i));
            }
        }
    }

    /**
     * Child assessment orders (L3, 7 days) and PACE detention (J2, 21 days): episodes with this status that follow on
     * from each other (no gap) form one period, whose days may not add up to more than allowed. Open episodes run to
     * the end of the year.
     */
    static void longPeriod(ReturnData d, Flags f, String ls, int days) {
        Table e = d.episodes();
        LocalDate[] decom = e.date("DECOM");
        String[] child = e.col("CHILD");
        List<Integer> rows = new ArrayList<>();
        for (int i : e.sortedByChildThen("DECOM")) {
            if (ls.equals(e.get(i, "LS")) && decom[i] != null) {
                rows.add(i);
            }
        }
        List<List<Integer>> periods = new ArrayList<>();
        LocalDate prevDec = null;
        String prevChild = null;
        for (int k = 0; k < rows.size(); k++) {
            int i = rows.get(k);
            boolean newPeriod = k == 0 || gt(decom[i], prevDec) || R.ne(child[i], prevChild);
            if (newPeriod) {
                periods.add(new ArrayList<>());
            }
            periods.getLast().add(i);
            prevDec = dec(e, i, d.end());
            prevChild = child[i];
        }
        for (List<Integer> p : periods) {
            long total = 0;
            for (int i : p) {
                LocalDate dec = dec(e, i, d.end());
                if (dec != null) {
                    total += ChronoUnit.DAYS.between(decom[i], dec);
                }
            }
            if (total > days) {
                p.forEach(i -> f.flag(e, i));
            }
        }
    }

    /** DEC, or the end of the year if blank; null if filled but not a date. */
    private static LocalDate dec(Table e, int i, LocalDate end) {
        return e.get(i, "DEC") == null ? end : e.date("DEC")[i];
    }

    /** Respite (V3) may add up to at most 75 days in the year. */
    static void r367(ReturnData d, Flags f) {
        Table e = d.episodes();
        Map<String, Long> total = new HashMap<>();
        Map<Integer, Long> duration = new LinkedHashMap<>();
        for (int i = 0; i < e.size(); i++) {
            if (!"V3".equals(e.get(i, "LS")) || e.get(i, "DECOM") == null) {
                continue;
            }
            LocalDate decom = e.date("DECOM")[i];
            LocalDate dec = e.date("DEC")[i];
            if (e.get(i, "DEC") == null || gt(dec, d.end())) {
                dec = d.end();
            }
            if (lt(decom, d.start())) {
                decom = d.start();
            }
            if (decom == null || dec == null) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(decom, dec);
            if (days > 0 && e.get(i, "CHILD") != null) {
                duration.put(i, days);
                total.merge(e.get(i, "CHILD"), days, Long::sum);
            }
        }
        duration.keySet().forEach(i -> {
            if (total.get(e.get(i, "CHILD")) > 75) {
                f.flag(e, i);
            }
        });
    }

    /** At most two temporary placements for a foster carer's holiday (T3). */
    static void r377(ReturnData d, Flags f) {
        Table e = d.episodes();
        Map<String, List<Integer>> t3 = new HashMap<>();
        for (int i = 0; i < e.size(); i++) {
            if ("T3".equals(e.get(i, "PLACE")) && e.get(i, "CHILD") != null) {
                t3.computeIfAbsent(e.get(i, "CHILD"), k -> new ArrayList<>()).add(i);
            }
        }
        t3.values().stream().filter(l -> l.size() > 2).forEach(l -> l.forEach(i -> f.flag(e, i)));
    }

    /** After a temporary placement the child returns (RNE P) to the placement (type and postcode) they had before. */
    static void r383(ReturnData d, Flags f) {
        Table e = d.episodes();
        int[] order = e.sortedByChildThen("DECOM");
        String[] child = e.col("CHILD");
        for (int k = 2; k < order.length; k++) {
            int c = order[k];
            int p = order[k - 1];
            int pp = order[k - 2];
            if (R.eq(child[c], child[p]) && R.eq(child[c], child[pp]) && R.in(e.get(p, "PLACE"), TEMPORARY)
                    && (R.ne(e.get(c, "RNE"), "P") || R.ne(e.get(c, "PLACE"), e.get(pp, "PLACE"))
                    || R.ne(e.get(c, "PL_POST"), e.get(pp, "PL_POST")))) {
                f.flag(e, c);
            }
        }
    }

    /** X1 (new episode begins) if and only if another episode starts the day this one ends. */
    static void r388(ReturnData d, Flags f) {
        Table e = d.episodes();
        LocalDate[] decom = e.date("DECOM");
        LocalDate[] dec = e.date("DEC");
        String[] rec = e.col("REC");
        LocalDate none = LocalDate.of(1901, 1, 1);
        Comparator<Integer> byDecom = Comparator.comparing(i -> decom[i] == null ? none : decom[i]);
        for (int[] rows : e.byChild().values()) {
            Integer[] s = java.util.Arrays.stream(rows).boxed().sorted(byDecom).toArray(Integer[]::new);
            for (int k = 0; k < s.length; k++) {
                int i = s[k];
                if (k + 1 < s.length) {
                    LocalDate next = decom[s[k + 1]] == null ? none : decom[s[k + 1]];
                    boolean x1 = "X1".equals(rec[i]);
                    if (dec[i] != null && (x1 && !dec[i].equals(next) || !x1 && rec[i] != null && dec[i].equals(next))) {
                        f.flag(e, i);
                    }
                } else if (dec[i] != null && "X1".equals(rec[i])) {
                    f.flag(e, i);
                }
            }
        }
    }

    /** Respite cannot be both V3 and V4 for one child in a year. */
    static void r426(ReturnData d, Flags f) {
        Table e = d.episodes();
        Set<String> v3 = new HashSet<>();
        Set<String> v4 = new HashSet<>();
        for (int i = 0; i < e.size(); i++) {
            if ("V3".equals(e.get(i, "LS"))) {
                v3.add(e.get(i, "CHILD"));
            } else if ("V4".equals(e.get(i, "LS"))) {
                v4.add(e.get(i, "CHILD"));
            }
        }
        for (int i = 0; i < e.size(); i++) {
            String c = e.get(i, "CHILD");
            if (R.in(e.get(i, "LS"), Set.of("V3", "V4")) && c != null && v3.contains(c) && v4.contains(c)) {
                f.flag(e, i);
            }
        }
    }

    /** A continuation episode (RNE P, L, T, U, B) starts the day the previous one ended. */
    static void r433(ReturnData d, Flags f) {
        Table e = d.episodes();
        int[] order = e.sortedByChildThen("DECOM", "DEC");
        for (int k = 1; k < order.length; k++) {
            int c = order[k];
            int p = order[k - 1];
            String rne = EpisodeRules.upper(e.get(c, "RNE"));
            if (R.in(rne, Set.of("P", "L", "T", "U", "B")) && R.eq(e.get(c, "CHILD"), e.get(p, "CHILD"))
                    && R.ne(e.get(p, "DEC"), e.get(c, "DECOM"))) {
                f.flag(e, c);
            }
        }
    }

    /** A child who died (E2) or turned 18 (E15) has no later episode. */
    static void r437(ReturnData d, Flags f) {
        Table e = d.episodes();
        int[] order = e.sortedByChildThen("DECOM");
        for (int k = 0; k + 1 < order.length; k++) {
            int c = order[k];
            if (e.date("DECOM")[c] != null && R.in(EpisodeRules.upper(e.get(c, "REC")), Set.of("E2", "E15"))
                    && R.eq(e.get(c, "CHILD"), e.get(order[k + 1], "CHILD"))) {
                f.flag(e, c);
            }
        }
    }
}
