package org.oversight.childdata.ssda903.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * UK postcodes by sector (data/child-data/postcodes/postcode-sectors.csv.gz, from the ONS Postcode Directory, OGL v3):
 * which postcodes exist, the upper-tier LA each is in, and each sector's centroid. Enough to derive what DfE derives
 * from HOME_POST and PL_POST: whether a postcode is valid, the LA of the placement, and the distance from home (here
 * between sector centroids, within a mile or two of DfE's postcode-to-postcode figure).
 */
public final class Postcodes {

    static final String RESOURCE = "reference/child-data/postcodes/postcode-sectors.csv.gz";
    static final Path FILE = Path.of("data/child-data/postcodes/postcode-sectors.csv.gz");
    private static final String LETTERS = "ABDEFGHJLNPQRSTUVWXYZ";
    private static volatile Postcodes shared;

    private final Map<String, Sector> sectors;
    private volatile Map<String, List<String>> byLa;

    private record Sector(String la, boolean located, double easting, double northing, long[] units,
                          Map<String, String> exceptions) {
    }

    /**
     * Where a postcode is.
     *
     * @param known   the postcode has an LA in the directory (false for a few with none); DfE's PL_LOCATION is blank if not
     * @param la      the upper-tier LA's ONS code, or SCO, WAL or NIR; null for the Channel Islands and Isle of Man
     * @param located it has a grid reference (so a distance can be worked out)
     */
    public record Place(boolean known, String la, boolean located, double easting, double northing) {
    }

    private Postcodes(Map<String, Sector> sectors) {
        this.sectors = sectors;
    }

    /** The bundled directory, loaded once. */
    public static Postcodes shared() {
        Postcodes p = shared;
        if (p == null) {
            synchronized (Postcodes.class) {
                p = shared;
                if (p == null) {
                    p = load();
                    shared = p;
                }
            }
        }
        return p;
    }

    private static Postcodes load() {
        try (InputStream in = open(); BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8))) {
            Map<String, Sector> m = new HashMap<>(20_000);
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                boolean located = !f[2].isEmpty();
                long[] bits = new long[7];
                String hex = f[4];
                for (int i = 0; i < hex.length(); i++) {
                    int v = Character.digit(hex.charAt(hex.length() - 1 - i), 16);
                    for (int b = 0; b < 4; b++) {
                        if ((v >> b & 1) == 1) {
                            int bit = i * 4 + b;
                            bits[bit >> 6] |= 1L << (bit & 63);
                        }
                    }
                }
                Map<String, String> ex = Map.of();
                if (!f[5].isEmpty()) {
                    ex = new HashMap<>();
                    for (String e : f[5].split(" ")) {
                        ex.put(e.substring(0, 2), e.substring(3));
                    }
                }
                m.put(f[0].replace(" ", ""), new Sector(f[1], located, located ? Double.parseDouble(f[2]) : 0,
                        located ? Double.parseDouble(f[3]) : 0, bits, ex));
            }
            return new Postcodes(m);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the postcode directory " + FILE, e);
        }
    }

    private static InputStream open() throws IOException {
        InputStream in = Postcodes.class.getClassLoader().getResourceAsStream(RESOURCE);
        return in != null ? in : Files.newInputStream(FILE);
    }

    /** Number of sectors loaded. */
    public int sectors() {
        return sectors.size();
    }

    /** Where the postcode is, or null if it is blank, not a postcode, or not in the directory. Spaces and case are ignored. */
    public Place find(String postcode) {
        if (postcode == null) {
            return null;
        }
        String s = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        int n = s.length();
        if (n < 5 || n > 7) {
            return null;
        }
        char digit = s.charAt(n - 3);
        int a = LETTERS.indexOf(s.charAt(n - 2));
        int b = LETTERS.indexOf(s.charAt(n - 1));
        if (digit < '0' || digit > '9' || a < 0 || b < 0) {
            return null;
        }
        Sector sector = sectors.get(s.substring(0, n - 2));
        if (sector == null) {
            return null;
        }
        int bit = a * 21 + b;
        if ((sector.units()[bit >> 6] >> (bit & 63) & 1) == 0) {
            return null;
        }
        String la = sector.exceptions().getOrDefault(s.substring(n - 2), sector.la());
        return switch (la) {
            case "-" -> new Place(false, null, false, 0, 0);
            case "CI" -> new Place(true, null, false, 0, 0);
            default -> new Place(true, la, sector.located(), sector.easting(), sector.northing());
        };
    }

    /**
     * The sectors (compact keys such as "SE17") most of whose postcodes are in this upper-tier LA and that have a grid
     * reference, in a stable order.
     */
    public List<String> sectorsOf(String la) {
        Map<String, List<String>> m = byLa;
        if (m == null) {
            Map<String, List<String>> built = new HashMap<>();
            for (String key : new TreeSet<>(sectors.keySet())) {
                Sector s = sectors.get(key);
                if (s.located()) {
                    built.computeIfAbsent(s.la(), k -> new ArrayList<>()).add(key);
                }
            }
            byLa = m = built;
        }
        return m.getOrDefault(la, List.of());
    }

    /** Every located sector by the upper-tier LA most of its postcodes are in. */
    public Map<String, List<String>> sectorsByLa() {
        sectorsOf("");
        return byLa;
    }

    /** A sector's centroid {easting, northing} in metres. */
    public double[] centroid(String sectorKey) {
        Sector s = sectors.get(sectorKey);
        return new double[] {s.easting(), s.northing()};
    }

    /**
     * A real postcode in the sector whose LA is the sector's own (not one of its exceptions), chosen with the random
     * source, formatted "SE1 7AB"; null if the sector has none.
     */
    public String postcodeIn(String sectorKey, SplittableRandom random) {
        Sector s = sectors.get(sectorKey);
        if (s == null) {
            return null;
        }
        List<Integer> units = new ArrayList<>();
        for (int bit = 0; bit < 441; bit++) {
            if ((s.units()[bit >> 6] >> (bit & 63) & 1) == 1) {
                String unit = "" + LETTERS.charAt(bit / 21) + LETTERS.charAt(bit % 21);
                if (!s.exceptions().containsKey(unit)) {
                    units.add(bit);
                }
            }
        }
        if (units.isEmpty()) {
            return null;
        }
        int bit = units.get(random.nextInt(units.size()));
        String outward = sectorKey.substring(0, sectorKey.length() - 1);
        return outward + " " + sectorKey.charAt(sectorKey.length() - 1) + LETTERS.charAt(bit / 21)
                + LETTERS.charAt(bit % 21);
    }

    /** Miles between two located places, rounded to one decimal as DfE's validator does, as text. */
    public static String miles(Place a, Place b) {
        double dx = a.easting() - b.easting();
        double dy = a.northing() - b.northing();
        double miles = Math.sqrt(dx * dx + dy * dy) / 1000 / 1.6093;
        return Double.toString(Math.rint(miles * 10) / 10);
    }
}
