package org.oversight.childdata.ssda903;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Deterministic synthetic SSDA903 data (header, episodes, reviews, oc3, missing, uasc) for the 2026-27 collection.
 *
 * <p>A table with no rows for an LA (say no UASC in a very small LA) is not written at all.
 *
 * <p>Layout: one folder per LA, named by the DfE 3-digit LA code ({@code outputDir/201/episodes.csv}), and every
 * CHILD id starts with that LA code ({@code 2010000001}: LA code + 7-digit sequence, 10 characters, the 903 limit),
 * so ids stay unique even when LA files are concatenated.
 *
 * <p>Each LA has its own random stream derived from (seed, LA code), so an LA's files are the same whether it is
 * generated alone or as part of the national set. National totals: 84,000 children looked after at 31 March 2027
 * and 50,000 care leavers in OC3, shared out by {@code ons_population_0-25} (largest remainder, at least one each).
 */
public final class SyntheticData {

    public static final int NATIONAL_CHILDREN_IN_CARE = 84_000;
    public static final int NATIONAL_CARE_LEAVERS = 50_000;

    /** Generation scale. */
    public enum Scale { LA, NATIONAL }

    /** One LA from la-lookup.csv. */
    public record La(String laCode, String laCodeNew, String name, long population) {
    }

    /** Counts for one LA. */
    public record LaCounts(String laCode, String name, int childrenInCare, int careLeavers, int episodes, int reviews,
                           int lateReviews, int missing, int uasc) {
    }

    /** What was generated. */
    public record Summary(Map<String, LaCounts> byLa, long elapsedMillis) {
        public int childrenInCare() {
            return byLa.values().stream().mapToInt(LaCounts::childrenInCare).sum();
        }

        public int careLeavers() {
            return byLa.values().stream().mapToInt(LaCounts::careLeavers).sum();
        }

        public int episodes() {
            return byLa.values().stream().mapToInt(LaCounts::episodes).sum();
        }

        public int reviews() {
            return byLa.values().stream().mapToInt(LaCounts::reviews).sum();
        }

        public int lateReviews() {
            return byLa.values().stream().mapToInt(LaCounts::lateReviews).sum();
        }

        public int missing() {
            return byLa.values().stream().mapToInt(LaCounts::missing).sum();
        }

        public int uasc() {
            return byLa.values().stream().mapToInt(LaCounts::uasc).sum();
        }
    }

    private static final CollectionYear YEAR = CollectionYear.current();

    /** The Annex A workbook written beside each LA's 903 tables. */
    public static final String ANNEX_A_FILE = "annex-a.xlsx";

    private SyntheticData() {
    }

    /**
     * Generates 903 CSVs.
     *
     * @param scale     "la" or "national" (case-insensitive)
     * @param seed      the random seed; the same seed gives the same bytes
     * @param laList    for "la": the LAs to generate, by DfE code ("201") or new code ("E09000001"); ignored for
     *                  "national" (every LA with a la_code_new)
     * @param outputDir where the per-LA folders go; null for counting mode (nothing written)
     */
    public static Summary generate(String scale, long seed, List<String> laList, Path outputDir) {
        return generate(Scale.valueOf(scale.trim().toUpperCase(Locale.ROOT)), seed, laList, outputDir);
    }

    public static Summary generate(Scale scale, long seed, List<String> laList, Path outputDir) {
        return generate(scale, seed, laList, outputDir, loadLas());
    }

    static Summary generate(Scale scale, long seed, List<String> laList, Path outputDir, List<La> allLas) {
        long t0 = System.nanoTime();
        Map<String, int[]> shares = allocate(allLas);
        List<La> chosen = new ArrayList<>();
        if (scale == Scale.NATIONAL) {
            chosen.addAll(allLas);
        } else {
            if (laList == null || laList.isEmpty()) {
                throw new IllegalArgumentException("LA scale needs at least one LA code");
            }
            for (String code : laList) {
                La la = allLas.stream().filter(l -> l.laCode().equals(code.trim()) || l.laCodeNew().equals(code.trim()))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("Unknown LA code: " + code));
                chosen.add(la);
            }
        }
        Set<LocalDate> holidays = loadBankHolidays();
        Map<String, LaCounts> byLa = new LinkedHashMap<>();
        for (La la : chosen) {
            int[] share = shares.get(la.laCode());
            SplittableRandom rnd = new SplittableRandom(mix(seed, la.laCode()));
            LaData data = new LaGenerator(la, rnd, holidays).run(share[0], share[1]);
            if (outputDir != null) {
                data.write(outputDir.resolve(la.laCode()));
                // Annex A draws from its own random stream, so the 903 tables stay byte-for-byte what they were.
                SyntheticAnnexA.write(outputDir.resolve(la.laCode()).resolve(ANNEX_A_FILE), la, data.annex(),
                        new SplittableRandom(mix(seed, la.laCode() + "/annex-a")), YEAR.end());
            }
            byLa.put(la.laCode(), data.counts());
        }
        return new Summary(byLa, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Children in care and care leavers for each LA: {cic, leavers}, keyed by DfE LA code. */
    static Map<String, int[]> allocate(List<La> las) {
        int[] cic = largestRemainder(las, NATIONAL_CHILDREN_IN_CARE);
        int[] leavers = largestRemainder(las, NATIONAL_CARE_LEAVERS);
        Map<String, int[]> out = new LinkedHashMap<>();
        for (int i = 0; i < las.size(); i++) {
            out.put(las.get(i).laCode(), new int[] {cic[i], leavers[i]});
        }
        return out;
    }

    private static int[] largestRemainder(List<La> las, int total) {
        long pop = las.stream().mapToLong(La::population).sum();
        int[] out = new int[las.size()];
        double[] rem = new double[las.size()];
        int given = 0;
        for (int i = 0; i < las.size(); i++) {
            double exact = (double) total * las.get(i).population() / pop;
            out[i] = Math.max(1, (int) Math.floor(exact));
            rem[i] = exact - Math.floor(exact);
            given += out[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < las.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -rem[i]).thenComparing(i -> i));
        for (int k = 0; given < total && k < order.size(); k++, given++) {
            out[order.get(k)]++;
        }
        return out;
    }

    private static long mix(long seed, String laCode) {
        long h = seed * 0x9E3779B97F4A7C15L + laCode.hashCode();
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reference data: the classpath copy (reference/...) that the pom makes from data/, else data/ on disk.

    public static List<La> loadLas() {
        try (Reader r = open("la-lookup.csv");
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setTrim(true).get())) {
            List<La> out = new ArrayList<>();
            for (CSVRecord rec : p) {
                String newCode = rec.get("la_code_new");
                if (newCode == null || newCode.isBlank()) {
                    continue;
                }
                String pop = rec.get("ons_population_0-25").replace(",", "");
                out.add(new La(rec.get("la_code"), newCode, rec.get("local_authority_ons_name"),
                        pop.isBlank() ? 0 : Long.parseLong(pop)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<LocalDate> loadBankHolidays() {
        try (Reader r = open("bank-holidays-england-and-wales.csv");
             CSVParser p = CSVParser.parse(r, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setTrim(true).get())) {
            Set<LocalDate> out = new HashSet<>();
            for (CSVRecord rec : p) {
                out.add(LocalDate.parse(rec.get("date")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader open(String name) throws IOException {
        InputStream in = SyntheticData.class.getClassLoader().getResourceAsStream("reference/" + name);
        if (in == null) {
            in = Files.newInputStream(Path.of("data", name));
        }
        byte[] bytes = in.readAllBytes();
        in.close();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new java.io.StringReader(text);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Rows for one LA, as CSV lines (without the header line). */
    private record LaData(La la, List<String> header, List<String> episodes, List<String> reviews,
                          List<String> oc3, List<String> missing, List<String> uasc, List<String> oc2,
                          List<String> prevPerm, int cic, int leavers, int lateReviews, SyntheticAnnexA.Facts annex) {

        LaCounts counts() {
            return new LaCounts(la.laCode(), la.name(), cic, leavers, episodes.size(), reviews.size(), lateReviews,
                    missing.size(), uasc.size());
        }

        void write(Path dir) {
            try {
                Files.createDirectories(dir);
                writeTable(dir, Ssda903Table.HEADER, header);
                writeTable(dir, Ssda903Table.EPISODES, episodes);
                writeTable(dir, Ssda903Table.REVIEWS, reviews);
                writeTable(dir, Ssda903Table.OC3, oc3);
                writeTable(dir, Ssda903Table.MISSING, missing);
                writeTable(dir, Ssda903Table.UASC, uasc);
                writeTable(dir, Ssda903Table.OC2, oc2);
                writeTable(dir, Ssda903Table.PREV_PERM, prevPerm);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void writeTable(Path dir, Ssda903Table t, List<String> lines) throws IOException {
            if (lines.isEmpty()) {
                return; // a table with no rows is not written (a header-only file fails OV-NO-ROWS)
            }
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(t.fileName()), StandardCharsets.UTF_8)) {
                w.write(String.join(",", t.columns()));
                w.write('\n');
                for (String l : lines) {
                    w.write(l);
                    w.write('\n');
                }
            }
        }
    }

    /** A placement: type, provider, Ofsted URN ("" for types without one) and postcode. */
    private record Placement(String place, String provider, String urn, String postcode) {
        boolean samePlace(Placement o) {
            return place.equals(o.place) && provider.equals(o.provider) && urn.equals(o.urn)
                    && postcode.equals(o.postcode);
        }
    }

    /**
     * Where an LA places children: real postcodes (ONS Postcode Directory, by sector) in its own area and in the
     * LAs around it (within about 30 km), its own fostering service, a few fostering agencies, and children's homes,
     * schools and family centres each with one Ofsted URN and one postcode (in the LA's own area when the LA runs it).
     */
    private static final class Places {
        private static final double NEAR_METRES = 30_000;
        private final La la;
        private final SplittableRandom r;
        private final org.oversight.childdata.ssda903.rules.Postcodes postcodes =
                org.oversight.childdata.ssda903.rules.Postcodes.shared();
        private final List<String> own;
        private final List<String> near = new ArrayList<>();
        private final Map<String, List<Placement>> homes = new LinkedHashMap<>();
        private final List<String> agencies = new ArrayList<>();
        private int urns;

        Places(La la, SplittableRandom r) {
            this.la = la;
            this.r = r;
            this.own = postcodes.sectorsOf(la.laCodeNew());
            if (own.isEmpty()) {
                throw new IllegalStateException("No postcode sectors for " + la.name() + " (" + la.laCodeNew() + ")");
            }
            double e = 0;
            double n = 0;
            for (String s : own) {
                double[] c = postcodes.centroid(s);
                e += c[0];
                n += c[1];
            }
            e /= own.size();
            n /= own.size();
            for (Map.Entry<String, List<String>> en : new java.util.TreeMap<>(postcodes.sectorsByLa()).entrySet()) {
                if (!en.getKey().startsWith("E") || en.getKey().equals(la.laCodeNew())) {
                    continue;
                }
                for (String s : en.getValue()) {
                    double[] c = postcodes.centroid(s);
                    if (Math.hypot(c[0] - e, c[1] - n) < NEAR_METRES) {
                        near.add(s);
                    }
                }
            }
        }

        /** A postcode in the LA's own area. */
        String own() {
            for (int i = 0; ; i++) {
                String p = postcodes.postcodeIn(own.get(r.nextInt(own.size())), r);
                if (p != null || i > 50) {
                    return p;
                }
            }
        }

        /** A postcode in the LA's own area (70%) or a neighbouring LA's. */
        String nearby() {
            if (near.isEmpty() || r.nextDouble() < 0.7) {
                return own();
            }
            for (int i = 0; ; i++) {
                String p = postcodes.postcodeIn(near.get(r.nextInt(near.size())), r);
                if (p != null || i > 50) {
                    return p != null ? p : own();
                }
            }
        }

        /** A foster carer's address. */
        String carer() {
            return nearby();
        }

        private String newUrn() {
            return "SC" + la.laCode() + String.format("%03d", ++urns % 1000);
        }

        /** The LA's own fostering service. */
        String laFostering() {
            if (agencies.isEmpty()) {
                agencies.add(newUrn());
            }
            return agencies.getFirst();
        }

        /** An independent fostering agency (one of five). */
        String agency() {
            laFostering();
            if (agencies.size() < 6) {
                agencies.add(newUrn());
                return agencies.getLast();
            }
            return agencies.get(1 + r.nextInt(agencies.size() - 1));
        }

        /** A home, school or centre of this type and provider: up to eight of each, then the same ones again. */
        Placement home(String place, String provider) {
            List<Placement> list = homes.computeIfAbsent(place + provider, k -> new ArrayList<>());
            if (list.size() < 8) {
                String postcode = provider.equals("PR1") ? own() : nearby();
                list.add(new Placement(place, provider, newUrn(), postcode));
                return list.getLast();
            }
            return list.get(r.nextInt(list.size()));
        }
    }

    /** Weighted choice over codes. */
    private record Weighted(String[] codes, double[] cumulative) {
        static Weighted of(Object... codeWeightPairs) {
            int n = codeWeightPairs.length / 2;
            String[] codes = new String[n];
            double[] cum = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                codes[i] = (String) codeWeightPairs[2 * i];
                total += ((Number) codeWeightPairs[2 * i + 1]).doubleValue();
                cum[i] = total;
            }
            for (int i = 0; i < n; i++) {
                cum[i] /= total;
            }
            return new Weighted(codes, cum);
        }

        String pick(SplittableRandom r) {
            double u = r.nextDouble();
            for (int i = 0; i < codes.length; i++) {
                if (u < cumulative[i]) {
                    return codes[i];
                }
            }
            return codes[codes.length - 1];
        }
    }

    // Distributions: broad shapes of DfE "Children looked after in England" statistics (2023-24), rounded.
    private static final Weighted ETHNIC = Weighted.of("WBRI", 66, "WIRI", 0.3, "WOTH", 4, "WIRT", 0.5, "WROM", 0.5,
            "MWBC", 4, "MWBA", 1, "MWAS", 1, "MOTH", 3, "AIND", 1, "APKN", 1.5, "ABAN", 0.7, "AOTH", 2, "BCRB", 1,
            "BAFR", 3, "BOTH", 2, "CHNE", 0.2, "OOTH", 4, "REFU", 0.5, "NOBT", 1);
    private static final Weighted ETHNIC_UASC = Weighted.of("AOTH", 30, "BAFR", 30, "OOTH", 25, "WOTH", 10,
            "BOTH", 5);
    private static final Weighted CIN = Weighted.of("N1", 65, "N2", 3, "N3", 3, "N4", 8, "N5", 14, "N6", 2,
            "N7", 0.3, "N8", 5);
    private static final Weighted RPC = Weighted.of("CARPL", 20, "CLOSE", 3, "ALLEG", 2, "STAND", 8, "APPRR", 3,
            "CREQB", 12, "CREQO", 8, "CHILD", 10, "LAREQ", 25, "PLACE", 4, "OTHER", 5);
    private static final Weighted FOSTER = Weighted.of("U1", 8, "U2", 1, "U3", 6, "U4", 30, "U5", 2, "U6", 53);
    private static final Weighted FOSTER_PROVIDER = Weighted.of("PR1", 55, "PR4", 40, "PR5", 5);
    private static final Weighted HOME_PROVIDER = Weighted.of("PR1", 20, "PR4", 75, "PR5", 5);
    private static final Weighted PARTICIPATION = Weighted.of("PN1", 50, "PN2", 4, "PN3", 3, "PN4", 8, "PN5", 10,
            "PN6", 10, "PN7", 15);
    private static final Weighted ACTIV = Weighted.of("F1", 5, "P1", 1, "F2", 17, "P2", 3, "F4", 3, "P4", 1,
            "F5", 22, "P5", 8, "G4", 12, "G5", 24, "G6", 4);
    private static final Weighted IN_TOUCH = Weighted.of("YES", 90, "NO", 4, "DIED", 0.3, "REFU", 3, "NREQ", 2,
            "RHOM", 0.7);
    private static final Weighted ACCOM_LETTER = Weighted.of("U", 38, "D", 14, "E", 5, "B", 11, "Z", 8, "C", 3,
            "K", 3, "T", 2, "V", 1, "W", 1, "X", 3, "S", 1, "G", 0.5, "R", 1.5, "Y", 8);

    /** Generates one LA. */
    private static final class LaGenerator {
        private final La la;
        private final SplittableRandom r;
        private final Set<LocalDate> holidays;
        private final List<String> header = new ArrayList<>();
        private final List<String> episodes = new ArrayList<>();
        private final List<String> reviews = new ArrayList<>();
        private final List<String> oc3 = new ArrayList<>();
        private final List<String> missing = new ArrayList<>();
        private final List<String> uasc = new ArrayList<>();
        private final List<String> oc2 = new ArrayList<>();
        private final List<String> prevPerm = new ArrayList<>();
        private final Places places;
        private int seq;
        private int late;
        private final SyntheticAnnexA.Facts annex = new SyntheticAnnexA.Facts(new ArrayList<>(), new ArrayList<>());
        private LocalDate placementStart;
        private String placeCode;

        LaGenerator(La la, SplittableRandom r, Set<LocalDate> holidays) {
            this.la = la;
            this.r = r;
            this.holidays = holidays;
            this.places = new Places(la, r);
        }

        LaData run(int cic, int leavers) {
            for (int i = 0; i < cic; i++) {
                childInCare();
            }
            for (int i = 0; i < leavers; i++) {
                careLeaver();
            }
            return new LaData(la, header, episodes, reviews, oc3, missing, uasc, oc2, prevPerm, cic, leavers, late,
                    annex);
        }

        private String nextId() {
            return la.laCode() + String.format("%07d", ++seq);
        }

        private LocalDate between(LocalDate from, LocalDate toInclusive) {
            long days = ChronoUnit.DAYS.between(from, toInclusive);
            return days <= 0 ? from : from.plusDays(r.nextLong(days + 1));
        }

        private String upn() {
            String letters = "ABCDEFGHJKLMNPQRTUVWXYZ"; // no I, O, S
            StringBuilder sb = new StringBuilder().append(letters.charAt(r.nextInt(letters.length())));
            for (int i = 0; i < 12; i++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            return sb.toString();
        }

        /**
         * A header row. A girl in care has MOTHER (0, or 1 with her child's date of birth, which is before the end of
         * the year and before her latest change of episode, as rule 625 reads it); care leavers not looked after in
         * the year have none (rule 628).
         */
        private void headerRow(String id, String sex, LocalDate dob, String ethnic, boolean inCare,
                               boolean mayBeMother, LocalDate mcDobLatest) {
            String mother = "";
            String mcDob = "";
            if (inCare && sex.equals("F")) {
                mother = "0";
                LocalDate earliest = dob.plusYears(15);
                if (mayBeMother && earliest.isBefore(mcDobLatest) && r.nextDouble() < 0.04) {
                    mother = "1";
                    mcDob = Dates.format(between(earliest, mcDobLatest));
                }
            }
            header.add(String.join(",", id, sex, Dates.format(dob), ethnic, upn(), mother, mcDob));
        }

        // ----- children in care at 31 March ---------------------------------------------------------------------

        private void childInCare() {
            String id = nextId();
            LocalDate end = YEAR.end();
            double u = r.nextDouble();
            int age = u < 0.05 ? 0 : u < 0.19 ? 1 + r.nextInt(4) : u < 0.37 ? 5 + r.nextInt(5)
                    : u < 0.75 ? 10 + r.nextInt(6) : 16 + r.nextInt(2);
            LocalDate dob = age == 0 ? end.minusDays(10 + r.nextInt(350))
                    : end.minusYears(age).minusDays(r.nextInt(365));
            boolean isUasc = age >= 14 && r.nextDouble() < 0.2;
            String sex = isUasc ? (r.nextDouble() < 0.92 ? "M" : "F") : (r.nextDouble() < 0.56 ? "M" : "F");
            String ethnic = (isUasc ? ETHNIC_UASC : ETHNIC).pick(r);

            // Period of care: UASC arrive in their mid-teens; others anywhere from birth, skewed to recent starts.
            long ageDays = ChronoUnit.DAYS.between(dob, end);
            long maxDays = isUasc ? Math.max(1, Math.min(3 * 365, ageDays - 14 * 365L))
                    : Math.max(1, Math.min(10 * 365, ageDays - 1));
            long inCare = 1 + (long) (maxDays * Math.pow(r.nextDouble(), 1.6));
            inCare = Math.min(inCare, ageDays - 1);
            LocalDate decom = end.minusDays(Math.max(1, inCare));
            List<LocalDate[]> spells = careEpisodes(id, dob, decom, isUasc);
            LocalDate mcDobLatest = YEAR.end();
            for (LocalDate[] sp : spells) {
                if (sp[1] != null && sp[1].isBefore(mcDobLatest)) {
                    mcDobLatest = sp[1];
                }
            }
            headerRow(id, sex, dob, ethnic, true, age >= 14, mcDobLatest);
            if (!decom.isAfter(YEAR.start())) {
                oc2Row(id, dob); // looked after for the whole year: OC2 (DfE's CONTINUOUSLY_LOOKED_AFTER)
            }
            if (!decom.isBefore(YEAR.start())) {
                prevPermRow(id, dob, decom); // started to be looked after in the year: previous permanence
            }
            reviewsFor(id, dob, decom);
            if (age >= 11 && r.nextDouble() < (age >= 14 ? 0.18 : 0.08)) {
                missingFor(id, dob, decom, spells.getLast()[0]);
            }
            if (isUasc) {
                uasc.add(String.join(",", id, sex, Dates.format(dob), Dates.format(dob.plusYears(18))));
            }
            assert !spells.isEmpty();
            annex.inCare().add(new SyntheticAnnexA.InCare(id, sex, dob, ethnic, isUasc, decom, placementStart, placeCode));
        }

        private List<LocalDate[]> careEpisodes(String id, LocalDate dob, LocalDate start, boolean isUasc) {
            List<LocalDate[]> out = new ArrayList<>();
            String cin = isUasc ? "N8" : CIN.pick(r);
            // A UASC's home is abroad: no home postcode, so no distance (rules 392b, 406)
            String homePost = isUasc ? "" : places.own();
            String ls = isUasc ? "V2" : r.nextDouble() < 0.5 ? "C1" : "V2";
            LocalDate cur = start;
            String rne = "S";
            Placement placement = placement(dob, cur, ls, homePost, null);
            for (int n = 0; ; n++) {
                // Time to the next change: placement stability varies; mean roughly 14 months.
                long gap = 7 + (long) (-Math.log(1 - r.nextDouble()) * 420);
                LocalDate next = cur.plusDays(gap);
                boolean open = !next.isBefore(YEAR.end()) || n >= 11;
                String change = null;
                String newLs = ls;
                Placement newPlacement = placement;
                if (!open) {
                    if (ls.equals("C1") && r.nextDouble() < 0.55) {
                        newLs = "C2"; // legal status only: the placement stays exactly as it was (rule 434)
                        change = "L";
                    } else if (ls.equals("V2") && !isUasc && r.nextDouble() < 0.25) {
                        newLs = "C1";
                        newPlacement = placement(dob, next, newLs, homePost, placement);
                        change = "B";
                    } else {
                        newPlacement = placement(dob, next, ls, homePost, placement);
                        change = "P";
                    }
                }
                String rpc = change != null && !change.equals("L") ? RPC.pick(r) : "";
                episodes.add(String.join(",", id, Dates.format(cur), rne, ls, cin, placement.place(),
                        placement.provider(), open ? "" : Dates.format(next), open ? "" : "X1", rpc, homePost,
                        placement.postcode(), placement.urn()));
                out.add(new LocalDate[] {cur, open ? null : next});
                if (!"L".equals(rne)) {
                    placementStart = cur; // a change of legal status alone keeps the placement
                    placeCode = placement.place();
                }
                if (open) {
                    return out;
                }
                cur = next;
                rne = change;
                ls = newLs;
                placement = newPlacement;
            }
        }

        /**
         * A placement suitable for the child's age at its start and legal status: type, provider, Ofsted URN (for the
         * types that need one, rules 218 and 222) and postcode (a real one: the LA's own area for its own provision,
         * rule 1015, and for placements with parents, otherwise sometimes a neighbouring LA). A change of placement
         * differs from the one before (rule 435).
         */
        private Placement placement(LocalDate dob, LocalDate at, String ls, String homePost, Placement before) {
            for (int attempt = 0; ; attempt++) {
                Placement p = pickPlacement(dob, at, ls, homePost);
                boolean homeAddress = !p.place().equals("P1") && p.postcode().equals(homePost); // rule 392d
                if (attempt > 20 || !homeAddress && (before == null || !p.samePlace(before))) {
                    return p;
                }
            }
        }

        private Placement pickPlacement(LocalDate dob, LocalDate at, String ls, String homePost) {
            int age = (int) ChronoUnit.YEARS.between(dob, at);
            double u = r.nextDouble();
            String place;
            if (age < 1) {
                place = u < 0.88 ? "F" : u < 0.94 ? "P1" : "R3";
            } else if (age < 5) {
                place = u < 0.90 ? "F" : u < 0.96 ? "P1" : "K2";
            } else if (age < 13) {
                place = u < 0.78 ? "F" : u < 0.89 ? "K2" : u < 0.95 ? "P1" : u < 0.98 ? "S1" : "R1";
            } else if (age < 16) {
                place = u < 0.60 ? "F" : u < 0.85 ? "K2" : u < 0.90 ? "P1" : u < 0.94 ? "S1" : "R1";
            } else {
                place = u < 0.45 ? "F" : u < 0.65 ? "K2" : u < 0.90 ? "K3" : u < 0.95 ? "P1" : "R1";
            }
            if (place.equals("P1") && (ls.equals("V2") || homePost.isEmpty())) {
                place = "F"; // placed with parents is not possible under s.20 alone (rule 378)
            }
            return switch (place) {
                case "F" -> {
                    String provider = FOSTER_PROVIDER.pick(r);
                    String urn = provider.equals("PR1") ? places.laFostering() : places.agency();
                    yield new Placement(FOSTER.pick(r), provider, urn, places.carer());
                }
                case "P1" -> new Placement("P1", "PR0", "", homePost);
                case "K2" -> places.home("K2", HOME_PROVIDER.pick(r));
                case "K3" -> places.home("K3", r.nextDouble() < 0.85 ? "PR4" : "PR1");
                case "S1" -> places.home("S1", r.nextDouble() < 0.7 ? "PR4" : "PR5");
                case "R1" -> new Placement("R1", "PR4", "", places.nearby()); // no URN for R1 (rule 222)
                default -> places.home("R3", "PR4");
            };
        }

        // ----- reviews ------------------------------------------------------------------------------------------

        private LocalDate addWorkingDays(LocalDate d, int n) {
            LocalDate x = d;
            int added = 0;
            while (added < n) {
                x = x.plusDays(1);
                if (x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY
                        && !holidays.contains(x)) {
                    added++;
                }
            }
            return x;
        }

        private LocalDate weekdayOnOrBefore(LocalDate d, LocalDate floor) {
            LocalDate x = d;
            while (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY) {
                x = x.minusDays(1);
            }
            return x.isAfter(floor) ? x : d;
        }

        /**
         * Statutory reviews (CPPCR reg 33): first within 20 working days of becoming looked after, the second within
         * 3 months of the first, then every 6 months. About 88% are held on time; the rest are 1–45 days late.
         * Only reviews inside the collection year are written, as in the real return.
         */
        private void reviewsFor(String id, LocalDate dob, LocalDate decom) {
            LocalDate prev = decom;
            for (int k = 0; ; k++) {
                LocalDate due = k == 0 ? addWorkingDays(decom, 20) : k == 1 ? prev.plusMonths(3) : prev.plusMonths(6);
                LocalDate held;
                if (r.nextDouble() < 0.88) {
                    long window = Math.min(ChronoUnit.DAYS.between(prev, due) - 1, k == 0 ? 20 : 35);
                    held = due.minusDays(window <= 0 ? 0 : r.nextLong(window + 1));
                    held = weekdayOnOrBefore(held, prev);
                } else {
                    held = due.plusDays(1 + r.nextInt(45));
                }
                if (held.isAfter(YEAR.end())) {
                    return; // not yet held at 31 March: not in the return
                }
                if (!held.isBefore(YEAR.start())) {
                    String code = held.isBefore(dob.plusYears(4)) ? "PN0" : PARTICIPATION.pick(r);
                    reviews.add(String.join(",", id, Dates.format(dob), Dates.format(held), code));
                    if (held.isAfter(due)) {
                        late++;
                    }
                }
                prev = held;
            }
        }

        // ----- missing ------------------------------------------------------------------------------------------

        /** Missing periods in the year; one still open at 31 March started in the current placement (rule 575). */
        private void missingFor(String id, LocalDate dob, LocalDate decom, LocalDate currentPlacement) {
            LocalDate cur = decom.isAfter(YEAR.start()) ? decom : YEAR.start();
            int episodesWanted = 1 + (int) (-Math.log(1 - r.nextDouble()) * 2.5);
            for (int k = 0; k < Math.min(episodesWanted, 10); k++) {
                LocalDate start = cur.plusDays(1 + r.nextInt(60));
                if (!start.isBefore(YEAR.end())) {
                    return;
                }
                double u = r.nextDouble();
                int len = u < 0.5 ? 0 : u < 0.8 ? 1 : u < 0.95 ? 2 + r.nextInt(5) : 7 + r.nextInt(21);
                LocalDate end = start.plusDays(len);
                boolean open = false;
                if (end.isAfter(YEAR.end())) {
                    if (start.isBefore(currentPlacement)) {
                        end = currentPlacement; // found when that placement ended
                    } else {
                        open = true; // still missing at 31 March
                    }
                }
                missing.add(String.join(",", id, Dates.format(dob), r.nextDouble() < 0.6 ? "M" : "A",
                        Dates.format(start), open ? "" : Dates.format(end)));
                if (open) {
                    return;
                }
                cur = end;
            }
        }

        // ----- OC2 and previous permanence -------------------------------------------------------------------

        /**
         * OC2 for a child looked after all year: the strengths and difficulties questionnaire from 4 to 16 (rules
         * 186, 188, 189; 197B for those turning 4 or 17), convictions from 10 (542, 543), health promotion under 5
         * (545, 546), the core health items always (191), and substance misuse with its intervention items (158,
         * 159, 192, 193).
         */
        private void oc2Row(String id, LocalDate dob) {
            LocalDate start = YEAR.start();
            LocalDate end = YEAR.end();
            String sdqScore = "";
            String sdqReason = "";
            boolean sdqAge = !dob.plusYears(4).isAfter(start) && dob.plusYears(17).isAfter(end);
            boolean turns4or17 = !dob.plusYears(4).isBefore(start) && !dob.plusYears(4).isAfter(end)
                    || !dob.plusYears(17).isBefore(start) && !dob.plusYears(17).isAfter(end);
            if ((sdqAge || turns4or17) && dob.plusYears(4).isAfter(end) == false
                    && !dob.plusYears(17).isBefore(start)) {
                if (r.nextDouble() < 0.8) {
                    sdqScore = String.valueOf((int) Math.min(40, Math.max(0, 14 + r.nextGaussian() * 7)));
                } else {
                    sdqReason = "SDQ" + (2 + r.nextInt(4));
                }
            }
            String convicted = dob.plusYears(10).isAfter(end) ? "" : r.nextDouble() < 0.03 ? "1" : "0";
            String healthCheck = dob.plusYears(5).isAfter(end) ? (r.nextDouble() < 0.9 ? "1" : "0") : "";
            String misuse = dob.plusYears(10).isAfter(end) ? "0" : r.nextDouble() < 0.04 ? "1" : "0";
            String received = "";
            String offered = "";
            if (misuse.equals("1")) {
                received = r.nextDouble() < 0.6 ? "1" : "0";
                offered = received.equals("0") ? (r.nextDouble() < 0.5 ? "1" : "0") : "";
            }
            oc2.add(String.join(",", id, Dates.format(dob), sdqScore, sdqReason, convicted, healthCheck,
                    r.nextDouble() < 0.85 ? "1" : "0", r.nextDouble() < 0.8 ? "1" : "0",
                    r.nextDouble() < 0.9 ? "1" : "0", misuse, received, offered));
        }

        /**
         * Previous permanence for a child who started to be looked after in the year (rule 630): mostly none (Z1);
         * otherwise the order, the LA that arranged it and its date, before care began (rule 632).
         */
        private void prevPermRow(String id, LocalDate dob, LocalDate decom) {
            if (r.nextDouble() < 0.92 || !decom.isAfter(dob.plusYears(1))) {
                prevPerm.add(String.join(",", id, Dates.format(dob), "Z1", "", ""));
                return;
            }
            LocalDate order = between(dob.plusMonths(6), decom.minusDays(30));
            prevPerm.add(String.join(",", id, Dates.format(dob), "P" + (1 + r.nextInt(4)), la.laCode(),
                    Dates.format(order)));
        }

        // ----- care leavers -------------------------------------------------------------------------------------

        private void careLeaver() {
            String id = nextId();
            double u = r.nextDouble();
            int age = u < 0.05 ? 17 : u < 0.25 ? 18 : u < 0.50 ? 19 : u < 0.75 ? 20 : 21;
            // The birthday of that age falls inside the collection year.
            LocalDate birthday = YEAR.start().plusDays(r.nextInt(365));
            LocalDate dob = birthday.minusYears(age);
            String sex = r.nextDouble() < 0.58 ? "M" : "F";
            String ethnic = ETHNIC.pick(r);
            headerRow(id, sex, dob, ethnic, false, false, YEAR.end());
            String inTouch = IN_TOUCH.pick(r);
            annex.leavers().add(new SyntheticAnnexA.Leaver(id, sex, dob, ethnic, age, inTouch));
            String activ = "0";
            String accom = "0";
            if (inTouch.equals("YES")) {
                activ = ACTIV.pick(r);
                String letter;
                do {
                    letter = ACCOM_LETTER.pick(r);
                } while (age < 18 && letter.equals("Z") // rule 3001
                        || dob.plusYears(18).isAfter(YEAR.start()) && letter.equals("T")); // rule 347: 18 by 1 April
                boolean alwaysUnsuitable = letter.equals("S") || letter.equals("X"); // no S1/X1 code
                boolean suitable = !alwaysUnsuitable && !letter.equals("W") && r.nextDouble() < 0.9;
                accom = letter + (suitable ? "1" : "2");
            }
            oc3.add(String.join(",", id, Dates.format(dob), inTouch, activ, accom));
        }
    }
}
