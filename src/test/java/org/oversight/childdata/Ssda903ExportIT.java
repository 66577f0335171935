package org.oversight.childdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.childdata.ssda903.CollectionYear;
import org.oversight.childdata.ssda903.Dates;
import org.oversight.childdata.ssda903.ReadResult;
import org.oversight.childdata.ssda903.Ssda903Return;
import org.oversight.childdata.ssda903.Ssda903Table;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.register.LocalAuthorities;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.HttpTest;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SSDA903 return out of the store as DfE's CSV files, over real HTTP and PostgreSQL: the generated City of London
 * return and the DfE fake sample imported and exported come back field for field (save what the fake sample cannot
 * keep, counted below), the export passes Oversight's own validation, page and API are for the LA's managers only, and
 * each export is in the access log.
 */
class Ssda903ExportIT extends HttpTest {

    private static final List<String> FAKE = List.of("header.csv", "episodes.csv", "reviews.csv", "oc3.csv", "missing.csv", "uasc.csv", "oc2.csv",
            "ad1.csv", "placed_for_adoption.csv", "previous_permanence.csv", "sw_episodes.csv", "DoLo.csv");

    @Autowired
    ChildDataImporter importer;
    @Autowired
    Ssda903Export export;
    @Autowired
    LocalAuthorities localAuthorities;
    @Autowired
    JdbcClient jdbc;

    private final List<UUID> imported = new ArrayList<>();
    private final List<UUID> restore = new ArrayList<>();

    /** Puts back whatever was City of London's current data before the test. */
    @AfterEach
    void putBack() {
        TenantScope.asSystem(() -> {
            for (UUID id : imported) {
                jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(id).update();
            }
            for (UUID id : restore) {
                jdbc.sql("UPDATE import_snapshot SET superseded_at = NULL WHERE id = ?").param(id).update();
            }
            return null;
        });
    }

    private UUID la(int urn) {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM local_authority WHERE urn = ?").param(urn).query(UUID.class).single());
    }

    private void rememberCurrent(int startYear) {
        rememberCurrent(80450, startYear);
    }

    private void rememberCurrent(int urn, int startYear) {
        TenantScope.asSystem(() -> {
            restore.addAll(jdbc.sql("""
                    SELECT id FROM import_snapshot WHERE la_id = ? AND kind = 'SSDA903' AND collection_year = ? AND superseded_at IS NULL""")
                    .params(la(urn), CollectionYear.of(startYear).toString()).query(UUID.class).list());
            return null;
        });
    }

    private void importAs(int startYear, Map<String, byte[]> files) {
        importAs(80450, startYear, files);
    }

    private void importAs(int urn, int startYear, Map<String, byte[]> files) {
        rememberCurrent(urn, startYear);
        ChildDataImporter.Outcome outcome = importer.importReturn(urn, startYear, files.entrySet().stream()
                .map(e -> ImportFile.of(e.getKey(), e.getValue())).toList(),
                new ChildDataImporter.Options(ChildDataImporter.Mode.ACCEPT_GOOD_ROWS, false, true), false, () -> { });
        assertThat(outcome.stored()).as(() -> "stored: " + outcome.errors().stream().filter(e -> !e.query()).limit(5).toList() + " " + outcome).isTrue();
        imported.add(TenantScope.asSystem(() -> jdbc.sql("""
                SELECT id FROM import_snapshot WHERE la_id = ? AND kind = 'SSDA903' AND collection_year = ? AND superseded_at IS NULL""")
                .params(la(urn), CollectionYear.of(startYear).toString()).query(UUID.class).single()));
    }

    private static Map<String, byte[]> synthetic() throws IOException {
        return synthetic("201", 11);
    }

    private static Map<String, byte[]> synthetic(String laCode, long seed) throws IOException {
        Path dir = Files.createTempDirectory("oversight-903-out");
        SyntheticData.generate("la", seed, List.of(laCode), dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var list = Files.list(dir.resolve(laCode))) {
            for (Path p : list.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Map<String, byte[]> fake() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String f : FAKE) {
            files.put(f, Files.readAllBytes(Path.of("data/child-data/ssda903-fake", f)));
        }
        return files;
    }

    /** Rows of each table as the reader reads them (trimmed, codes as read), dates as dd/mm/yyyy; only the rows kept. */
    static Map<Ssda903Table, List<String>> rows(Map<String, byte[]> files, boolean acceptedOnly) {
        List<ReadResult> read = Ssda903Return.readAll(files);
        Map<Ssda903Table, List<String>> out = new TreeMap<>();
        Set<String> keep = null;
        if (acceptedOnly) {
            Ssda903Return.Accepted accepted = Ssda903Return.read(files, Ssda903Return.Options.of(CollectionYear.current())).acceptWithBadRows();
            keep = accepted.rows().entrySet().stream().flatMap(e -> e.getValue().stream().map(r -> e.getKey() + ":" + r.row()))
                    .collect(Collectors.toSet());
        }
        for (ReadResult f : read) {
            for (int i = 0; i < f.rows().size(); i++) {
                if (keep != null && !keep.contains(f.table() + ":" + f.rows().get(i).row())) {
                    continue;
                }
                String[] v = f.values().get(i);
                List<String> norm = new ArrayList<>();
                for (String x : v) {
                    norm.add(x == null ? "" : x.matches("\\d{1,2}/\\d{1,2}/\\d{4}") && Dates.parse(x) != null ? Dates.format(Dates.parse(x)) : x);
                }
                out.computeIfAbsent(f.table(), t -> new ArrayList<>()).add(String.join(",", norm));
            }
        }
        return out;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    /** Keeps the exported files in target/ssda903-export/NAME for the check by DfE's reference validator (bin/compare-903). */
    private static void keep(String name, Map<String, byte[]> files) throws IOException {
        Path dir = Path.of("target", "ssda903-export", name);
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
    }

    /** Rows in one list and not the other, as a multiset difference. */
    private static List<String> minus(List<String> a, List<String> b) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        b.forEach(x -> counts.merge(x, 1, Integer::sum));
        List<String> out = new ArrayList<>();
        for (String x : a) {
            if (counts.getOrDefault(x, 0) > 0) {
                counts.merge(x, -1, Integer::sum);
            } else {
                out.add(x);
            }
        }
        return out;
    }

    @Test
    @WithUserDetails("col.manager")
    void theGeneratedReturnComesBackFieldForFieldAndPassesEveryRule() throws IOException {
        Map<String, byte[]> in = synthetic();
        importAs(2026, in);
        Ssda903Export.Export out = export.export(localAuthorities.get(80450), CollectionYear.of(2026), true);
        assertThat(out.fileName()).isEqualTo("ssda903-201-2026-27.zip");
        assertThat(out.files().keySet()).containsExactlyInAnyOrderElementsOf(in.keySet());
        Map<Ssda903Table, List<String>> before = rows(in, false);
        keep("generated-201", unzip(out.zip()));
        Map<Ssda903Table, List<String>> after = rows(unzip(out.zip()), false);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (Ssda903Table t : before.keySet()) {
            assertThat(after.get(t)).as(t.dfeName()).containsExactlyInAnyOrderElementsOf(before.get(t));
            System.out.printf("Round trip, generated City of London: %s %d rows in, %d out%n", t.dfeName(), before.get(t).size(), after.get(t).size());
        }
        assertThat(out.errors()).as("Oversight's own check of the export: " + out.byRule()).isZero();
    }

    @Test
    @WithUserDetails("southwark.manager")
    void southwarksGeneratedReturnComesBackFieldForFieldAndPassesEveryRule() throws IOException {
        Map<String, byte[]> in = synthetic("210", 11);
        importAs(80514, 2026, in);
        Ssda903Export.Export out = export.export(localAuthorities.get(80514), CollectionYear.of(2026), true);
        Map<Ssda903Table, List<String>> before = rows(in, false);
        keep("generated-210", unzip(out.zip()));
        Map<Ssda903Table, List<String>> after = rows(unzip(out.zip()), false);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (Ssda903Table t : before.keySet()) {
            assertThat(after.get(t)).as(t.dfeName()).containsExactlyInAnyOrderElementsOf(before.get(t));
            System.out.printf("Round trip, generated Southwark: %s %d rows in, %d out%n", t.dfeName(), before.get(t).size(), after.get(t).size());
        }
        assertThat(before.get(Ssda903Table.HEADER)).hasSizeGreaterThan(500);
        assertThat(out.errors()).as("Oversight's own check of the export: " + out.byRule()).isZero();
    }

    @Test
    @WithUserDetails("col.manager")
    void theDfeFakeSampleComesBackFieldForFieldSaveWhatTheStoreCannotKeep() throws IOException {
        Map<String, byte[]> in = fake();
        // Every child of the fake sample has an error, so no import would keep one: its rows are stored as read, unchecked.
        rememberCurrent(2017);
        imported.add(TenantScope.asSystem(() -> importer.storeAsRead(localAuthorities.get(80450), CollectionYear.of(2017), in)));
        Ssda903Export.Export out = export.export(localAuthorities.get(80450), CollectionYear.of(2017), true);
        Map<Ssda903Table, List<String>> before = rows(in, false);
        keep("fake-sample", unzip(out.zip()));
        Map<Ssda903Table, List<String>> after = rows(unzip(out.zip()), false);
        // Reviews, OC3 and Missing are stored without their DOB column: the child's (the header's) comes out instead.
        Map<String, String> dob = new java.util.HashMap<>();
        before.getOrDefault(Ssda903Table.HEADER, List.of()).forEach(r -> dob.putIfAbsent(r.split(",", -1)[0], r.split(",", -1)[2]));
        Map<Ssda903Table, Integer> dobChanged = new TreeMap<>();
        for (Ssda903Table t : List.of(Ssda903Table.REVIEWS, Ssda903Table.OC3, Ssda903Table.MISSING)) {
            List<String> withHeaderDob = new ArrayList<>();
            for (String r : before.getOrDefault(t, List.of())) {
                String[] v = r.split(",", -1);
                String d = dob.get(v[0]);
                if (d != null && !d.equals(v[1])) {
                    dobChanged.merge(t, 1, Integer::sum);
                    v[1] = d;
                }
                withHeaderDob.add(String.join(",", v));
            }
            before.put(t, withHeaderDob);
        }
        Map<Ssda903Table, Integer> lost = new TreeMap<>();
        Map<Ssda903Table, Integer> changed = new TreeMap<>();
        for (Ssda903Table t : Ssda903Table.values()) {
            List<String> b = before.getOrDefault(t, List.of());
            List<String> a = after.getOrDefault(t, List.of());
            List<String> extra = minus(a, b);
            List<String> missing = minus(b, a);
            System.out.printf("Round trip, DfE fake sample: %s %d rows in, %d out, %d out not as in, %d in not out, %d DOB from the header%n",
                    t.dfeName(), b.size(), a.size(), extra.size(), missing.size(), dobChanged.getOrDefault(t, 0));
            missing.stream().limit(4).forEach(x -> System.out.println("   in, not out: " + x));
            extra.stream().limit(4).forEach(x -> System.out.println("   out, not in: " + x));
            if (!missing.isEmpty()) {
                lost.put(t, missing.size());
            }
            if (!extra.isEmpty()) {
                changed.put(t, extra.size());
            }
        }
        assertThat(changed).as("rows that came out other than they went in").isEmpty();
        // What the store cannot keep, worked out from the files: a row of a child the header does not have (every row
        // hangs on its child), and a second review of a child on the same day (a review is keyed by child and date).
        Set<String> children = before.getOrDefault(Ssda903Table.HEADER, List.of()).stream().map(r -> r.split(",", -1)[0])
                .collect(Collectors.toSet());
        Map<Ssda903Table, Integer> expected = new TreeMap<>();
        Set<String> reviewed = new java.util.HashSet<>();
        for (Map.Entry<Ssda903Table, List<String>> t : before.entrySet()) {
            for (String r : t.getValue()) {
                String[] v = r.split(",", -1);
                boolean orphan = !children.contains(v[0]);
                boolean again = t.getKey() == Ssda903Table.REVIEWS && !orphan && !reviewed.add(v[0] + "," + v[2]);
                if (orphan || again) {
                    expected.merge(t.getKey(), 1, Integer::sum);
                }
            }
        }
        assertThat(lost).as("rows that did not come out: only those the store cannot keep").isEqualTo(expected)
                .containsEntry(Ssda903Table.REVIEWS, 14);
    }

    private HttpResponse<byte[]> bytes(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private int logged(String like) {
        return TenantScope.asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM child_access a JOIN local_authority la ON la.id = a.la_id
                 WHERE la.urn = 80450 AND a.viewed_by = 'col.manager' AND a.what LIKE ?""").param(like).query(Integer.class).single());
    }

    @Test
    @WithUserDetails("col.manager")
    void pageAndApiForTheLasManagersOnlyAndEveryExportLogged() throws Exception {
        importAs(2026, synthetic());
        int before = logged("SSDA903 return 2026-27 % export");
        HttpResponse<byte[]> zip = bytes("/api/v1/local-authorities/80450/ssda903?year=2026", "col.manager");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
        assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).contains("ssda903-201-2026-27.zip");
        assertThat(zip.headers().firstValue("Oversight-903-Errors").orElseThrow()).isEqualTo("0");
        Map<String, byte[]> files = unzip(zip.body());
        assertThat(files).containsKeys("header.csv", "episodes.csv", "reviews.csv", "oc3.csv");
        assertThat(new String(files.get("episodes.csv"), StandardCharsets.UTF_8)).startsWith(
                "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n201");
        assertThat(new String(files.get("header.csv"), StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow())
                .matches("201\\d{7},[MF],\\d{2}/\\d{2}/\\d{4},.*");
        assertThat(logged("SSDA903 return 2026-27 % export")).as("the download is in the access log").isEqualTo(before + 1);
        assertThat(bytes("/api/v1/local-authorities/80450/ssda903", "col.manager").statusCode()).as("the newest year by default").isEqualTo(200);

        var page = http.get("/local-authorities/80450/ssda903?year=2026", "col.manager");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"ssda903-files\"").contains("episodes.csv").contains("0 errors and")
                .contains("/local-authorities/80450/ssda903.zip?year=2026");
        assertThat(logged("SSDA903 return 2026-27 % check, read on screen")).isPositive();
        assertThat(bytes("/local-authorities/80450/ssda903.zip?year=2026", "col.manager").statusCode()).isEqualTo(200);

        var bad = http.get("/api/v1/local-authorities/80450/ssda903?year=twenty", "col.manager");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.body()).contains("'twenty' is not one");
        var none = http.get("/api/v1/local-authorities/80450/ssda903?year=2001", "col.manager");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body()).contains("has no SSDA903 data for 2001-02");
        var badPage = http.get("/local-authorities/80450/ssda903?year=abc", "col.manager");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.body()).contains("govuk-error-summary").contains("is not one");
        assertThat(http.get("/local-authorities/80450/ssda903?year=2001", "col.manager").body()).contains("id=\"ssda903-missing\"");

        for (String path : new String[] {"/api/v1/local-authorities/80450/ssda903?year=2026", "/local-authorities/80450/ssda903?year=2026",
                "/local-authorities/80450/ssda903.zip?year=2026"}) {
            for (String user : new String[] {"col.staff", "col.councillor", "southwark.manager", "inspector", "analyst"}) {
                var response = http.get(path, user);
                assertThat(response.status()).as(user + " " + path).isEqualTo(403);
                assertThat(response.body()).as(user + " " + path).doesNotContain("2010000");
            }
        }
    }
}
