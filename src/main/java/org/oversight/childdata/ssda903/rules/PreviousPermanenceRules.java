package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.PREV_PERM;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules about previous permanence (PrevPerm): the order a child had before this period of care. */
final class PreviousPermanenceRules {

    private PreviousPermanenceRules() {
    }

    /**
     * LA codes valid for LA_PERM (rule 633): DfE's list, WAL, SCO, NUK and NIR for outside England, and every code in
     * the LA register (DfE's list predates Dorset's, BCP's, the Northamptonshires' and Cumbria's new codes).
     */
    private static Set<String> laPerm() {
        Set<String> codes = new HashSet<>(DFE_LA_PERM);
        org.oversight.childdata.ssda903.SyntheticData.loadLas().forEach(l -> codes.add(l.laCode()));
        return Set.copyOf(codes);
    }

    private static final Set<String> DFE_LA_PERM = new HashSet<>(List.of(("800,889,822,301,304,303,330,825,837,302,846,370,350,"
            + "890,867,380,305,801,351,873,823,895,896,381,909,202,908,331,306,841,830,831,878,371,835,332,840,307,308,"
            + "811,881,845,390,916,203,876,850,311,204,884,312,205,313,805,919,310,309,420,921,206,207,886,810,382,314,"
            + "340,888,208,856,383,855,209,925,341,201,821,352,806,887,826,315,929,812,391,926,892,813,802,928,891,392,"
            + "316,815,353,931,879,836,851,874,807,354,317,870,318,372,857,333,935,343,803,373,342,893,356,355,871,394,"
            + "334,933,882,936,861,852,319,860,808,393,866,210,357,894,883,880,358,211,937,869,320,359,865,384,335,336,"
            + "212,868,872,885,344,877,213,938,816,999,WAL,SCO,NUK,NIR").split(",")));

    static final Set<String> LA_PERM = laPerm();

    static void register(RuleBook.Builder b) {
        b.rule("630").on(EPISODES, "RNE").needs(PREV_PERM).check(PreviousPermanenceRules::r630);
        b.rule("631").on(PREV_PERM, "PREV_PERM").check((d, f) -> R.codes(d.prevPerm(), "PREV_PERM",
                Set.of("P1", "P2", "P3", "P4", "Z1"), true, f));
        b.rule("632").on(EPISODES, "DECOM").on(PREV_PERM, "DATE_PERM").check(PreviousPermanenceRules::r632);
        b.rule("633").on(PREV_PERM, "LA_PERM").check((d, f) -> R.codes(d.prevPerm(), "LA_PERM", LA_PERM, true, f));
        b.rule("634").on(EPISODES, "DECOM").on(PREV_PERM, "PREV_PERM").check(PreviousPermanenceRules::r634);
        b.rule("635").on(PREV_PERM, "PREV_PERM").check((d, f) -> {
            Table p = d.prevPerm();
            for (int i = 0; i < p.size(); i++) {
                if (p.anyFilled(i, "LA_PERM", "DATE_PERM") && p.get(i, "PREV_PERM") == null) {
                    f.flag(p, i);
                }
            }
        });
    }

    /** A child starting care in the year needs previous permanence information. */
    static void r630(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.prevPerm();
        for (int i = 0; i < e.size(); i++) {
            if (!"S".equals(e.get(i, "RNE")) || !ge(e.date("DECOM")[i], d.start())) {
                continue;
            }
            int[] ps = p.rowsOf(e.get(i, "CHILD"));
            if (ps.length == 0) {
                f.flag(e, i);
            }
            for (int j : ps) {
                boolean incomplete = R.ne(p.get(j, "PREV_PERM"), "Z1") && p.anyBlank(j, "LA_PERM", "DATE_PERM");
                if (incomplete || p.get(j, "PREV_PERM") == null) {
                    f.flag(e, i);
                }
            }
        }
    }

    /**
     * DATE_PERM is dd/mm/yyyy where ZZ may stand for an unknown day or month (the latest possible date is taken), and
     * is before the child's first episode.
     */
    static void r632(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.prevPerm();
        e.idxMin("DECOM").forEach((child, i) -> {
            for (int j : p.rowsOf(child)) {
                String raw = p.get(j, "DATE_PERM");
                LocalDate perm = permDate(raw);
                if (ge(perm, e.date("DECOM")[i]) || raw != null && perm == null) {
                    f.flag(e, i);
                    f.flag(p, j);
                }
            }
        });
    }

    /** DfE's reading of a partly unknown date: ZZ/mm/yyyy is the month's last day, dd/ZZ/yyyy a year after dd/01. */
    static LocalDate permDate(String s) {
        if (s == null) {
            return null;
        }
        String[] parts = s.split("/", -1);
        if (parts.length != 3) {
            return null;
        }
        String offset = null;
        for (int k = 0; k < 3; k++) {
            if (parts[k].equals("ZZ")) {
                parts[k] = "01";
                offset = k == 0 ? "month" : k == 1 ? "year" : "none";
            } else if (parts[k].equals("ZZZZ")) {
                parts[k] = "2000";
            }
        }
        LocalDate date = RuleDates.parse(String.join("/", parts));
        if (date == null) {
            return null;
        }
        try {
            return switch (offset == null ? "none" : offset) {
                case "month" -> date.plusMonths(1).minusDays(1);
                case "year" -> date.plusYears(1).minusDays(1);
                default -> date;
            };
        } catch (DateTimeException ex) {
            return null;
        }
    }

    /** Previous permanence only for children whose care (latest episode) started on or after 1 April of the year. */
    static void r634(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table p = d.prevPerm();
        Map<String, LocalDate> lastDecom = new HashMap<>();
        e.idxMax("DECOM").forEach((c, i) -> lastDecom.put(c, e.date("DECOM")[i]));
        for (int j = 0; j < p.size(); j++) {
            if (!p.anyFilled(j, "PREV_PERM", "DATE_PERM", "LA_PERM")) {
                continue;
            }
            String child = p.get(j, "CHILD");
            if (lt(lastDecom.get(child), d.start())) {
                f.flag(p, j);
                for (int i : e.rowsOf(child)) {
                    f.flag(e, i);
                }
            }
        }
    }
}
