package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.SW_EPISODES;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;
import static org.oversight.childdata.ssda903.rules.RuleDates.le;
import static org.oversight.childdata.ssda903.rules.RuleDates.lt;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/** Rules about social worker episodes (SWEpisodes, collected from 2023-24). */
final class SocialWorkerRules {

    private SocialWorkerRules() {
    }

    private static final LocalDate APRIL_2023 = LocalDate.of(2023, 4, 1);
    private static final Set<String> REASONS = Set.of("MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC",
            "CHCHAN", "PCCHAN", "SWDIED", "OTHERS");

    interface Test {
        boolean test(ReturnData d, Table s, int i);
    }

    static Rule903.Check each(Test t) {
        return (d, f) -> {
            Table s = d.sw();
            for (int i = 0; i < s.size(); i++) {
                if (t.test(d, s, i)) {
                    f.flag(s, i);
                }
            }
        };
    }

    static void register(RuleBook.Builder b) {
        b.rule("SW01aSTG1").on(SW_EPISODES, "SW_DECOM").check(each((d, s, i) -> {
            LocalDate decom = s.date("SW_DECOM")[i];
            return decom == null || decom.isBefore(APRIL_2023) && s.get(i, "SW_ID") == null;
        }));
        b.rule("SW01bSTG1").on(SW_EPISODES, "SW_DECOM").check(each((d, s, i) -> {
            LocalDate decom = s.date("SW_DECOM")[i];
            return decom == null || !decom.isBefore(APRIL_2023) && s.anyBlank(i, "SW_ID", "SW_REASON");
        }));
        b.rule("SW02STG1").on(SW_EPISODES, "SW_ID").check(each((d, s, i) -> {
            String id = s.get(i, "SW_ID");
            return id == null || !(id.startsWith("SW") || id.startsWith("XX"));
        }));
        b.rule("SW04STG1").on(SW_EPISODES, "SW_DECOM").check(each((d, s, i) -> s.get(i, "SW_DECOM") != null
                && PreviousPermanenceRules.permDate(s.get(i, "SW_DECOM")) == null));
        b.rule("SW05STG1").on(SW_EPISODES, "SW_DEC").check(each((d, s, i) -> s.get(i, "SW_DEC") != null
                && PreviousPermanenceRules.permDate(s.get(i, "SW_DEC")) == null));
        b.rule("SW06STG2").on(SW_EPISODES, "SW_DECOM").check(each((d, s, i) -> gt(s.date("SW_DECOM")[i], d.end())));
        b.rule("SW07STG2").on(SW_EPISODES, "SW_DEC").check(each((d, s, i) -> {
            LocalDate dec = s.date("SW_DEC")[i];
            return dec != null && (dec.isBefore(d.start().minusDays(365)) || dec.isAfter(d.end()));
        }));
        b.rule("SW08STG2").on(SW_EPISODES, "SW_DEC").check(SocialWorkerRules::sw08);
        b.rule("SW09STG2").query().on(SW_EPISODES, "SW_DECOM").check(each((d, s, i) ->
                R.eq(s.get(i, "SW_DEC"), s.get(i, "SW_DECOM"))));
        b.rule("SW10STG2").on(SW_EPISODES, "SW_DECOM").check(SocialWorkerRules::sw10);
        b.rule("SW11bSTG2").on(SW_EPISODES, "SW_DEC").check(SocialWorkerRules::sw11b);
        b.rule("SW12STG2").on(EPISODES, "DECOM").needs(SW_EPISODES).check(SocialWorkerRules::sw12);
        b.rule("SW13STG1").on(SW_EPISODES, "SW_REASON").check(each((d, s, i) -> {
            String reason = s.get(i, "SW_REASON");
            return reason != null ? !REASONS.contains(reason) : ge(s.date("SW_DECOM")[i], APRIL_2023);
        }));
        b.rule("SW17STG2").on(SW_EPISODES, "SW_DEC").check(SocialWorkerRules::sw17);
    }

    /** Each child's social worker episodes by SW_DECOM, blanks last. */
    private static int[][] byChild(Table s) {
        LocalDate[] decom = s.date("SW_DECOM");
        Comparator<Integer> cmp = Comparator.comparing(i -> decom[i], Comparator.nullsLast(Comparator.naturalOrder()));
        return s.byChild().values().stream()
                .map(rows -> Arrays.stream(rows).boxed().sorted(cmp).mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    /** Every social worker episode but the child's last must have ended. */
    static void sw08(ReturnData d, Flags f) {
        Table s = d.sw();
        for (int[] rows : byChild(s)) {
            for (int k = 0; k < rows.length - 1; k++) {
                int i = rows[k];
                if (s.date("SW_DEC")[i] == null && s.date("SW_DECOM")[i] != null) {
                    f.flag(s, i);
                }
            }
        }
    }

    /** A new social worker episode starts within 7 days of the previous one's end (unless the change was FCONTA). */
    static void sw10(ReturnData d, Flags f) {
        Table s = d.sw();
        int[] order = s.sortedByChildThen("SW_DECOM", "SW_DEC");
        for (int k = 1; k < order.length; k++) {
            int p = order[k - 1];
            int c = order[k];
            if (!R.eq(s.get(c, "CHILD"), s.get(p, "CHILD")) || "FCONTA".equals(s.get(c, "SW_REASON"))) {
                continue;
            }
            LocalDate prevDec = s.date("SW_DEC")[p];
            LocalDate decom = s.date("SW_DECOM")[c];
            boolean within = prevDec != null && ge(decom, prevDec.minusDays(7)) && le(decom, prevDec.plusDays(7));
            if (!within) {
                f.flag(s, c);
            }
        }
    }

    /**
     * A social worker episode that ended in the last five days of the year needs a following episode: flags the
     * episode after it if that has no start date, the episode itself if it is the child's only one, and the later
     * of two episodes when the later one ended in those days.
     */
    static void sw11b(ReturnData d, Flags f) {
        Table s = d.sw();
        LocalDate[] dec = s.date("SW_DEC");
        LocalDate[] decom = s.date("SW_DECOM");
        LocalDate from = d.end().minusDays(5);
        for (int[] rows : byChild(s)) {
            for (int k = 1; k < rows.length; k++) {
                int p = rows[k - 1];
                int c = rows[k];
                if (ge(dec[p], from) && le(dec[p], d.end()) && decom[c] == null) {
                    f.flag(s, c);
                }
                if (lt(decom[p], dec[c]) && ge(dec[c], from) && le(dec[c], d.end())) {
                    f.flag(s, c);
                }
            }
            if (rows.length == 1 && ge(dec[rows[0]], from) && le(dec[rows[0]], d.end())) {
                f.flag(s, rows[0]);
            }
        }
    }

    /** Episodes that start or end care in the year (not respite) need a social worker episode covering that date. */
    static void sw12(ReturnData d, Flags f) {
        Table e = d.episodes();
        Table s = d.sw();
        LocalDate from = d.start().minusDays(365);
        for (int i = 0; i < e.size(); i++) {
            LocalDate dec = e.date("DEC")[i];
            LocalDate decom = e.date("DECOM")[i];
            boolean inPeriod = ge(dec, from) && le(dec, d.end()) || dec == null;
            boolean startsOrEnds = "S".equals(e.get(i, "RNE")) || R.ne(e.get(i, "REC"), "X1");
            if (!inPeriod || R.in(e.get(i, "LS"), HeaderRules.V3V4) || !startsOrEnds) {
                continue;
            }
            int[] sws = s.rowsOf(e.get(i, "CHILD"));
            if (sws.length == 0) {
                f.flag(e, i);
            }
            for (int j : sws) {
                LocalDate swDecom = s.date("SW_DECOM")[j];
                boolean beforeEnd = le(swDecom, dec) && R.ne(e.get(i, "REC"), "X1");
                boolean afterStart = ge(swDecom, decom) && "S".equals(e.get(i, "RNE"));
                if (!beforeEnd && !afterStart) {
                    f.flag(e, i);
                }
            }
        }
    }

    /** The child's latest social worker episode is open at 31 March. */
    static void sw17(ReturnData d, Flags f) {
        Table s = d.sw();
        for (Map.Entry<String, int[]> en : s.byChild().entrySet()) {
            int latest = -1;
            for (int r : en.getValue()) {
                LocalDate decom = s.date("SW_DECOM")[r];
                if (latest < 0 || decom != null && (s.date("SW_DECOM")[latest] == null
                        || decom.isAfter(s.date("SW_DECOM")[latest]))) {
                    latest = r;
                }
            }
            if (latest >= 0 && s.get(latest, "SW_DEC") != null) {
                f.flag(s, latest);
            }
        }
    }
}
