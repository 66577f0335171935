package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.AD1;
import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.HEADER;
import static org.oversight.childdata.ssda903.Ssda903Table.PLACED_ADOPTION;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.le;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Rules about adoption: AD1 (children adopted) and PlacedAdoption (decisions that a child should be placed). */
final class AdoptionRules {

    private AdoptionRules() {
    }

    static final String[] AD1_FIELDS = CareLeaverRules.AD1_FIELDS;
    static final Set<String> ADOPTED = Set.of("E11", "E12");
    static final Set<String> PLACED = EpisodeRules.ADOPTION_PLACEMENTS;

    static void register(RuleBook.Builder b) {
        b.rule("112").on(AD1, "DATE_INT").check((d, f) -> R.dates(d.ad1(), "DATE_INT", true, f));
        b.rule("113").on(AD1, "DATE_MATCH").check((d, f) -> R.dates(d.ad1(), "DATE_MATCH", true, f));
        b.rule("114").on(AD1, "FOSTER_CARE").check((d, f) -> R.codes(d.ad1(), "FOSTER_CARE", Set.of("0", "1"), true, f));
        b.rule("115").on(PLACED_ADOPTION, "DATE_PLACED").check((d, f) -> R.dates(d.placed(), "DATE_PLACED", true, f));
        b.rule("116").on(PLACED_ADOPTION, "DATE_PLACED_CEASED").check((d, f) ->
                R.dates(d.placed(), "DATE_PLACED_CEASED", true, f));
        b.rule("117").on(EPISODES, "DEC").on(PLACED_ADOPTION, "DATE_PLACED_CEASED").check(AdoptionRules::r117);
        b.rule("118").on(EPISODES, "DECOM").on(PLACED_ADOPTION, "DATE_PLACED_CEASED").check(AdoptionRules::r118);
        b.rule("119").on(PLACED_ADOPTION, "REASON_PLACED_CEASED").check(placed((d, p, i) ->
                (p.get(i, "DATE_PLACED_CEASED") == null) != (p.get(i, "REASON_PLACED_CEASED") == null)));
        b.rule("120").on(PLACED_ADOPTION, "REASON_PLACED_CEASED").check((d, f) -> R.codes(d.placed(),
                "REASON_PLACED_CEASED", Set.of("RD1", "RD2", "RD3", "RD4"), true, f));
        b.rule("151").on(AD1, "DATE_INT").check(ad1((d, a, i) -> a.anyFilled(i, AD1_FIELDS) && a.anyBlank(i, AD1_FIELDS)));
        b.rule("175").on(AD1, "NB_ADOPTR").check((d, f) -> R.codes(d.ad1(), "NB_ADOPTR", Set.of("1", "2"), true, f));
        b.rule("176").on(AD1, "SEX_ADOPTR").check((d, f) -> R.codes(d.ad1(), "SEX_ADOPTR",
                Set.of("M1", "F1", "MM", "FF", "MF"), true, f));
        b.rule("177").on(AD1, "LS_ADOPTR").check((d, f) -> R.codes(d.ad1(), "LS_ADOPTR",
                Set.of("L0", "L11", "L12", "L2", "L3", "L4"), true, f));
        b.rule("184").on(PLACED_ADOPTION, "DATE_PLACED").needs(HEADER).check(AdoptionRules::r184);
        b.rule("331").on(AD1, "DATE_MATCH").on(EPISODES, "DECOM").check(AdoptionRules::r331);
        b.rule("333").on(AD1, "DATE_INT").check(ad1((d, a, i) -> {
            LocalDate match = a.date("DATE_MATCH")[i];
            LocalDate intended = a.date("DATE_INT")[i];
            return match != null && (intended == null || intended.isAfter(match));
        }));
        b.rule("334").on(EPISODES, "DECOM").on(AD1, "DATE_INT").check(AdoptionRules::r334);
        b.rule("335").on(EPISODES, "PLACE").on(AD1, "FOSTER_CARE").check(AdoptionRules::r335);
        b.rule("511").on(AD1, "NB_ADOPTR").check(ad1((d, a, i) -> "2".equals(a.get(i, "NB_ADOPTR"))
                && R.in(a.get(i, "SEX_ADOPTR"), Set.of("M1", "F1"))));
        b.rule("514").on(AD1, "LS_ADOPTR").check(ad1((d, a, i) -> "L0".equals(a.get(i, "LS_ADOPTR"))
                && R.notIn(a.get(i, "SEX_ADOPTR"), Set.of("M1", "F1"))));
        b.rule("517").on(AD1, "LS_ADOPTR").check(ad1((d, a, i) -> "L3".equals(a.get(i, "LS_ADOPTR"))
                && R.notIn(a.get(i, "SEX_ADOPTR"), Set.of("MF"))));
        b.rule("518").on(AD1, "LS_ADOPTR").check(ad1((d, a, i) -> "L4".equals(a.get(i, "LS_ADOPTR"))
                && R.notIn(a.get(i, "SEX_ADOPTR"), Set.of("MM", "FF"))));
        b.rule("519").on(AD1, "LS_ADOPTR").check(ad1((d, a, i) -> "L2".equals(a.get(i, "LS_ADOPTR"))
                && R.notIn(a.get(i, "SEX_ADOPTR"), Set.of("MM", "FF", "MF"))));
        b.rule("520").on(AD1, "LS_ADOPTR").check(ad1((d, a, i) -> "L11".equals(a.get(i, "LS_ADOPTR"))
                && R.notIn(a.get(i, "SEX_ADOPTR"), Set.of("MF"))));
        b.rule("524").on(AD1, "LS_ADOPTR").check(ad1((d, a, i) -> "L12".equals(a.get(i, "LS_ADOPTR"))
                && R.notIn(a.get(i, "SEX_ADOPTR"), Set.of("MM", "FF"))));
        b.rule("521").on(EPISODES, "DECOM").on(AD1, "DATE_INT").check(AdoptionRules::r521);
        b.rule("522").on(PLACED_ADOPTION, "DATE_PLACED_CEASED").check(placed((d, p, i) ->
                lt(p.date("DATE_PLACED_CEASED")[i], p.date("DATE_PLACED")[i])));
        b.rule("523").on(PLACED_ADOPTION, "DATE_PLACED").on(AD1, "DATE_INT").check(AdoptionRules::r523);
        b.rule("525").on(PLACED_ADOPTION, "DATE_PLACED_CEASED").on(AD1, "DATE_INT").check(AdoptionRules::r525);
        b.rule("551").on(EPISODES, "PLACE").needs(PLACED_ADOPTION).check(AdoptionRules::r551);
        b.rule("552").on(PLACED_ADOPTION, "DATE_PLACED").on(EPISODES, "DECOM").check(AdoptionRules::r552);
        b.rule("553").on(EPISODES, "LS").on(PLACED_ADOPTION, "DATE_PLACED").check(AdoptionRules::r553);
        b.rule("554").on(EPISODES, "DECOM").on(PLACED_ADOPTION, "DATE_PLACED").check(AdoptionRules::r554);
        b.rule("557").on(EPISODES, "REC").on(PLACED_ADOPTION, "DATE_PLACED_CEASED").check(AdoptionRules::r557);
        b.rule("558").on(EPISODES, "REC").needs(PLACED_ADOPTION).check(AdoptionRules::r558);
        b.rule("563").on(PLACED_ADOPTION, "DATE_PLACED").check(placed((d, p, i) ->
                p.get(i, "REASON_PLACED_CEASED") != null && p.get(i, "DATE_PLACED_CEASED") != null
                        && p.get(i, "DATE_PLACED") == null));
        b.rule("579").on(PLACED_ADOPTION, "DATE_PLACED").check(AdoptionRules::r579);
        b.rule("582").query().on(EPISODES, "DEC").needs(AD1).check(AdoptionRules::r582);
        b.rule("583").on(PLACED_ADOPTION, "DATE_PLACED").check(AdoptionRules::r583);
        b.rule("601").on(EPISODES, "REC").on(AD1, "DATE_INT").check(AdoptionRules::r601);
        b.rule("602").on(AD1, "CHILD").needs(EPISODES).check(AdoptionRules::r602);
        b.rule("1003").on(EPISODES, "DECOM").on(PLACED_ADOPTION, "DATE_PLACED").check(AdoptionRules::r1003);
    }

    interface Test {
        boolean test(ReturnData d, Table t, int i);
    }

    static Rule903.Check ad1(Test t) {
        return (d, f) -> {
            Table a = d.ad1();
            for (int i = 0; i < a.size(); i++) {
                if (t.test(d, a, i)) {
                    f.flag(a, i);
                }
            }
        };
    }

    static Rule903.Check placed(Test t) {
        return (d, f) -> {
            Table p = d.placed();
            for (int i = 0; i < p.size(); i++) {
                if (t.test(d, p, i)) {
                    f.flag(p, i);
                }
            }
        };
    }

    /** Decisions must not be after the year or after the child left care (latest episode not ending X1). */
    static void r117(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.placed();
        Map<String, Integer> latest = new HashMap<>();
        LocalDate[] decom = e.date("DECOM");
        for (int i = 0; i < e.size(); i++) {
            String c = e.get(i, "CHILD");
            if (c == null || decom[i] == null || "X1".equals(e.get(i, "REC"))) {
                continue;
            }
            Integer best = latest.get(c);
            if (best == null || decom[i].isAfter(decom[best])) {
                latest.put(c, i);
            }
        }
        latest.forEach((child, i) -> {
            LocalDate dec = e.date("DEC")[i];
            for (int j : p.rowsOf(child)) {
                LocalDate placed = p.date("DATE_PLACED")[j];
                LocalDate ceased = p.date("DATE_PLACED_CEASED")[j];
                if (gt(placed, d.end()) || gt(placed, dec) || gt(ceased, d.end()) || gt(ceased, dec)) {
                    f.flag(e, i);
                    f.flag(p, j);
                }
            }
        });
    }

    /** A decision that the child should no longer be placed cannot be before the year or before care began. */
    static void r118(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.placed();
        Map<String, Integer> earliest = new HashMap<>();
        LocalDate[] decom = e.date("DECOM");
        for (int i = 0; i < e.size(); i++) {
            String c = e.get(i, "CHILD");
            if (c == null || decom[i] == null || R.in(e.get(i, "LS"), HeaderRules.V3V4)) {
                continue;
            }
            Integer best = earliest.get(c);
            if (best == null || decom[i].isBefore(decom[best])) {
                earliest.put(c, i);
            }
        }
        earliest.forEach((child, i) -> {
            for (int j : p.rowsOf(child)) {
                LocalDate ceased = p.date("DATE_PLACED_CEASED")[j];
                if (lt(ceased, decom[i]) || lt(ceased, d.start())) {
                    f.flag(e, i);
                    f.flag(p, j);
                }
            }
        });
    }

    static void r184(ReturnData d, Flags f) {
        Table p = d.placed();
        Table h = d.header();
        for (int i = 0; i < p.size(); i++) {
            LocalDate placed = p.date("DATE_PLACED")[i];
            if (placed == null) {
                continue;
            }
            int[] hs = h.rowsOf(p.get(i, "CHILD"));
            if (hs.length == 0) {
                f.flag(p, i);
            }
            for (int r : hs) {
                if (!ge(placed, h.date("DOB")[r])) {
                    f.flag(p, i);
                }
            }
        }
    }

    static void r331(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table a = d.ad1();
        for (int i = 0; i < e.size(); i++) {
            if (!R.in(e.get(i, "REC"), ADOPTED)) {
                continue;
            }
            for (int j : a.rowsOf(e.get(i, "CHILD"))) {
                if (gt(a.date("DATE_MATCH")[j], e.date("DECOM")[i])) {
                    f.flag(a, j);
                    f.flag(e, i);
                }
            }
        }
    }

    /** The decision that adoption is in the child's interest cannot be before the latest start of care (RNE S). */
    static void r334(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table a = d.ad1();
        latestOrFirst(e, "S", false).forEach((child, i) -> {
            for (int j : a.rowsOf(child)) {
                if (lt(a.date("DATE_INT")[j], e.date("DECOM")[i])) {
                    f.flag(e, i);
                    f.flag(a, j);
                }
            }
        });
    }

    /** Per child, the first (or last) episode by DECOM among those with this RNE. */
    static Map<String, Integer> latestOrFirst(Table e, String rne, boolean first) {
        Map<String, Integer> out = new HashMap<>();
        LocalDate[] decom = e.date("DECOM");
        for (int i = 0; i < e.size(); i++) {
            String c = e.get(i, "CHILD");
            if (c == null || decom[i] == null || !rne.equals(e.get(i, "RNE"))) {
                continue;
            }
            Integer best = out.get(c);
            if (best == null || (first ? decom[i].isBefore(decom[best]) : decom[i].isAfter(decom[best]))) {
                out.put(c, i);
            }
        }
        return out;
    }

    static void r335(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table a = d.ad1();
        for (int i = 0; i < e.size(); i++) {
            if (!R.in(e.get(i, "REC"), Set.of("E1", "E11", "E12"))) {
                continue;
            }
            String place = e.get(i, "PLACE");
            for (int j : a.rowsOf(e.get(i, "CHILD"))) {
                String fc = a.get(j, "FOSTER_CARE");
                if (R.in(place, Set.of("A2", "A3", "A5")) && "0".equals(fc)
                        || R.in(place, Set.of("A1", "A4", "A6")) && "1".equals(fc)) {
                    f.flag(e, i);
                    f.flag(a, j);
                }
            }
        }
    }

    static void r521(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table a = d.ad1();
        for (int i = 0; i < e.size(); i++) {
            if (!R.in(e.get(i, "PLACE"), PLACED)) {
                continue;
            }
            for (int j : a.rowsOf(e.get(i, "CHILD"))) {
                if (gt(a.date("DATE_INT")[j], e.date("DECOM")[i])) {
                    f.flag(e, i);
                    f.flag(a, j);
                }
            }
        }
    }

    static void r523(ReturnData d, Flags f) {
        Table p = d.placed();
        Table a = d.ad1();
        for (int i = 0; i < p.size(); i++) {
            LocalDate placed = p.date("DATE_PLACED")[i];
            if (placed == null) {
                continue;
            }
            for (int j : a.rowsOf(p.get(i, "CHILD"))) {
                LocalDate intended = a.date("DATE_INT")[j];
                if (intended != null && !intended.equals(placed)) {
                    f.flag(p, i);
                    f.flag(a, j);
                }
            }
        }
    }

    static void r525(ReturnData d, Flags f) {
        Table p = d.placed();
        Table a = d.ad1();
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i, "DATE_PLACED_CEASED") == null) {
                continue;
            }
            for (int j : a.rowsOf(p.get(i, "CHILD"))) {
                if (a.anyFilled(j, AD1_FIELDS)) {
                    f.flag(p, i);
                    f.flag(a, j);
                }
            }
        }
    }

    static void r551(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.placed();
        for (int i = 0; i < e.size(); i++) {
            if (!R.in(e.get(i, "PLACE"), PLACED)) {
                continue;
            }
            int[] ps = p.rowsOf(e.get(i, "CHILD"));
            boolean missing = ps.length == 0;
            for (int j : ps) {
                missing |= p.get(j, "DATE_PLACED") == null;
            }
            if (missing) {
                f.flag(e, i);
            }
        }
    }

    /** The latest decision to place must be on or before the first placement for adoption. */
    static void r552(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.placed();
        Map<String, Integer> firstPlacement = new HashMap<>();
        LocalDate[] decom = e.date("DECOM");
        for (int i = 0; i < e.size(); i++) {
            String c = e.get(i, "CHILD");
            if (c == null || decom[i] == null || !R.in(e.get(i, "PLACE"), PLACED)) {
                continue;
            }
            Integer best = firstPlacement.get(c);
            if (best == null || decom[i].isBefore(decom[best])) {
                firstPlacement.put(c, i);
            }
        }
        Map<String, Integer> lastDecision = p.idxMax("DATE_PLACED");
        firstPlacement.forEach((child, i) -> {
            Integer j = lastDecision.get(child);
            if (j != null && lt(decom[i], p.date("DATE_PLACED")[j])) {
                f.flag(e, i);
                f.flag(p, j);
            }
        });
    }

    static void r553(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.placed();
        for (int i = 0; i < e.size(); i++) {
            if (!"E1".equals(e.get(i, "LS"))) {
                continue;
            }
            String child = e.get(i, "CHILD");
            if (!p.hasChild(child)) {
                f.flag(e, i);
            }
            if (e.get(i, "DEC") == null) {
                for (int j : p.rowsOf(child)) {
                    if (p.anyFilled(j, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")) {
                        f.flag(p, j);
                    }
                }
            }
        }
    }

    static void r554(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.placed();
        Map<String, Integer> firstE1 = new HashMap<>();
        LocalDate[] decom = e.date("DECOM");
        for (int i = 0; i < e.size(); i++) {
            String c = e.get(i, "CHILD");
            if (c == null || decom[i] == null || !"E1".equals(e.get(i, "LS"))) {
                continue;
            }
            Integer best = firstE1.get(c);
            if (best == null || decom[i].isBefore(decom[best])) {
                firstE1.put(c, i);
            }
        }
        firstE1.forEach((child, i) -> {
            for (int j : p.rowsOf(child)) {
                if (gt(p.date("DATE_PLACED")[j], decom[i])) {
                    f.flag(e, i);
                    f.flag(p, j);
                }
            }
        });
    }

    /** A child placed for adoption (or under a placement order) who left care not adopted needs the decision reversed. */
    static void r557(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.placed();
        for (int i = 0; i < e.size(); i++) {
            String rec = e.get(i, "REC");
            boolean placedOrOrder = R.in(e.get(i, "PLACE"), PLACED) || "E1".equals(e.get(i, "LS"));
            boolean notAdopted = rec != null && !ADOPTED.contains(rec) && !"X1".equals(rec);
            if (!placedOrOrder || !notAdopted) {
                continue;
            }
            int[] ps = p.rowsOf(e.get(i, "CHILD"));
            if (ps.length == 0) {
                f.flag(e, i);
            }
            for (int j : ps) {
                if (p.anyBlank(j, "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")) {
                    f.flag(e, i);
                    f.flag(p, j);
                }
            }
        }
    }

    /** An adopted child's decisions to place were not reversed: more than one reversal date is an error. */
    static void r558(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.placed();
        Map<String, Integer> adoptions = new HashMap<>();
        for (int i = 0; i < e.size(); i++) {
            if (R.in(e.get(i, "REC"), ADOPTED) && e.get(i, "CHILD") != null) {
                adoptions.merge(e.get(i, "CHILD"), 1, Integer::sum);
            }
        }
        Set<String> errors = new HashSet<>();
        adoptions.forEach((child, n) -> {
            int[] ps = p.rowsOf(child);
            if (ps.length == 0) {
                return;
            }
            for (int j : ps) {
                if (p.get(j, "DATE_PLACED_CEASED") == null) {
                    return;
                }
            }
            if (n * ps.length > 1) {
                errors.add(child);
            }
        });
        for (int i = 0; i < e.size(); i++) {
            if (R.in(e.get(i, "REC"), ADOPTED) && errors.contains(e.get(i, "CHILD"))) {
                f.flag(e, i);
            }
        }
    }

    /** A new decision to place cannot start while an earlier one is open or before it ended. */
    static void r579(ReturnData d, Flags f) {
        Table p = d.placed();
        int[] order = p.sortedByChildThen("DATE_PLACED");
        for (int k = 1; k < order.length; k++) {
            int prev = order[k - 1];
            int cur = order[k];
            if (R.eq(p.get(cur, "CHILD"), p.get(prev, "CHILD"))) {
                LocalDate ceased = p.date("DATE_PLACED_CEASED")[prev];
                if (ceased == null || lt(p.date("DATE_PLACED")[cur], ceased)) {
                    f.flag(p, cur);
                }
            }
        }
    }

    static void r582(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table a = d.ad1();
        for (int i = 0; i < e.size(); i++) {
            if (!R.in(e.get(i, "REC"), ADOPTED)) {
                continue;
            }
            for (int j : a.rowsOf(e.get(i, "CHILD"))) {
                if (R.eq(e.get(i, "DEC"), a.get(j, "DATE_MATCH"))) {
                    f.flag(e, i);
                }
            }
        }
    }

    /** All but the latest decision to place need a date the decision was reversed. */
    static void r583(ReturnData d, Flags f) {
        Table p = d.placed();
        LocalDate[] placed = p.date("DATE_PLACED");
        p.byChild().forEach((child, rows) -> {
            int latest = rows[0];
            for (int r : rows) {
                if (placed[r] != null && (placed[latest] == null || placed[r].isAfter(placed[latest]))) {
                    latest = r;
                }
            }
            for (int r : rows) {
                if (r != latest && p.get(r, "DATE_PLACED_CEASED") == null) {
                    f.flag(p, r);
                }
            }
        });
    }

    /** A child adopted in the year has every AD1 item. */
    static void r601(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table a = d.ad1();
        LocalDate[] dec = e.date("DEC");
        for (int i = 0; i < e.size(); i++) {
            if (!(ge(dec[i], d.start()) && le(dec[i], d.end()) && R.in(e.get(i, "REC"), ADOPTED))) {
                continue;
            }
            for (int j : a.rowsOf(e.get(i, "CHILD"))) {
                if (a.anyBlank(j, AD1_FIELDS)) {
                    f.flag(a, j);
                    f.flag(e, i);
                }
            }
        }
    }

    /** AD1 only for children adopted in the year. */
    static void r602(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table a = d.ad1();
        Set<String> adopted = new HashSet<>();
        LocalDate[] dec = e.date("DEC");
        for (int i = 0; i < e.size(); i++) {
            if (ge(dec[i], d.start()) && le(dec[i], d.end()) && R.in(e.get(i, "REC"), ADOPTED)) {
                adopted.add(e.get(i, "CHILD"));
            }
        }
        for (int i = 0; i < a.size(); i++) {
            if (!adopted.contains(a.get(i, "CHILD")) && a.anyFilled(i, AD1_FIELDS)) {
                f.flag(a, i);
            }
        }
    }

    /** The decision to place cannot be before the child first started to be looked after (first RNE S). */
    static void r1003(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.placed();
        latestOrFirst(e, "S", true).forEach((child, i) -> {
            for (int j : p.rowsOf(child)) {
                if (lt(p.date("DATE_PLACED")[j], e.date("DECOM")[i])) {
                    f.flag(e, i);
                    f.flag(p, j);
                }
            }
        });
    }
}
