package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.HEADER;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.le;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;
import static org.oversight.childdata.ssda903.rules.RuleDates.plusYears;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import org.oversight.childdata.ssda903.Codes;

/** Rules about one episode at a time: codes, dates, and the child's age at the episode (from Header). */
final class EpisodeRules {

    private EpisodeRules() {
    }

    static final Set<String> TEMPORARY = Set.of("T0", "T1", "T2", "T3", "T4");
    static final Set<String> NO_PROVIDER = Set.of("T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14");
    /** Rule 178's list: DfE's text leaves T4 out. */
    static final Set<String> NO_PROVIDER_178 = Set.of("T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14");
    static final Set<String> NO_URN = Set.of("P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11",
            "Z12", "Z13", "Z14");
    static final Set<String> V3V4 = HeaderRules.V3V4;
    static final Set<String> ADOPTION_PLACEMENTS = Set.of("A3", "A4", "A5", "A6");
    static final Set<String> FOSTER_WITH_FORMER_CARERS = Set.of("U1", "U2", "U3", "U4", "U5", "U6");
    private static final LocalDate DECOM_MIN = LocalDate.of(1991, 10, 14);

    static void register(RuleBook.Builder b) {
        b.rule("141").on(EPISODES, "DECOM").check((d, f) -> R.dates(d.episodes(), "DECOM", true, f));
        b.rule("143").on(EPISODES, "RNE").check((d, f) -> R.codes(d.episodes(), "RNE", Codes.RNE, true, f));
        b.rule("144").on(EPISODES, "LS").check((d, f) -> R.codes(d.episodes(), "LS", Codes.LS, true, f));
        b.rule("145").on(EPISODES, "CIN").check((d, f) -> R.codes(d.episodes(), "CIN", Codes.CIN, true, f));
        b.rule("146").on(EPISODES, "PLACE").check((d, f) -> R.codes(d.episodes(), "PLACE", Codes.PLACE, true, f));
        b.rule("147").on(EPISODES, "DEC").check((d, f) -> R.dates(d.episodes(), "DEC", true, f));
        b.rule("148").on(EPISODES, "DEC").check(EpisodeRules::r148);
        b.rule("149").on(EPISODES, "REC").check((d, f) -> R.codes(d.episodes(), "REC", Codes.REC, true, f));
        b.rule("1009").on(EPISODES, "REASON_PLACE_CHANGE").check((d, f) -> R.codes(d.episodes(),
                "REASON_PLACE_CHANGE", Codes.REASON_PLACE_CHANGE, true, f));
        b.rule("178").on(EPISODES, "PLACE_PROVIDER").check(EpisodeRules::r178);
        b.rule("213").on(EPISODES, "PLACE_PROVIDER").check(row((e, i) ->
                R.in(e.get(i, "PLACE"), NO_PROVIDER) && e.get(i, "PLACE_PROVIDER") != null));
        b.rule("214").on(EPISODES, "PL_POST").check(row((e, i) ->
                R.in(e.get(i, "LS"), V3V4) && e.anyFilled(i, "PL_POST", "URN")));
        b.rule("217").on(EPISODES, "PLACE").check(EpisodeRules::r217);
        b.rule("222").on(EPISODES, "URN").check(row((e, i) -> R.in(e.get(i, "PLACE"), NO_URN)
                && e.get(i, "URN") != null && !"XXXXXXX".equals(e.get(i, "URN"))));
        b.rule("233").on(EPISODES, "REASON_PLACE_CHANGE").check(row((e, i) ->
                e.get(i, "DEC") == null && e.get(i, "REASON_PLACE_CHANGE") != null));
        b.rule("234").on(EPISODES, "REASON_PLACE_CHANGE").on(HEADER, "DOB").check(EpisodeRules::r234);
        b.rule("352").on(EPISODES, "DECOM").needs(HEADER).check(withDob((e, i, dob) ->
                "S".equalsIgnoreCase(e.get(i, "RNE")) && le(plusYears(dob, 18), e.date("DECOM")[i]), false));
        b.rule("353").on(EPISODES, "DECOM").check(row((e, i) -> lt(e.date("DECOM")[i], DECOM_MIN)));
        b.rule("354").on(EPISODES, "DECOM").check((d, f) -> flagRows(d, f, (e, i) -> gt(e.date("DECOM")[i], d.end())));
        b.rule("355").query().on(EPISODES, "DECOM").check(row((e, i) ->
                e.get(i, "DECOM") != null && e.get(i, "DECOM").equals(e.get(i, "DEC"))));
        b.rule("356").on(EPISODES, "DECOM").check(row((e, i) -> lt(e.date("DEC")[i], e.date("DECOM")[i])));
        b.rule("358").on(EPISODES, "DECOM").on(HEADER, "DOB").check(EpisodeRules::r358);
        b.rule("359").on(EPISODES, "DEC").needs(HEADER).check((d, f) -> withDob((e, i, dob) ->
                lt(plusYears(dob, 18), d.end()) && e.get(i, "DEC") == null
                        && !("V2".equals(e.get(i, "LS")) && "K2".equals(e.get(i, "PLACE"))), false).run(d, f));
        b.rule("365").on(EPISODES, "LS").check(EpisodeRules::r365);
        b.rule("366").on(EPISODES, "RNE").check(row((e, i) -> "V3".equals(e.get(i, "LS")) && R.ne(e.get(i, "RNE"), "S")));
        b.rule("371").on(EPISODES, "DECOM").needs(HEADER).check(tooYoung("K3", 16));
        b.rule("372").on(EPISODES, "DECOM").needs(HEADER).check(tooYoung("R5", 10));
        b.rule("373").on(EPISODES, "DECOM").needs(HEADER).check(tooYoung("S1", 4));
        b.rule("374").on(EPISODES, "DECOM").needs(HEADER).check(tooYoung("P3", 14));
        b.rule("375").on(EPISODES, "DECOM").needs(HEADER).check(tooLong("T1", 42));
        b.rule("376").on(EPISODES, "DECOM").needs(HEADER).check(tooLong("T3", 21));
        b.rule("379").on(EPISODES, "DECOM").needs(HEADER).check(tooLong("T4", 7));
        b.rule("378").on(EPISODES, "PLACE").check(row((e, i) -> "P1".equals(e.get(i, "PLACE")) && "V2".equals(e.get(i, "LS"))));
        b.rule("380").on(EPISODES, "PLACE").check(row((e, i) -> R.in(e.get(i, "PLACE"), TEMPORARY)
                && R.notIn(e.get(i, "RNE"), Set.of("P", "B"))));
        b.rule("381").on(EPISODES, "PLACE").check(row((e, i) -> R.in(e.get(i, "PLACE"), TEMPORARY)
                && e.get(i, "REC") != null && !"X1".equals(e.get(i, "REC"))));
        b.rule("382").on(EPISODES, "LS").check(row((e, i) -> R.in(e.get(i, "LS"), V3V4) && R.in(e.get(i, "PLACE"), TEMPORARY)));
        b.rule("384").on(EPISODES, "PLACE").check(row((e, i) -> R.in(e.get(i, "LS"), V3V4)
                && R.in(e.get(i, "PLACE"), Set.of("U1", "U4"))));
        b.rule("385").on(EPISODES, "DEC").check((d, f) -> flagRows(d, f, (e, i) -> gt(e.date("DEC")[i], d.end())));
        b.rule("386").on(EPISODES, "REC").needs(HEADER).check(withDob((e, i, dob) ->
                R.in(upper(e.get(i, "REC")), Set.of("E11", "E12")) && dob != null && e.date("DEC")[i] != null
                        && le(plusYears(dob, 18), e.date("DEC")[i]), false));
        b.rule("387").on(EPISODES, "REC").needs(HEADER).check(withDob((e, i, dob) ->
                R.in(upper(e.get(i, "REC")), Set.of("E5", "E6")) && e.date("DEC")[i] != null
                        && !le(plusYears(dob, 14), e.date("DEC")[i]), true));
        b.rule("389").on(EPISODES, "REC").needs(HEADER).check(withDob((e, i, dob) ->
                "E7".equals(upper(e.get(i, "REC"))) && !le(plusYears(dob, 16), e.date("DEC")[i]), true));
        b.rule("390").on(EPISODES, "PLACE").check(row((e, i) -> R.in(e.get(i, "REC"), Set.of("E11", "E12"))
                && R.notIn(e.get(i, "PLACE"), ADOPTION_PLACEMENTS)));
        b.rule("407").on(EPISODES, "DEC").on(HEADER, "DOB").check(EpisodeRules::r407);
        b.rule("408").on(EPISODES, "PLACE").check(row((e, i) -> R.in(e.get(i, "PLACE"), Set.of("A5", "A6"))
                && R.ne(e.get(i, "LS"), "E1")));
        b.rule("446").on(EPISODES, "LS").check(row((e, i) -> "E1".equals(e.get(i, "LS"))
                && lt(e.date("DECOM")[i], LocalDate.of(2005, 12, 1))));
        b.rule("460").on(EPISODES, "DEC").needs(HEADER).check(withDob((e, i, dob) ->
                "E17".equals(e.get(i, "REC")) && gt(plusYears(dob, 18), e.date("DEC")[i]), false));
        b.rule("516").on(EPISODES, "REC").check(row((e, i) -> R.in(e.get(i, "REC"), Set.of("E45", "E46"))
                && R.notIn(e.get(i, "PLACE"), FOSTER_WITH_FORMER_CARERS)));
        b.rule("526").on(EPISODES, "PLACE").check(row((e, i) -> R.notIn(e.get(i, "PLACE"), NO_PROVIDER)
                && e.get(i, "PLACE_PROVIDER") == null));
        b.rule("527").on(EPISODES, "PLACE").check(provider(Set.of("P1", "R2", "R5"), "PR1"));
        b.rule("528").on(EPISODES, "PLACE").check(provider(Set.of("P1", "R2", "R5"), "PR2"));
        b.rule("529").on(EPISODES, "PLACE").check(provider(Set.of("A3", "A4", "A5", "A6", "K1", "K2", "P1", "U1", "U2",
                "U3", "U4", "U5", "U6"), "PR3"));
        b.rule("530").on(EPISODES, "PLACE").check(provider(Set.of("P1"), "PR4"));
        b.rule("531").on(EPISODES, "PLACE").check(provider(Set.of("P1"), "PR5"));
        b.rule("550").on(EPISODES, "PLACE").check(row((e, i) -> R.ne(e.get(i, "PLACE"), "P1")
                && "PR0".equals(e.get(i, "PLACE_PROVIDER"))));
    }

    static String upper(String s) {
        return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
    }

    /** A check that flags each episode for which the predicate holds. */
    static Rule903.Check row(BiPredicate<Table, Integer> p) {
        return (d, f) -> flagRows(d, f, p);
    }

    static void flagRows(ReturnData d, Flags f, BiPredicate<Table, Integer> p) {
        Table e = d.episodes();
        for (int i = 0; i < e.size(); i++) {
            if (p.test(e, i)) {
                f.flag(e, i);
            }
        }
    }

    interface DobTest {
        boolean test(Table e, int i, LocalDate dob);
    }

    /**
     * Episodes joined to Header on CHILD (a left join: a child missing from Header has no DOB, as does a header row
     * with a bad DOB). With {@code evenWithoutHeader}, episodes of children not in Header are tested with DOB null.
     */
    static Rule903.Check withDob(DobTest t, boolean evenWithoutHeader) {
        return (d, f) -> {
            Table e = d.episodes();
            Table h = d.header();
            LocalDate[] dob = h.date("DOB");
            String[] child = e.col("CHILD");
            for (int i = 0; i < e.size(); i++) {
                int[] hr = h.rowsOf(child[i]);
                if (hr.length == 0 && evenWithoutHeader && t.test(e, i, null)) {
                    f.flag(e, i);
                }
                for (int r : hr) {
                    if (t.test(e, i, dob[r])) {
                        f.flag(e, i);
                    }
                }
            }
        };
    }

    static void r148(ReturnData d, Flags f) {
        Table e = d.episodes();
        String[] dec = e.col("DEC");
        String[] rec = e.col("REC");
        for (int i = 0; i < e.size(); i++) {
            if ((dec[i] == null) != (rec[i] == null)) {
                f.flag(e, i, dec[i] == null ? "DEC" : "REC");
            }
        }
    }

    static void r178(ReturnData d, Flags f) {
        Table e = d.episodes();
        String[] pp = e.col("PLACE_PROVIDER");
        String[] place = e.col("PLACE");
        for (int i = 0; i < e.size(); i++) {
            if (pp[i] != null && (!Codes.PLACE_PROVIDER.contains(pp[i]) || R.in(place[i], NO_PROVIDER_178))) {
                f.flag(e, i);
            }
        }
    }

    static void r217(ReturnData d, Flags f) {
        Table e = d.episodes();
        LocalDate from = LocalDate.of(2015, 4, 1);
        for (int i = 0; i < e.size(); i++) {
            if (R.in(e.get(i, "PLACE"), Set.of("A3", "A5")) && ge(e.date("DECOM")[i], from)
                    && R.notIn(e.get(i, "RNE"), Set.of("S", "T", "U"))) {
                f.flag(e, i);
            }
        }
    }

    static void r234(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table h = d.header();
        for (int i = 0; i < e.size(); i++) {
            if (!"CUSTOD".equals(e.get(i, "REASON_PLACE_CHANGE"))) {
                continue;
            }
            for (int r : h.rowsOf(e.get(i, "CHILD"))) {
                if (gt(plusYears(h.date("DOB")[r], 10), e.date("DECOM")[i])) {
                    f.flag(e, i);
                    f.flag(h, r);
                }
            }
        }
    }

    static void r358(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table h = d.header();
        for (int i = 0; i < e.size(); i++) {
            if (!R.in(e.get(i, "LS"), Set.of("J1", "J2", "J3"))) {
                continue;
            }
            for (int r : h.rowsOf(e.get(i, "CHILD"))) {
                if (ge(plusYears(h.date("DOB")[r], 10), e.date("DECOM")[i])) {
                    f.flag(e, i);
                    f.flag(h, r);
                }
            }
        }
    }

    static void r365(ReturnData d, Flags f) {
        Table e = d.episodes();
        for (int i = 0; i < e.size(); i++) {
            LocalDate dec = e.get(i, "DEC") == null ? d.end() : e.date("DEC")[i];
            LocalDate decom = e.date("DECOM")[i];
            if ("V3".equals(e.get(i, "LS")) && decom != null && gt(dec, decom.plusDays(17))) {
                f.flag(e, i);
            }
        }
    }

    static void r407(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table h = d.header();
        for (int i = 0; i < e.size(); i++) {
            if (!R.in(e.get(i, "REC"), Set.of("E45", "E46", "E47", "E48"))) {
                continue;
            }
            for (int r : h.rowsOf(e.get(i, "CHILD"))) {
                if (lt(plusYears(h.date("DOB")[r], 18), e.date("DEC")[i])) {
                    f.flag(e, i);
                    f.flag(h, r);
                }
            }
        }
    }

    /**
     * A child placed in this placement type must have reached this age when the episode began. DfE's validator only
     * tests closed episodes; Oversight tests open ones too (a 3-year-old at school now is as wrong as one who was).
     */
    static Rule903.Check tooYoung(String place, int years) {
        return withDob((e, i, dob) -> place.equals(e.get(i, "PLACE")) && lt(e.date("DECOM")[i], plusYears(dob, years)),
                false);
    }

    /** This temporary placement may last at most this many days (closed episodes of children in Header). */
    static Rule903.Check tooLong(String place, int days) {
        return withDob((e, i, dob) -> {
            LocalDate decom = e.date("DECOM")[i];
            LocalDate dec = e.date("DEC")[i];
            return place.equals(e.get(i, "PLACE")) && dob != null && decom != null && dec != null
                    && dec.isAfter(decom.plusDays(days));
        }, false);
    }

    static Rule903.Check provider(Set<String> places, String provider) {
        return row((e, i) -> R.in(e.get(i, "PLACE"), places) && provider.equals(e.get(i, "PLACE_PROVIDER")));
    }

    static Predicate<String> isAny(Set<String> s) {
        return s::contains;
    }
}
