package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.OC2;
import static org.oversight.childdata.ssda903.Ssda903Table.OC3;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.le;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;
import static org.oversight.childdata.ssda903.rules.RuleDates.plusYears;

import java.time.LocalDate;
import java.util.Set;

/**
 * Rules about OC2: children looked after continuously for 12 months at 31 March (strengths and difficulties
 * questionnaire, convictions, health, substance misuse).
 */
final class Oc2Rules {

    private Oc2Rules() {
    }

    static final String[] TWELVE_MONTHS = {"CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK",
        "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"};
    static final String[] CORE = {"IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"};

    interface Test {
        boolean test(ReturnData d, Table o, int i, LocalDate dob, boolean cla);
    }

    /** Flags each OC2 row for which the test holds; cla is DfE's CONTINUOUSLY_LOOKED_AFTER for the child. */
    static Rule903.Check each(Test t) {
        return (d, f) -> {
            Table o = d.oc2();
            LocalDate[] dob = o.date("DOB");
            for (int i = 0; i < o.size(); i++) {
                boolean cla = d.episodes() != null && d.continuouslyLookedAfter(o.get(i, "CHILD"));
                if (t.test(d, o, i, dob[i], cla)) {
                    f.flag(o, i);
                }
            }
        };
    }

    static void register(RuleBook.Builder b) {
        b.rule("157").on(OC2, "SDQ_REASON").needs(EPISODES).check(each((d, o, i, dob, cla) -> cla
                && le(plusYears(dob, 4), d.start()) && ge(plusYears(dob, 16), d.end())
                && o.get(i, "SDQ_SCORE") == null && "SDQ1".equals(o.get(i, "SDQ_REASON"))));
        b.rule("158").on(OC2, "INTERVENTION_RECEIVED").check(each((d, o, i, dob, cla) ->
                "1".equals(o.get(i, "INTERVENTION_RECEIVED")) && o.get(i, "INTERVENTION_OFFERED") != null));
        b.rule("159").on(OC2, "SUBSTANCE_MISUSE").check(each((d, o, i, dob, cla) ->
                "1".equals(o.get(i, "SUBSTANCE_MISUSE")) && "0".equals(o.get(i, "INTERVENTION_RECEIVED"))
                        && o.get(i, "INTERVENTION_OFFERED") == null));
        b.rule("180").on(OC2, "SDQ_SCORE").check(each((d, o, i, dob, cla) -> {
            if (o.get(i, "SDQ_SCORE") == null) {
                return false;
            }
            double s = o.number("SDQ_SCORE")[i];
            return !(s >= 0 && s <= 40 && s == Math.rint(s));
        }));
        b.rule("181").on(OC2, "CONVICTED").check(Oc2Rules::r181);
        b.rule("182").on(OC2, "IMMUNISATIONS").check(each((d, o, i, dob, cla) ->
                o.anyBlank(i, CORE) && o.anyFilled(i, "CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED",
                        "INTERVENTION_OFFERED")));
        b.rule("185").on(OC2, "SDQ_SCORE").needs(EPISODES).check(each((d, o, i, dob, cla) ->
                o.get(i, "SDQ_SCORE") != null && !cla));
        b.rule("186").on(OC2, "SDQ_SCORE").needs(EPISODES).check(each((d, o, i, dob, cla) ->
                le(plusYears(dob, 4), d.start()) && gt(plusYears(dob, 17), d.end()) && cla
                        && o.allBlank(i, "SDQ_SCORE", "SDQ_REASON")));
        b.rule("188").on(OC2, "SDQ_SCORE").check(each((d, o, i, dob, cla) ->
                gt(plusYears(dob, 4), d.end()) && o.anyFilled(i, "SDQ_SCORE", "SDQ_REASON")));
        b.rule("189").on(OC2, "SDQ_SCORE").check(each((d, o, i, dob, cla) ->
                lt(plusYears(dob, 17), d.start()) && o.anyFilled(i, "SDQ_SCORE", "SDQ_REASON")));
        b.rule("190").on(OC2, "CONVICTED").needs(EPISODES).check(each((d, o, i, dob, cla) ->
                !cla && o.anyFilled(i, TWELVE_MONTHS)));
        b.rule("191").on(OC2, "IMMUNISATIONS").on(EPISODES, "CHILD").check(Oc2Rules::r191);
        b.rule("192").on(OC2, "SUBSTANCE_MISUSE").check(each((d, o, i, dob, cla) ->
                "1".equals(o.get(i, "SUBSTANCE_MISUSE")) && o.get(i, "INTERVENTION_RECEIVED") == null));
        b.rule("193").on(OC2, "SUBSTANCE_MISUSE").check(each((d, o, i, dob, cla) -> {
            String sm = o.get(i, "SUBSTANCE_MISUSE");
            return (sm == null || "0".equals(sm)) && o.anyFilled(i, "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED");
        }));
        b.rule("196").on(OC2, "SDQ_REASON").check((d, f) -> R.codes(d.oc2(), "SDQ_REASON",
                Set.of("SDQ1", "SDQ2", "SDQ3", "SDQ4", "SDQ5"), true, f));
        b.rule("197B").on(OC2, "SDQ_REASON").needs(EPISODES).check(each((d, o, i, dob, cla) -> {
            LocalDate d4 = plusYears(dob, 4);
            LocalDate d17 = plusYears(dob, 17);
            boolean turns = ge(d4, d.start()) && le(d4, d.end()) || ge(d17, d.start()) && le(d17, d.end());
            return turns && cla && o.allBlank(i, "SDQ_SCORE", "SDQ_REASON");
        }));
        b.rule("197a").on(OC2, "SDQ_SCORE").check(each((d, o, i, dob, cla) ->
                o.get(i, "SDQ_SCORE") != null && o.get(i, "SDQ_REASON") != null));
        b.rule("198").on(OC2, "SDQ_REASON").needs(EPISODES).check(each((d, o, i, dob, cla) ->
                o.get(i, "SDQ_REASON") != null && !cla));
        b.rule("215").on(OC3, "IN_TOUCH").on(OC2, "CONVICTED").check(Oc2Rules::r215);
        b.rule("542").on(OC2, "CONVICTED").check(each((d, o, i, dob, cla) ->
                gt(plusYears(dob, 10), d.end()) && o.get(i, "CONVICTED") != null));
        b.rule("543").on(OC2, "CONVICTED").needs(EPISODES).check(each((d, o, i, dob, cla) ->
                gt(d.end(), plusYears(dob, 10)) && cla && o.get(i, "CONVICTED") == null));
        b.rule("544").on(OC2, "CONVICTED").check(each((d, o, i, dob, cla) ->
                "1".equals(o.get(i, "CONVICTED")) && o.anyBlank(i, CORE)));
        b.rule("545").on(OC2, "HEALTH_CHECK").needs(EPISODES).check(each((d, o, i, dob, cla) ->
                lt(d.end(), plusYears(dob, 5)) && cla && o.get(i, "HEALTH_CHECK") == null));
        b.rule("546").on(OC2, "HEALTH_CHECK").needs(EPISODES).check(each((d, o, i, dob, cla) ->
                ge(d.end(), plusYears(dob, 5)) && cla && o.get(i, "HEALTH_CHECK") != null));
        b.rule("547").on(OC2, "HEALTH_CHECK").check(each((d, o, i, dob, cla) ->
                "1".equals(o.get(i, "HEALTH_CHECK")) && o.anyBlank(i, CORE)));
    }

    static void r181(ReturnData d, Flags f) {
        Table o = d.oc2();
        for (int i = 0; i < o.size(); i++) {
            for (String c : TWELVE_MONTHS) {
                String v = o.get(i, c);
                if (v != null && !v.equals("0") && !v.equals("1")) {
                    f.flag(o, i, c);
                    break;
                }
            }
        }
    }

    /** Children looked after for 12 months need the core OC2 items, and a row in OC2. */
    static void r191(ReturnData d, Flags f) {
        Table o = d.oc2();
        Table e = d.episodes();
        for (int i = 0; i < o.size(); i++) {
            if (d.continuouslyLookedAfter(o.get(i, "CHILD")) && o.anyBlank(i, CORE)) {
                f.flag(o, i);
            }
        }
        e.idxMin("DECOM").forEach((child, i) -> {
            if (d.continuouslyLookedAfter(child) && !o.hasChild(child)) {
                f.flag(e, i);
            }
        });
    }

    /** Care leavers (OC3) have no 12-months data (OC2). */
    static void r215(ReturnData d, Flags f) {
        Table o3 = d.oc3();
        Table o2 = d.oc2();
        for (int i = 0; i < o3.size(); i++) {
            if (o3.allBlank(i, "IN_TOUCH", "ACTIV", "ACCOM")) {
                continue;
            }
            for (int j : o2.rowsOf(o3.get(i, "CHILD"))) {
                if (o2.anyFilled(j, TWELVE_MONTHS)) {
                    f.flag(o3, i);
                    f.flag(o2, j);
                }
            }
        }
    }
}
