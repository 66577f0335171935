package org.oversight.childdata.ssda903.rules;

import static org.oversight.childdata.ssda903.Ssda903Table.EPISODES;
import static org.oversight.childdata.ssda903.Ssda903Table.HEADER;
import static org.oversight.childdata.ssda903.Ssda903Table.UASC;
import static org.oversight.childdata.ssda903.rules.RuleDates.ge;
import static org.oversight.childdata.ssda903.rules.RuleDates.gt;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules about where a child is placed: postcodes and what DfE derives from them (LA of placement, location, distance),
 * and the Ofsted URN of the placement (which needs Ofsted's provider lists).
 */
final class PlacementRules {

    private PlacementRules() {
    }

    static final Set<String> V3V4 = HeaderRules.V3V4;
    private static final String NO_URN = "XXXXXXX";

    static void register(RuleBook.Builder b) {
        b.rule("164").query().on(EPISODES, "PL_DISTANCE").onlyIf(PlacementRules::canTellUasc, UASC_REASON)
                .check(PlacementRules::r164);
        b.rule("169").query().on(EPISODES, "PL_POST").check(row((d, e, i) ->
                R.notIn(e.get(i, "LS"), V3V4) && e.get(i, "PL_LA") == null));
        b.rule("179").on(EPISODES, "PL_POST").check(row((d, e, i) ->
                R.notIn(e.get(i, "LS"), V3V4) && e.get(i, "PL_LOCATION") == null));
        b.rule("218").on(EPISODES, "URN").check(PlacementRules::r218);
        b.rule("219").on(EPISODES, "URN").providers().check(PlacementRules::r219);
        b.rule("221").on(EPISODES, "PL_POST").providers().check(PlacementRules::r221);
        b.rule("224").on(EPISODES, "PLACE_PROVIDER").providers().check(PlacementRules::r224);
        b.rule("227").on(EPISODES, "URN").providers().check(PlacementRules::r227);
        b.rule("228").on(EPISODES, "URN").providers().check(PlacementRules::r228);
        b.rule("229").on(EPISODES, "URN").providers().la().check(PlacementRules::r229);
        b.rule("1008").on(EPISODES, "URN").providers().check(PlacementRules::r1008);
        b.rule("392a").on(EPISODES, "PL_POST").onlyIf(PlacementRules::canTellUasc, UASC_REASON)
                .check(PlacementRules::r392a);
        b.rule("392b").on(EPISODES, "HOME_POST").check(PlacementRules::r392b);
        b.rule("392c").on(EPISODES, "HOME_POST").check(PlacementRules::r392c);
        b.rule("392d").on(EPISODES, "HOME_POST").check(row((d, e, i) -> R.ne(e.get(i, "PLACE"), "P1")
                && R.eq(e.get(i, "HOME_POST"), e.get(i, "PL_POST"))));
        b.rule("398").on(EPISODES, "LS").check(row((d, e, i) -> R.in(e.get(i, "LS"), V3V4)
                && e.anyFilled(i, "HOME_POST", "PL_POST")));
        b.rule("406").on(EPISODES, "PL_DISTANCE").onlyIf(PlacementRules::canTellUasc, UASC_REASON)
                .check(PlacementRules::r406);
        b.rule("411").on(EPISODES, "PL_POST").la().check(row((d, e, i) -> "IN".equals(e.get(i, "PL_LOCATION"))
                && R.ne(e.get(i, "PL_LA"), d.la())));
        b.rule("420").on(EPISODES, "PL_POST").check(row((d, e, i) -> R.in(e.get(i, "LS"), V3V4)
                && e.get(i, "PL_LA") != null));
        b.rule("454").query().on(EPISODES, "PL_DISTANCE").check(row((d, e, i) -> {
            double m = e.number("PL_DISTANCE")[i];
            return m > 350 && m != 999.9;
        }));
        b.rule("1015").on(EPISODES, "PLACE_PROVIDER").la().check(PlacementRules::r1015);
    }

    static final String UASC_REASON = "needs the UASC table (this year's or last year's) to tell UASC children apart";

    interface RowTest {
        boolean test(ReturnData d, Table e, int i);
    }

    static Rule903.Check row(RowTest t) {
        return (d, f) -> {
            Table e = d.episodes();
            for (int i = 0; i < e.size(); i++) {
                if (t.test(d, e, i)) {
                    f.flag(e, i);
                }
            }
        };
    }

    /** Whether the return says which children are (or were) UASC: the UASC flag on Header, or a UASC table. */
    static boolean canTellUasc(ReturnData d) {
        boolean now = d.header() != null ? d.header().hasColumn("UASC") : d.uasc() != null;
        Table lastHeader = d.last(HEADER);
        boolean before = lastHeader != null ? lastHeader.hasColumn("UASC") : d.last(UASC) != null;
        return now || before;
    }

    /** Children who are or were UASC this year or last year. */
    static Set<String> uascChildren(ReturnData d) {
        Set<String> out = new HashSet<>();
        add(out, d.header(), d.uasc());
        add(out, d.last(HEADER), d.last(UASC));
        return out;
    }

    private static void add(Set<String> out, Table header, Table uasc) {
        if (header != null) {
            if (header.hasColumn("UASC")) {
                for (int i = 0; i < header.size(); i++) {
                    if ("1".equals(header.get(i, "UASC"))) {
                        out.add(header.get(i, "CHILD"));
                    }
                }
            }
        } else if (uasc != null) {
            for (int i = 0; i < uasc.size(); i++) {
                if (uasc.anyFilled(i, "SEX", "DOB", "DUC")) {
                    out.add(uasc.get(i, "CHILD"));
                }
            }
        }
    }

    static void r164(ReturnData d, Flags f) {
        Table e = d.episodes();
        Set<String> uasc = uascChildren(d);
        double[] miles = e.number("PL_DISTANCE");
        for (int i = 0; i < e.size(); i++) {
            if (!uasc.contains(e.get(i, "CHILD")) && !Double.isNaN(miles[i]) && (miles[i] < 0 || miles[i] > 999.9)) {
                f.flag(e, i);
            }
        }
    }

    /** A URN is needed for placements Ofsted regulates, in England, for episodes open in the year. */
    static void r218(ReturnData d, Flags f) {
        Table e = d.episodes();
        Set<String> outside = Set.of("CON", "NIR", "SCO", "WAL", "NUK");
        for (int i = 0; i < e.size(); i++) {
            String plLa = e.get(i, "PL_LA");
            boolean out = plLa != null && outside.contains(plLa.toUpperCase(Locale.ROOT));
            boolean open = e.get(i, "DEC") == null || ge(e.date("DEC")[i], d.start());
            if (open && e.get(i, "URN") == null && R.notIn(e.get(i, "PLACE"), EpisodeRules.NO_URN) && !out) {
                f.flag(e, i);
            }
        }
    }

    /** Episodes with a real URN (not blank, not XXXXXXX), each with its providers (none if unknown). */
    private static void withProviders(ReturnData d, ProviderTest t, Flags f) {
        Table e = d.episodes();
        for (int i = 0; i < e.size(); i++) {
            String urn = e.get(i, "URN");
            if (urn == null || NO_URN.equals(urn)) {
                continue;
            }
            List<ProviderInfo.Provider> ps = d.providers().find(urn);
            if (ps.isEmpty()) {
                if (t.test(e, i, null)) {
                    f.flag(e, i);
                }
            }
            for (ProviderInfo.Provider p : ps) {
                if (t.test(e, i, p)) {
                    f.flag(e, i);
                }
            }
        }
    }

    interface ProviderTest {
        boolean test(Table e, int i, ProviderInfo.Provider p);
    }

    static void r219(ReturnData d, Flags f) {
        withProviders(d, (e, i, p) -> p == null || e.get(i, "PLACE") == null || !p.placeCodes().contains(e.get(i, "PLACE")), f);
    }

    static void r221(ReturnData d, Flags f) {
        withProviders(d, (e, i, p) -> R.notIn(e.get(i, "LS"), V3V4)
                && R.in(e.get(i, "PLACE"), Set.of("K1", "K2", "K3", "R3", "S1")) && e.get(i, "PL_POST") != null
                && (p == null || !e.get(i, "PL_POST").replace(" ", "").equals(p.postcode())), f);
    }

    static void r224(ReturnData d, Flags f) {
        withProviders(d, (e, i, p) -> p == null || e.get(i, "PLACE_PROVIDER") == null
                || !p.providerCodes().contains(e.get(i, "PLACE_PROVIDER")), f);
    }

    static void r227(ReturnData d, Flags f) {
        withProviders(d, (e, i, p) -> p != null && p.regEnd() != null && ge(e.date("DECOM")[i], p.regEnd()), f);
    }

    static void r228(ReturnData d, Flags f) {
        withProviders(d, (e, i, p) -> {
            if (p == null || p.regEnd() == null) {
                return false;
            }
            LocalDate dec = e.date("DEC")[i];
            return dec != null ? dec.isAfter(p.regEnd()) : d.end().isAfter(p.regEnd());
        }, f);
    }

    static void r229(ReturnData d, Flags f) {
        withProviders(d, (e, i, p) -> {
            String la = p == null ? null : p.la();
            return "PR1".equals(e.get(i, "PLACE_PROVIDER")) && R.ne(la, d.la())
                    || "PR2".equals(e.get(i, "PLACE_PROVIDER")) && R.eq(la, d.la());
        }, f);
    }

    static void r1008(ReturnData d, Flags f) {
        withProviders(d, (e, i, p) -> p == null, f);
    }

    static void r392a(ReturnData d, Flags f) {
        Table e = d.episodes();
        Set<String> uasc = uascChildren(d);
        for (int i = 0; i < e.size(); i++) {
            if (!uasc.contains(e.get(i, "CHILD")) && R.notIn(e.get(i, "LS"), V3V4) && e.get(i, "PL_DISTANCE") == null) {
                f.flag(e, i);
            }
        }
    }

    static void r392b(ReturnData d, Flags f) {
        Table e = d.episodes();
        Set<String> uasc = canTellUasc(d) ? uascChildren(d) : Set.of();
        for (int i = 0; i < e.size(); i++) {
            if (!uasc.contains(e.get(i, "CHILD")) && R.notIn(e.get(i, "LS"), V3V4)
                    && e.anyBlank(i, "HOME_POST", "PL_POST")) {
                f.flag(e, i, e.get(i, "HOME_POST") == null ? "HOME_POST" : "PL_POST");
            }
        }
    }

    static void r392c(ReturnData d, Flags f) {
        Table e = d.episodes();
        Postcodes postcodes = Postcodes.shared();
        for (int i = 0; i < e.size(); i++) {
            String home = e.get(i, "HOME_POST");
            String pl = e.get(i, "PL_POST");
            if (home != null && postcodes.find(home) == null) {
                f.flag(e, i, "HOME_POST");
            } else if (pl != null && postcodes.find(pl) == null) {
                f.flag(e, i, "PL_POST");
            }
        }
    }

    static void r406(ReturnData d, Flags f) {
        Table e = d.episodes();
        Set<String> uasc = uascChildren(d);
        for (int i = 0; i < e.size(); i++) {
            if (uasc.contains(e.get(i, "CHILD")) && e.get(i, "PL_DISTANCE") != null) {
                f.flag(e, i);
            }
        }
    }

    /** Own provision (PR1) outside fostering and adoption means a placement in the LA's own area. */
    static void r1015(ReturnData d, Flags f) {
        Table e = d.episodes();
        Set<String> fosterOrAdoption = Set.of("A3", "A4", "A5", "A6", "U1", "U2", "U3", "U4", "U5", "U6");
        for (int i = 0; i < e.size(); i++) {
            String place = e.get(i, "PLACE");
            String ls = e.get(i, "LS");
            if ("PR1".equals(e.get(i, "PLACE_PROVIDER")) && place != null && ls != null
                    && !fosterOrAdoption.contains(place) && !V3V4.contains(ls) && R.ne(e.get(i, "PL_LA"), d.la())) {
                f.flag(e, i);
            }
        }
    }

}
