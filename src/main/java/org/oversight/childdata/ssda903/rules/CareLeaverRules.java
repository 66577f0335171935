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
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.le;
import static org.oversight.childdata.ssda903.rules.RuleDates.plusYears;

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

import org.oversight.childdata.ssda903.Codes;
import org.oversight.childdata.ssda903.Ssda903Table;

/** Rules about care leavers (OC3) and who should be in it. */
final class CareLeaverRules {

    private CareLeaverRules() {
    }

    static final String[] OC3_FIELDS = {"IN_TOUCH", "ACTIV", "ACCOM"};
    static final String[] AD1_FIELDS = {"DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
        "LS_ADOPTR"};

    static void register(RuleBook.Builder b) {
        b.rule("131").on(OC3, "IN_TOUCH").check((d, f) -> R.codes(d.oc3(), "IN_TOUCH", Codes.IN_TOUCH, false, f));
        b.rule("132").on(OC3, "ACTIV").check((d, f) -> R.codes(d.oc3(), "ACTIV", Codes.ACTIV, false, f));
        b.rule("133").on(OC3, "ACCOM").check((d, f) -> R.codes(d.oc3(), "ACCOM", Codes.ACCOM, false, f));
        b.rule("134").on(AD1, "DATE_INT").needs(OC3).check(CareLeaverRules::r134);
        b.rule("153").on(OC3, "IN_TOUCH").check(CareLeaverRules::r153);
        b.rule("187").on(OC3, "IN_TOUCH").on(AD1, "DATE_INT").needs(EPISODES).check(CareLeaverRules::r187);
        b.rule("344").on(OC3, "IN_TOUCH").check(each((d, o, i) -> R.in(o.get(i, "IN_TOUCH"), Set.of("DIED", "RHOM"))
                && (!"0".equals(o.get(i, "ACTIV")) || !"0".equals(o.get(i, "ACCOM")))));
        b.rule("345").on(OC3, "IN_TOUCH").check(each((d, o, i) -> "YES".equals(o.get(i, "IN_TOUCH"))
                && ("0".equals(o.get(i, "ACTIV")) || "0".equals(o.get(i, "ACCOM")))));
        b.rule("347").on(OC3, "ACCOM").check(each((d, o, i) -> o.get(i, "ACCOM") != null
                && o.get(i, "ACCOM").startsWith("T") && gt(plusYears(o.date("DOB")[i], 18), d.start())));
        b.rule("348").on(OC3, "IN_TOUCH").last(OC3).check(CareLeaverRules::r348);
        b.rule("391").on(OC3, "DOB").check(each((d, o, i) -> {
            LocalDate dob = o.date("DOB")[i];
            boolean notYet17 = gt(plusYears(dob, 17), d.end());
            boolean over21 = le(plusYears(dob, 22), d.start());
            return (notYet17 || over21) && o.anyFilled(i, OC3_FIELDS);
        }));
        b.rule("1000").on(OC3, "IN_TOUCH").needs(EPISODES).check(CareLeaverRules::r1000);
        b.rule("1001").on(OC3, "IN_TOUCH").needs(EPISODES).needs(HEADER).last(EPISODES)
                .check(CareLeaverRules::r1001);
        b.rule("1002").on(OC3, "IN_TOUCH").needs(EPISODES).last(EPISODES).check((d, f) ->
                each((dd, o, i) -> !d.episodes().hasChild(o.get(i, "CHILD"))
                        && !d.last(EPISODES).hasChild(o.get(i, "CHILD"))).run(d, f));
        b.rule("1007").on(OC3, "IN_TOUCH").needs(EPISODES).check(CareLeaverRules::r1007);
        b.rule("1010").on(OC3, "IN_TOUCH").needs(EPISODES).last(EPISODES).check(CareLeaverRules::r1010);
        b.rule("1011").on(OC3, "IN_TOUCH").needs(EPISODES).check(CareLeaverRules::r1011);
        b.rule("1012").needs(EPISODES).flags(PLACED_ADOPTION, "CHILD").flags(MISSING, "CHILD")
                .flags(REVIEWS, "CHILD").flags(AD1, "CHILD").flags(PREV_PERM, "CHILD").flags(OC2, "CHILD")
                .check(CareLeaverRules::r1012);
        b.rule("1014").on(UASC, "DUC").on(OC3, "IN_TOUCH").needs(EPISODES).check(CareLeaverRules::r1014);
        b.rule("1016").on(OC3, "IN_TOUCH").needs(EPISODES).check(CareLeaverRules::r1016);
    }

    interface Test {
        boolean test(ReturnData d, Table o, int i);
    }

    static Rule903.Check each(Test t) {
        return (d, f) -> {
            Table o = d.oc3();
            for (int i = 0; i < o.size(); i++) {
                if (t.test(d, o, i)) {
                    f.flag(o, i);
                }
            }
        };
    }

    static void r134(ReturnData d, Flags f) {
        Table a = d.ad1();
        Table o = d.oc3();
        for (int i = 0; i < a.size(); i++) {
            if (a.allBlank(i, AD1_FIELDS)) {
                continue;
            }
            for (int j : o.rowsOf(a.get(i, "CHILD"))) {
                if (o.anyFilled(j, OC3_FIELDS)) {
                    f.flag(a, i);
                }
            }
        }
    }

    static void r153(ReturnData d, Flags f) {
        Table o = d.oc3();
        for (int i = 0; i < o.size(); i++) {
            if (o.anyFilled(i, OC3_FIELDS) && o.anyBlank(i, OC3_FIELDS)) {
                String blank = o.get(i, "IN_TOUCH") == null ? "IN_TOUCH" : o.get(i, "ACTIV") == null ? "ACTIV" : "ACCOM";
                f.flag(o, i, blank);
            }
        }
    }

    static void r187(ReturnData d, Flags f) {
        Table o = d.oc3();
        Table a = d.ad1();
        for (int i = 0; i < o.size(); i++) {
            if (d.continuouslyLookedAfter(o.get(i, "CHILD")) && o.anyFilled(i, OC3_FIELDS)) {
                f.flag(o, i);
            }
        }
        for (int i = 0; i < a.size(); i++) {
            if (d.continuouslyLookedAfter(a.get(i, "CHILD")) && a.anyFilled(i, AD1_FIELDS)) {
                f.flag(a, i);
            }
        }
    }

    static void r348(ReturnData d, Flags f) {
        Table o = d.oc3();
        Table last = d.last(OC3);
        for (int i = 0; i < o.size(); i++) {
            for (int j : last.rowsOf(o.get(i, "CHILD"))) {
                if ("DIED".equals(last.get(j, "IN_TOUCH")) && R.ne(o.get(i, "IN_TOUCH"), "DIED")) {
                    f.flag(o, i);
                }
            }
        }
    }

    /** A young person who died in care (an episode ending E2, this year or last) is not a care leaver. */
    static void r1000(ReturnData d, Flags f) {
        Set<String> died = new HashSet<>();
        for (Table e : new Table[] {d.episodes(), d.last(EPISODES)}) {
            if (e != null) {
                for (int i = 0; i < e.size(); i++) {
                    if ("E2".equals(EpisodeRules.upper(e.get(i, "REC")))) {
                        died.add(e.get(i, "CHILD"));
                    }
                }
            }
        }
        each((dd, o, i) -> died.contains(o.get(i, "CHILD"))).run(d, f);
    }

    /**
     * A care leaver must have been a relevant or former relevant child: at least 13 weeks (91 days) looked after since
     * the 14th birthday, some of it after the 16th, and not adopted. Counted over this year's and last year's episodes
     * (respite excluded); an open last episode runs to the end of the year. DfE's validator also flags everyone aged
     * 20 or over at the end of the year, because it leaves them out of the count it then requires; Oversight does not
     * check them, as the validator's own comment says it meant to.
     */
    static void r1001(ReturnData d, Flags f) {
        Table cur = d.episodes();
        Table last = d.last(EPISODES);
        Table h = d.header();
        Table o = d.oc3();
        if (cur.size() == 0 || last.size() == 0 || h.size() == 0 || o.size() == 0) {
            return;
        }
        record Ep(String child, LocalDate decom, LocalDate dec, String ls, String rec) {
        }
        Map<String, Map<LocalDate, Ep>> byChild = new HashMap<>();
        List<Ep> noDecom = new ArrayList<>();
        for (Table e : new Table[] {cur, last}) {
            for (int i = 0; i < e.size(); i++) {
                Ep ep = new Ep(e.get(i, "CHILD"), e.date("DECOM")[i], e.date("DEC")[i], e.get(i, "LS"), e.get(i, "REC"));
                if (ep.child() == null) {
                    continue;
                }
                if (ep.decom() == null) {
                    noDecom.add(ep);
                    continue;
                }
                // the same episode in both years: keep the one with an end date (the earliest)
                byChild.computeIfAbsent(ep.child(), k -> new LinkedHashMap<>()).merge(ep.decom(), ep, (a, b2) ->
                        a.dec() == null ? b2 : b2.dec() == null ? a : a.dec().isAfter(b2.dec()) ? b2 : a);
            }
        }
        Map<String, LocalDate> dob = new HashMap<>();
        for (int i = 0; i < h.size(); i++) {
            LocalDate b = h.date("DOB")[i];
            if (b != null && h.get(i, "CHILD") != null) {
                dob.putIfAbsent(h.get(i, "CHILD"), b);
            }
        }
        Map<String, long[]> totals = new HashMap<>();
        Set<String> adopted = new HashSet<>();
        byChild.forEach((child, eps) -> {
            Ep latest = eps.values().stream().max(Comparator.comparing(Ep::decom)).orElseThrow();
            if (R.in(EpisodeRules.upper(latest.rec()), Set.of("E11", "E12"))) {
                adopted.add(child);
            }
            LocalDate birth = dob.get(child);
            if (birth == null) {
                return;
            }
            long[] t = new long[2];
            boolean any = false;
            for (Ep ep : eps.values()) {
                if (ep.ls() != null && HeaderRules.V3V4.contains(EpisodeRules.upper(ep.ls()))) {
                    continue;
                }
                any = true;
                LocalDate dec = ep.dec() == null && ep == latest ? d.end() : ep.dec();
                if (dec == null) {
                    continue;
                }
                LocalDate from14 = max(ep.decom(), birth.plusYears(14));
                LocalDate from16 = max(ep.decom(), birth.plusYears(16));
                t[0] += Math.max(0, ChronoUnit.DAYS.between(from14, dec));
                t[1] += Math.max(0, ChronoUnit.DAYS.between(from16, dec));
            }
            if (any) {
                totals.put(child, t);
            }
        });
        for (int i = 0; i < o.size(); i++) {
            String child = o.get(i, "CHILD");
            LocalDate birth = dob.get(child);
            boolean twentyOrOver = birth != null && !birth.plusYears(20).isAfter(d.end());
            long[] t = totals.get(child);
            boolean relevant = t != null && t[0] >= 91 && t[1] >= 1;
            if (adopted.contains(child) || !relevant && !twentyOrOver) {
                f.flag(o, i);
            }
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** No care leaver data for a 17- or 18-year-old who was looked after on their latest birthday. */
    static void r1007(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table o = d.oc3();
        LocalDate end = d.end();
        for (int i = 0; i < o.size(); i++) {
            LocalDate dob = o.date("DOB")[i];
            if (dob == null || !o.anyFilled(i, OC3_FIELDS) || dob.plusYears(17).isAfter(end)
                    || !dob.plusYears(19).isAfter(end)) {
                continue;
            }
            LocalDate bday = dob.withYear(end.getYear());
            if (bday.isAfter(end)) {
                bday = bday.minusYears(1);
            }
            for (int j : e.rowsOf(o.get(i, "CHILD"))) {
                if (le(e.date("DECOM")[j], bday) && gt(e.date("DEC")[j], bday)) {
                    f.flag(o, i);
                }
            }
        }
    }

    /** A child whose care was open at the end of last year needs this year's episodes before care leaver data. */
    static void r1010(ReturnData d, Flags f) {
        Table last = d.last(EPISODES);
        Set<String> open = new HashSet<>();
        last.idxMax("DECOM").forEach((child, i) -> {
            // the last by DECOM; among equal DECOMs, the last in file order, as a sort then "last row" picks
            int best = i;
            for (int j : last.rowsOf(child)) {
                if (RuleDates.eq(last.date("DECOM")[j], last.date("DECOM")[i])) {
                    best = j;
                }
            }
            if (last.get(best, "DEC") == null) {
                open.add(child);
            }
        });
        each((dd, o, i) -> !d.episodes().hasChild(o.get(i, "CHILD")) && open.contains(o.get(i, "CHILD"))).run(d, f);
    }

    /** A child whose final episode ended with a transfer to another LA (E3) is not this LA's care leaver. */
    static void r1011(ReturnData d, Flags f) {
        Table e = d.episodes();
        Set<String> transferred = new HashSet<>();
        e.idxMax("DECOM").forEach((child, i) -> {
            if ("E3".equals(e.get(i, "REC"))) {
                transferred.add(child);
            }
        });
        each((dd, o, i) -> transferred.contains(o.get(i, "CHILD")) && o.anyFilled(i, OC3_FIELDS)).run(d, f);
    }

    /** Children with no episode this year (OC3 care leavers) have no other data. */
    static void r1012(ReturnData d, Flags f) {
        Table e = d.episodes();
        for (Ssda903Table t : List.of(PLACED_ADOPTION, MISSING, REVIEWS, AD1, PREV_PERM, OC2)) {
            Table x = d.table(t);
            if (x == null) {
                continue;
            }
            String[] child = x.col("CHILD");
            for (int i = 0; i < x.size(); i++) {
                if (!e.hasChild(child[i])) {
                    f.flag(x, i);
                }
            }
        }
    }

    /** A UASC child with no episode in the year has no care leaver data. */
    static void r1014(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table u = d.uasc();
        Table o = d.oc3();
        Map<String, Integer> inYear = new HashMap<>();
        for (int i = 0; i < e.size(); i++) {
            LocalDate decom = e.date("DECOM")[i];
            LocalDate dec = e.date("DEC")[i];
            boolean in = ge(dec, d.start()) && le(decom, d.end()) || le(decom, d.end()) && dec == null;
            if (e.get(i, "CHILD") != null) {
                inYear.merge(e.get(i, "CHILD"), in ? 1 : 0, Integer::sum);
            }
        }
        for (int i = 0; i < u.size(); i++) {
            Integer n = inYear.get(u.get(i, "CHILD"));
            if (n == null || n > 0) {
                continue;
            }
            for (int j : o.rowsOf(u.get(i, "CHILD"))) {
                if (o.anyFilled(j, OC3_FIELDS)) {
                    f.flag(u, i);
                    f.flag(o, j);
                }
            }
        }
    }

    /**
     * No care leaver data for a 17-year-old who left care on or after their 17th birthday, or an 18-year-old on or
     * after their 18th. Ages at 31 March are in years of 365.2425 days, as DfE's validator counts them.
     */
    static void r1016(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table o = d.oc3();
        for (int i = 0; i < o.size(); i++) {
            LocalDate dob = o.date("DOB")[i];
            if (dob == null || !o.anyFilled(i, OC3_FIELDS)) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(dob, d.end());
            for (int j : e.rowsOf(o.get(i, "CHILD"))) {
                LocalDate dec = e.date("DEC")[j];
                boolean is17 = days >= years(17) && days < years(18) && ge(dec, dob.plusYears(17));
                boolean is18 = days >= years(18) && days < years(19) && ge(dec, dob.plusYears(18));
                if (is17 || is18) {
                    f.flag(o, i);
                }
            }
        }
    }

    /** n years of 365.2425 days, rounded up to whole days (numpy's "Y" unit). */
    private static long years(int n) {
        return (long) Math.ceil(n * 365.2425);
    }
}
