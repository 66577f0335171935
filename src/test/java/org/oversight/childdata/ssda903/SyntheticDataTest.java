package org.oversight.childdata.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDataTest {

    private static Map<String, byte[]> readDir(Path dir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Ssda903Table t : Ssda903Table.values()) {
            Path f = dir.resolve(t.fileName());
            if (Files.exists(f)) { // tables with no rows are not written
                files.put(t.fileName(), Files.readAllBytes(f));
            }
        }
        return files;
    }

    @Test
    void sameSeedSameBytesDifferentSeedDifferentBytes(@TempDir Path tmp) throws IOException {
        SyntheticData.generate("la", 42, List.of("210"), tmp.resolve("a"));
        SyntheticData.generate("la", 42, List.of("210"), tmp.resolve("b"));
        SyntheticData.generate("la", 43, List.of("210"), tmp.resolve("c"));
        Map<String, byte[]> a = readDir(tmp.resolve("a/210"));
        Map<String, byte[]> b = readDir(tmp.resolve("b/210"));
        Map<String, byte[]> c = readDir(tmp.resolve("c/210"));
        for (String f : a.keySet()) {
            assertThat(b.get(f)).as(f).isEqualTo(a.get(f));
        }
        assertThat(c.get("episodes.csv")).isNotEqualTo(a.get("episodes.csv"));
        assertThat(c.get("header.csv")).isNotEqualTo(a.get("header.csv"));
    }

    /** A generated LA's return validated as DfE would: the full rule set of the year, knowing which LA it is. */
    static Ssda903Return validate(Path dir, String onsCode) throws IOException {
        return Ssda903Return.read(readDir(dir), Ssda903Return.Options.of(CollectionYear.current()).withLa(onsCode));
    }

    static final Map<String, String> ONS = new java.util.HashMap<>();

    static {
        SyntheticData.loadLas().forEach(l -> ONS.put(l.laCode(), l.laCodeNew()));
    }

    /**
     * What generated data cannot be checked against: the tables it does not have (adoptions, social worker episodes,
     * DoLOs), last year's return, Ofsted's provider lists, and 105 (XML only).
     */
    static final java.util.Set<String> NOT_CHECKED_TABLES = java.util.Set.of("AD1", "PlacedAdoption", "SWEpisodes",
            "DoLo");

    @Test
    void cityOfLondonHasZeroErrors(@TempDir Path tmp) throws IOException {
        SyntheticData.Summary s = SyntheticData.generate("la", 1, List.of("201"), tmp);
        Ssda903Return ret = validate(tmp.resolve("201"), "E09000001");
        assertThat(ret.errors()).isEmpty();
        assertThat(ret.header()).hasSize(s.childrenInCare() + s.careLeavers());
        assertThat(s.childrenInCare()).isPositive();
        assertThat(ret.header()).allMatch(h -> h.child().startsWith("201"));
    }

    @Test
    void largerLasHaveZeroErrorsAndSensibleDistributions(@TempDir Path tmp) throws IOException {
        // Southwark, Birmingham, Cumberland: a London borough, the biggest LA, a new unitary.
        SyntheticData.Summary s = SyntheticData.generate("la", 7, List.of("210", "330", "942"), tmp);
        for (String la : s.byLa().keySet()) {
            Ssda903Return ret = validate(tmp.resolve(la), ONS.get(la));
            assertThat(ret.errors()).as(la + " " + ret.errors().stream().limit(5).toList()).isEmpty();
            // every rule that can run on these tables runs and passes; the rest need what generated data lacks
            assertThat(ret.outcomes()).filteredOn(o -> !o.checked()).allSatisfy(o -> assertThat(o.reason())
                    .matches("needs (last year's .*|this year's and last year's .*|Ofsted's lists.*|the (AD1|PlacedAdoption|SWEpisodes|DoLo) table.*)"
                            + "|applies to XML returns.*"));
            assertThat(ret.outcomes()).filteredOn(o -> o.checked()).hasSizeGreaterThan(200)
                    .allSatisfy(o -> assertThat(o.flagged()).as(o.code()).isZero());
            var eps = ret.episodes();
            long children = eps.stream().map(Rows.Episode::child).distinct().count();
            assertThat((double) eps.size() / children).as("episodes per child").isBetween(1.3, 4.0);
            assertThat(ret.missing()).isNotEmpty();
            assertThat(ret.uasc()).isNotEmpty();
            assertThat(ret.oc3()).allMatch(o -> {
                int age = CollectionYear.current().end().getYear() - o.dob().getYear();
                return age >= 17 && age <= 22;
            });
        }
        double lateShare = (double) s.lateReviews() / s.reviews();
        assertThat(lateShare).as("late reviews").isBetween(0.05, 0.25);
    }

    @Test
    void nationalTotalsAndEveryLa(@TempDir Path tmp) throws IOException {
        SyntheticData.Summary s = SyntheticData.generate("national", 2026, null, tmp);
        System.out.printf("NATIONAL cic=%d leavers=%d episodes=%d reviews=%d late=%d missing=%d uasc=%d in %d ms%n",
                s.childrenInCare(), s.careLeavers(), s.episodes(), s.reviews(), s.lateReviews(), s.missing(), s.uasc(),
                s.elapsedMillis());
        assertThat(s.byLa()).hasSize(153);
        assertThat(s.childrenInCare()).isBetween(79_800, 88_200);
        assertThat(s.careLeavers()).isBetween(47_500, 52_500);
        assertThat(s.byLa().values()).allMatch(c -> c.childrenInCare() > 0 && c.careLeavers() > 0);
        try (var dirs = Files.list(tmp)) {
            assertThat(dirs.count()).isEqualTo(153);
        }
        System.out.println("National synthetic data written in " + s.elapsedMillis() + " ms");
        // Every generated LA passes every DfE rule of 2026-27 that can run on it: zero errors and zero queries.
        long t0 = System.nanoTime();
        int errors = 0;
        for (String la : s.byLa().keySet()) {
            List<ValidationError> es = validate(tmp.resolve(la), ONS.get(la)).errors();
            es.stream().limit(3).forEach(e -> System.out.println("NATIONAL " + la + " " + e));
            errors += es.size();
        }
        System.out.printf("NATIONAL validation errors=%d in %d ms%n", errors, (System.nanoTime() - t0) / 1_000_000);
        assertThat(errors).isZero();
    }
}
