package org.oversight.childdata.ssda903.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.Ssda903Table;

/**
 * Everything a rule can see: this year's tables, last year's (when given), the collection year, the LA whose return it
 * is (its ONS code, when known) and Ofsted's provider lists (when given). Adds the columns DfE derives from the
 * postcodes (PL_LA, PL_LOCATION, PL_DISTANCE on Episodes) and the UASC flag on Header, as the DfE validator does.
 */
public final class ReturnData {

    private final Map<Ssda903Table, Table> current;
    private final Map<Ssda903Table, Table> last;
    private final CollectionYear year;
    private final String la;
    private final ProviderInfo providers;
    private Map<String, Boolean> continuouslyLookedAfter;
    private boolean xml;

    /**
     * A return as read from CSV: adds the UASC flag to Header and, with a postcode directory, PL_LA, PL_LOCATION and
     * PL_DISTANCE to Episodes (unless a table has them already).
     */
    public ReturnData(Map<Ssda903Table, Table> current, Map<Ssda903Table, Table> last, CollectionYear year, String la,
                      ProviderInfo providers, Postcodes postcodes) {
        this(current, last, year, la, providers, postcodes, true);
    }

    /** The tables exactly as given, nothing derived (for DfE's worked examples, which give derived columns). */
    public static ReturnData asGiven(Map<Ssda903Table, Table> current, Map<Ssda903Table, Table> last,
                                     CollectionYear year, String la, ProviderInfo providers) {
        return new ReturnData(current, last, year, la, providers, null, false);
    }

    private ReturnData(Map<Ssda903Table, Table> current, Map<Ssda903Table, Table> last, CollectionYear year, String la,
                       ProviderInfo providers, Postcodes postcodes, boolean derive) {
        this.current = new EnumMap<>(Ssda903Table.class);
        this.current.putAll(current);
        this.last = new EnumMap<>(Ssda903Table.class);
        this.last.putAll(last);
        this.year = year;
        this.la = la;
        this.providers = providers;
        if (derive) {
            addUascFlag(this.current.get(Ssda903Table.HEADER), this.current.get(Ssda903Table.UASC));
            addUascFlag(this.last.get(Ssda903Table.HEADER), this.last.get(Ssda903Table.UASC));
        }
        if (derive && postcodes != null) {
            addPlacementColumns(this.current.get(Ssda903Table.EPISODES), postcodes, la);
            addPlacementColumns(this.last.get(Ssda903Table.EPISODES), postcodes, la);
        }
    }

    /** Every table, this year's and last year's. */
    public List<Table> tables() {
        List<Table> all = new ArrayList<>(current.values());
        all.addAll(last.values());
        return all;
    }

    /** This year's table, or null if it was not given. */
    public Table table(Ssda903Table t) {
        return current.get(t);
    }

    /** Last year's table, or null if it was not given. */
    public Table last(Ssda903Table t) {
        return last.get(t);
    }

    public Table header() {
        return current.get(Ssda903Table.HEADER);
    }

    public Table episodes() {
        return current.get(Ssda903Table.EPISODES);
    }

    public Table reviews() {
        return current.get(Ssda903Table.REVIEWS);
    }

    public Table uasc() {
        return current.get(Ssda903Table.UASC);
    }

    public Table oc2() {
        return current.get(Ssda903Table.OC2);
    }

    public Table oc3() {
        return current.get(Ssda903Table.OC3);
    }

    public Table ad1() {
        return current.get(Ssda903Table.AD1);
    }

    public Table placed() {
        return current.get(Ssda903Table.PLACED_ADOPTION);
    }

    public Table prevPerm() {
        return current.get(Ssda903Table.PREV_PERM);
    }

    public Table missing() {
        return current.get(Ssda903Table.MISSING);
    }

    public Table sw() {
        return current.get(Ssda903Table.SW_EPISODES);
    }

    public Table dolo() {
        return current.get(Ssda903Table.DOLO);
    }

    public CollectionYear year() {
        return year;
    }

    /** 1 April of the collection year. */
    public LocalDate start() {
        return year.start();
    }

    /** 31 March at the end of the collection year. */
    public LocalDate end() {
        return year.end();
    }

    /** The ONS code of the LA whose return this is (e.g. E09000001), or null if not known. */
    public String la() {
        return la;
    }

    /** True when the return was read from DfE's XML (where Header carries UASC); Oversight reads CSV tables. */
    public boolean fromXml() {
        return xml;
    }

    /** Marks the return as read from XML (for worked examples written for XML returns). */
    public ReturnData xml(boolean fromXml) {
        this.xml = fromXml;
        return this;
    }

    public ProviderInfo providers() {
        return providers;
    }

    /**
     * DfE's CONTINUOUSLY_LOOKED_AFTER per child, from this year's episodes: looked after at some point in the year, and
     * no episode that starts care (RNE S) after 1 April, ends care (REC not X1) in the year, or is respite (V3/V4).
     */
    public boolean continuouslyLookedAfter(String child) {
        if (continuouslyLookedAfter == null) {
            continuouslyLookedAfter = computeCla();
        }
        return child != null && continuouslyLookedAfter.getOrDefault(child, false);
    }

    private Map<String, Boolean> computeCla() {
        Map<String, Boolean> out = new HashMap<>();
        Table e = episodes();
        if (e == null) {
            return out;
        }
        LocalDate[] decom = e.date("DECOM");
        LocalDate[] dec = e.date("DEC");
        String[] rne = e.col("RNE");
        String[] rec = e.col("REC");
        String[] ls = e.col("LS");
        LocalDate start = start();
        LocalDate end = end();
        e.byChild().forEach((child, rows) -> {
            boolean inYear = false;
            boolean broken = false;
            for (int i : rows) {
                boolean during = RuleDates.le(decom[i], end) && (dec[i] == null || !dec[i].isBefore(start));
                inYear |= during;
                boolean enters = "S".equals(rne[i]) && RuleDates.gt(decom[i], start) && RuleDates.le(decom[i], end);
                boolean leaves = !"X1".equals(rec[i]) && RuleDates.ge(dec[i], start) && RuleDates.lt(dec[i], end);
                boolean respite = ("V3".equals(ls[i]) || "V4".equals(ls[i])) && during;
                broken |= enters || leaves || respite;
            }
            out.put(child, inYear && !broken);
        });
        return out;
    }

    private static void addUascFlag(Table header, Table uasc) {
        if (header == null || uasc == null || header.hasColumn("UASC")) {
            return;
        }
        String[] child = header.col("CHILD");
        String[] flag = new String[header.size()];
        for (int i = 0; i < flag.length; i++) {
            flag[i] = uasc.hasChild(child[i]) ? "1" : "0";
        }
        header.put("UASC", flag);
    }

    /**
     * PL_LA (the LA of the placement postcode, or SCO/WAL/NIR), PL_LOCATION (IN if that is this LA, else OUT; blank if
     * the postcode is unknown) and PL_DISTANCE (miles between home and placement postcodes, one decimal), as DfE
     * derives them.
     */
    private static void addPlacementColumns(Table e, Postcodes postcodes, String la) {
        if (e == null || e.hasColumn("PL_LA")) {
            return;
        }
        String[] home = e.col("HOME_POST");
        String[] pl = e.col("PL_POST");
        String[] plLa = new String[e.size()];
        String[] plLocation = new String[e.size()];
        String[] distance = new String[e.size()];
        for (int i = 0; i < e.size(); i++) {
            Postcodes.Place p = postcodes.find(pl[i]);
            if (p != null && p.known()) {
                plLa[i] = p.la();
                boolean outside = p.la() == null || !p.la().equals(la);
                plLocation[i] = outside ? "OUT" : "IN";
            }
            Postcodes.Place h = postcodes.find(home[i]);
            if (p != null && h != null && p.located() && h.located()) {
                distance[i] = Postcodes.miles(h, p);
            }
        }
        e.put("PL_LA", plLa);
        e.put("PL_LOCATION", plLocation);
        e.put("PL_DISTANCE", distance);
    }
}
