package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.HEADER;
import static org.oversight.childdata.ssda903.Ssda903Table.OC3;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.le;
import static org.oversight.childdata.ssda903.rules.RuleDates.plusYears;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.oversight.childdata.ssda903.Codes;

/** Rules about the Header table: the child's characteristics, UPN and motherhood. */
final class HeaderRules {

    private HeaderRules() {
    }

    static final Set<String> SEX = Set.of("M", "F", "U");
    /** Rule 165 predates the 2024-25 sex codes and tests the old 1/2; Oversight accepts both spellings. */
    static final Set<String> MALE = Set.of("M", "1");
    static final Set<String> FEMALE = Set.of("F", "2");
    static final Set<String> V3V4 = Set.of("V3", "V4");
    private static final Pattern UPN = Pattern.compile(Codes.UPN_PATTERN);
    private static final Set<String> UN_CODES = Set.of("UN1", "UN2", "UN3", "UN4", "UN5");

    static void register(RuleBook.Builder b) {
        b.rule("101").on(HEADER, "SEX").check(HeaderRules::r101);
        b.rule("102").on(HEADER, "DOB").check((d, f) -> R.dates(d.header(), "DOB", false, f));
        b.rule("103").on(HEADER, "ETHNIC").check((d, f) -> R.codes(d.header(), "ETHNIC", Codes.ETHNIC, false, f));
        b.rule("105").on(HEADER, "UASC").onlyIf(ReturnData::fromXml,
                "applies to XML returns, where UASC is a Header field; from CSV tables it is worked out from the UASC table")
                .check(HeaderRules::r105);
        b.rule("165").on(HEADER, "MOTHER").on(EPISODES, "DECOM").on(OC3, "ACTIV").check(HeaderRules::r165);
        b.rule("168").on(HEADER, "UPN").check(HeaderRules::r168);
        b.rule("171").on(HEADER, "MC_DOB").check((d, f) -> R.dates(d.header(), "MC_DOB", true, f));
        b.rule("174").on(HEADER, "MC_DOB").check(HeaderRules::r174);
        b.rule("209").on(HEADER, "UPN").check(HeaderRules::r209);
        b.rule("210").on(HEADER, "UPN").on(EPISODES, "DECOM").check(HeaderRules::r210);
        b.rule("231").query().on(HEADER, "DOB").onlyIf(d -> d.header().hasColumn("UASC"),
                "needs the UASC table, which was not given").check(HeaderRules::r231);
        b.rule("232").query().on(HEADER, "SEX").check(HeaderRules::r232);
        b.rule("301").on(HEADER, "DOB").check(HeaderRules::r301);
        b.rule("351").on(HEADER, "DOB").check(HeaderRules::r351);
        b.rule("393").on(HEADER, "MOTHER").needs(EPISODES).check(HeaderRules::r393);
        b.rule("442").on(HEADER, "UPN").needs(EPISODES).check(HeaderRules::r442);
        b.rule("444").on(HEADER, "UPN").check(HeaderRules::r444);
        b.rule("607").on(HEADER, "MOTHER").on(EPISODES, "DEC").check(HeaderRules::r607);
        b.rule("611").on(HEADER, "MC_DOB").check(HeaderRules::r611);
        b.rule("612").on(HEADER, "MOTHER").check(HeaderRules::r612);
        b.rule("620").on(HEADER, "MOTHER").check(HeaderRules::r620);
        b.rule("621").on(HEADER, "MC_DOB").check(HeaderRules::r621);
        b.rule("625").on(HEADER, "MC_DOB").on(EPISODES, "DEC").check(HeaderRules::r625);
        b.rule("628").on(HEADER, "MOTHER").needs(EPISODES).needs(OC3).check(HeaderRules::r628);
        b.rule("EPI").query().on(HEADER, "CHILD").check(HeaderRules::rEpi);
        b.rule("3001").on(OC3, "ACCOM").needs(HEADER).check(HeaderRules::r3001);
    }

    static void r101(ReturnData d, Flags f) {
        R.codes(d.header(), "SEX", SEX, false, f);
    }

    static void r105(ReturnData d, Flags f) {
        Table h = d.header();
        double[] uasc = h.number("UASC");
        for (int i = 0; i < h.size(); i++) {
            if (!(uasc[i] == 0 || uasc[i] == 1)) {
                f.flag(h, i);
            }
        }
    }

    /** MOTHER must be 0/1 and only for girls; girls looked after in the year (not only respite) need it. */
    static void r165(ReturnData d, Flags f) {
        Table h = d.header();
        Table e = d.episodes();
        Table o = d.oc3();
        String[] ls = e.col("LS");
        LocalDate[] decom = e.date("DECOM");
        LocalDate[] dec = e.date("DEC");
        Map<String, Integer> epsInYear = new HashMap<>();
        for (int i = 0; i < e.size(); i++) {
            if (R.in(ls[i], V3V4) || e.get(i, "CHILD") == null) {
                continue;
            }
            LocalDate end = dec[i] == null ? d.end() : dec[i];
            boolean in = !end.isBefore(d.start()) && le(decom[i], d.end());
            epsInYear.merge(e.get(i, "CHILD"), in ? 1 : 0, Integer::sum);
        }
        String[] mother = h.col("MOTHER");
        String[] sex = h.col("SEX");
        for (Map.Entry<String, Integer> en : epsInYear.entrySet()) {
            boolean inYear = en.getValue() > 0;
            int[] oRows = o.rowsOf(en.getKey());
            for (int hr : h.rowsOf(en.getKey())) {
                boolean hasMother = mother[hr] != null;
                boolean female = R.in(sex[hr], FEMALE);
                boolean base = hasMother && !Set.of("0", "1").contains(mother[hr])
                        || hasMother && R.in(sex[hr], MALE)
                        || !hasMother && female && inYear;
                if (oRows.length == 0) {
                    if (base) {
                        f.flag(h, hr);
                    }
                    continue;
                }
                for (int or : oRows) {
                    boolean hasOc3 = o.anyFilled(or, "ACTIV", "ACCOM", "IN_TOUCH");
                    if (base || hasMother && female && !inYear && hasOc3) {
                        f.flag(h, hr);
                        f.flag(o, or);
                    }
                }
            }
        }
    }

    static void r168(ReturnData d, Flags f) {
        Table h = d.header();
        String[] upn = h.col("UPN");
        for (int i = 0; i < h.size(); i++) {
            if (upn[i] != null && !UPN.matcher(upn[i]).matches()) {
                f.flag(h, i);
            }
        }
    }

    static void r174(ReturnData d, Flags f) {
        Table h = d.header();
        for (int i = 0; i < h.size(); i++) {
            if ("M".equals(h.get(i, "SEX")) && h.get(i, "MC_DOB") != null) {
                f.flag(h, i);
            }
        }
    }

    /** UN1 ("not yet allocated") is wrong for a child of school age: 4 or over on 31 August before the year. */
    static void r209(ReturnData d, Flags f) {
        Table h = d.header();
        LocalDate ref = LocalDate.of(d.start().getYear() - 1, 8, 31);
        LocalDate[] dob = h.date("DOB");
        for (int i = 0; i < h.size(); i++) {
            if ("UN1".equals(h.get(i, "UPN")) && le(plusYears(dob[i], 4), ref)) {
                f.flag(h, i);
            }
        }
    }

    /** UN4 is wrong for a child whose episode started on or before 24 March. */
    static void r210(ReturnData d, Flags f) {
        Table h = d.header();
        Table e = d.episodes();
        LocalDate ref = LocalDate.of(d.end().getYear(), 3, 24);
        LocalDate[] decom = e.date("DECOM");
        String[] child = e.col("CHILD");
        for (int i = 0; i < e.size(); i++) {
            if (!ge(decom[i], ref)) {
                continue;
            }
            for (int hr : h.rowsOf(child[i])) {
                if ("UN4".equals(h.get(hr, "UPN"))) {
                    f.flag(e, i);
                    f.flag(h, hr);
                }
            }
        }
    }

    static void r231(ReturnData d, Flags f) {
        Table h = d.header();
        LocalDate limit = d.end().minusYears(11);
        LocalDate[] dob = h.date("DOB");
        String[] uasc = h.col("UASC");
        for (int i = 0; i < h.size(); i++) {
            if (gt(dob[i], limit) && "1".equals(uasc[i])) {
                f.flag(h, i);
            }
        }
    }

    static void r232(ReturnData d, Flags f) {
        Table h = d.header();
        String[] sex = h.col("SEX");
        for (int i = 0; i < h.size(); i++) {
            if (sex[i] != null && sex[i].equalsIgnoreCase("U")) {
                f.flag(h, i);
            }
        }
    }

    static void r301(ReturnData d, Flags f) {
        Table h = d.header();
        LocalDate[] dob = h.date("DOB");
        for (int i = 0; i < h.size(); i++) {
            if (gt(dob[i], d.end())) {
                f.flag(h, i);
            }
        }
    }

    static void r351(ReturnData d, Flags f) {
        Table h = d.header();
        LocalDate[] dob = h.date("DOB");
        for (int i = 0; i < h.size(); i++) {
            if (gt(d.start(), plusYears(dob[i], 25))) {
                f.flag(h, i);
            }
        }
    }

    static void r393(ReturnData d, Flags f) {
        Table h = d.header();
        Table e = d.episodes();
        Set<String> looked = new HashSet<>();
        for (int i = 0; i < e.size(); i++) {
            String ls = e.get(i, "LS");
            if (ls == null || !V3V4.contains(ls.toUpperCase(java.util.Locale.ROOT))) {
                looked.add(e.get(i, "CHILD"));
            }
        }
        for (int i = 0; i < h.size(); i++) {
            if ("F".equals(h.get(i, "SEX")) && looked.contains(h.get(i, "CHILD")) && h.get(i, "MOTHER") == null) {
                f.flag(h, i);
            }
        }
    }

    static void r442(ReturnData d, Flags f) {
        Table h = d.header();
        Table e = d.episodes();
        String[] ls = e.col("LS");
        String[] child = e.col("CHILD");
        for (int i = 0; i < e.size(); i++) {
            if (R.in(ls[i], V3V4)) {
                continue;
            }
            for (int hr : h.rowsOf(child[i])) {
                if (h.get(hr, "UPN") == null) {
                    f.flag(h, hr);
                }
            }
        }
    }

    static void r444(ReturnData d, Flags f) {
        Table h = d.header();
        String[] upn = h.col("UPN");
        Map<String, Integer> count = new HashMap<>();
        for (String u : upn) {
            if (u != null && !UN_CODES.contains(u)) {
                count.merge(u, 1, Integer::sum);
            }
        }
        for (int i = 0; i < h.size(); i++) {
            if (upn[i] != null && count.getOrDefault(upn[i], 0) > 1) {
                f.flag(h, i);
            }
        }
    }

    /** A girl who left care in the year (not respite) needs MOTHER. */
    static void r607(ReturnData d, Flags f) {
        Table h = d.header();
        Table e = d.episodes();
        LocalDate[] dec = e.date("DEC");
        String[] rec = e.col("REC");
        String[] ls = e.col("LS");
        String[] child = e.col("CHILD");
        for (int i = 0; i < e.size(); i++) {
            boolean ceased = dec[i] != null && rec[i] != null && !"X1".equals(rec[i]);
            if (!ceased || R.in(ls[i], V3V4) || dec[i].isBefore(d.start()) || dec[i].isAfter(d.end())) {
                continue;
            }
            for (int hr : h.rowsOf(child[i])) {
                if ("F".equals(h.get(hr, "SEX")) && h.get(hr, "MOTHER") == null) {
                    f.flag(e, i);
                    f.flag(h, hr);
                }
            }
        }
    }

    static void r611(ReturnData d, Flags f) {
        Table h = d.header();
        for (int i = 0; i < h.size(); i++) {
            if ("1".equals(h.get(i, "MOTHER")) && h.get(i, "MC_DOB") == null) {
                f.flag(h, i);
            }
        }
    }

    static void r612(ReturnData d, Flags f) {
        Table h = d.header();
        for (int i = 0; i < h.size(); i++) {
            String m = h.get(i, "MOTHER");
            if ((m == null || "0".equals(m)) && "F".equals(h.get(i, "SEX")) && h.get(i, "MC_DOB") != null) {
                f.flag(h, i);
            }
        }
    }

    static void r620(ReturnData d, Flags f) {
        Table h = d.header();
        LocalDate[] dob = h.date("DOB");
        for (int i = 0; i < h.size(); i++) {
            if ("1".equals(h.get(i, "MOTHER")) && gt(plusYears(dob[i], 11), d.start())) {
                f.flag(h, i);
            }
        }
    }

    static void r621(ReturnData d, Flags f) {
        Table h = d.header();
        LocalDate[] mc = h.date("MC_DOB");
        LocalDate[] dob = h.date("DOB");
        for (int i = 0; i < h.size(); i++) {
            if (mc[i] != null && !gt(mc[i], dob[i])) {
                f.flag(h, i);
            }
        }
    }

    /** The mother's child cannot be born after the year ends or after she left care. */
    static void r625(ReturnData d, Flags f) {
        Table h = d.header();
        Table e = d.episodes();
        LocalDate[] mc = h.date("MC_DOB");
        for (Map.Entry<String, Integer> en : e.idxMax("DEC").entrySet()) {
            int i = en.getValue();
            LocalDate dec = e.date("DEC")[i];
            for (int hr : h.rowsOf(en.getKey())) {
                if (gt(mc[hr], d.end()) || gt(mc[hr], dec)) {
                    f.flag(h, hr);
                    f.flag(e, i);
                }
            }
        }
    }

    static void r628(ReturnData d, Flags f) {
        Table h = d.header();
        Table e = d.episodes();
        Table o = d.oc3();
        for (int i = 0; i < h.size(); i++) {
            String child = h.get(i, "CHILD");
            if (e.hasChild(child) || h.get(i, "MOTHER") == null) {
                continue;
            }
            for (int or : o.rowsOf(child)) {
                if (o.anyFilled(or, "IN_TOUCH", "ACTIV", "ACCOM")) {
                    f.flag(h, i);
                }
            }
        }
    }

    static void rEpi(ReturnData d, Flags f) {
        Table h = d.header();
        Table e = d.episodes();
        Table o = d.oc3();
        for (int i = 0; i < h.size(); i++) {
            String child = h.get(i, "CHILD");
            if ((e == null || !e.hasChild(child)) && (o == null || !o.hasChild(child))) {
                f.flag(h, i);
            }
        }
    }

    /** A care leaver around their 17th birthday cannot be living with former foster carers (ACCOM Z). */
    static void r3001(ReturnData d, Flags f) {
        Table h = d.header();
        Table o = d.oc3();
        LocalDate[] dob = h.date("DOB");
        for (int i = 0; i < o.size(); i++) {
            String accom = o.get(i, "ACCOM");
            if (accom == null || !Set.of("Z1", "Z2").contains(accom.toUpperCase(java.util.Locale.ROOT))) {
                continue;
            }
            for (int hr : h.rowsOf(o.get(i, "CHILD"))) {
                LocalDate d17 = plusYears(dob[hr], 17);
                if (le(d17, d.end()) && ge(d17, d.start())) {
                    f.flag(o, i);
                }
            }
        }
    }
}
