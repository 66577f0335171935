package org.oversight.childdata.ssd;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.oversight.childdata.cin.CinCensusWriter;
import org.oversight.childdata.cin.SyntheticCinCensus;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API doors of the journey store: {@code POST /api/v1/local-authorities/{urn}/cin-census} and {@code /ssd-extract}, for the
 * LA's own managers and staff only (403 for a councillor, another LA's manager and a national role), errors with their place,
 * the upload limits, and a DOCTYPE refused.
 */
class JourneyApiIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;

    private Http.Response cin(String user, String name, byte[] xml) {
        String boundary = "oversight-" + UUID.randomUUID();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/local-authorities/80450/cin-census"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Http.multipartBody(boundary, Map.of(), Map.of(name, xml), "file", "application/xml"))), user);
    }

    private static byte[] census(String la, int children) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CinCensusWriter.write(SyntheticCinCensus.for2025to26(la, children, 11).census(), out);
        return out.toByteArray();
    }

    private int snapshots(String kind) {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id "
                + "WHERE la.urn = 80450 AND s.kind = ?").param(kind).query(Integer.class).single());
    }

    @Test
    void aCinCensusIsStoredByTheLasStaffAndRefusedToEveryoneElse() throws IOException {
        byte[] good = census("201", 40);
        int before = snapshots("CIN_CENSUS");
        for (String user : new String[] {"col.councillor", "southwark.manager", "analyst", "inspector"}) {
            assertThat(cin(user, "census.xml", good).status()).as(user).isEqualTo(403);
        }
        assertThat(cin(null, "census.xml", good).status()).isIn(401, 403);
        assertThat(snapshots("CIN_CENSUS")).isEqualTo(before);

        Http.Response stored = cin("col.staff", "census.xml", good);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.body()).contains("\"stored\":true");
        assertThat(snapshots("CIN_CENSUS")).isEqualTo(before + 1);

        Http.Response wrong = cin("col.manager", "fake.xml", Files.readAllBytes(Path.of("data/child-data/cin-fake/CIN_Census_2021.xml")));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"stored\":false").contains("\"file\":\"fake.xml\"").contains("Child ");

        Http.Response doctype = cin("col.manager", "evil.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE Message [<!ENTITY x \"y\">]><Message/>".getBytes(StandardCharsets.UTF_8));
        assertThat(doctype.status()).isEqualTo(400);
        assertThat(doctype.body()).contains("OV-CIN-DOCTYPE");

        Http.Response none = http.multipart("/api/v1/local-authorities/80450/cin-census", "col.manager", Map.of("mode", "sometimes"), Map.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("file").contains("mode");
        assertThat(snapshots("CIN_CENSUS")).isEqualTo(before + 1);
    }

    @Test
    void anSsdExtractIsStoredByTheLasStaffAndRefusedToEveryoneElse() throws IOException {
        Path dir = JourneyImportIT.extract(25, 8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        int before = snapshots("SSD");
        for (String user : new String[] {"col.councillor", "southwark.manager", "analyst", "inspector"}) {
            assertThat(http.multipart("/api/v1/local-authorities/80450/ssd-extract", user, Map.of("year", "2025"), files).status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(snapshots("SSD")).isEqualTo(before);
        Http.Response stored = http.multipart("/api/v1/local-authorities/80450/ssd-extract", "col.manager", Map.of("year", "2025"), files);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(snapshots("SSD")).isEqualTo(before + 1);

        Map<String, byte[]> broken = new LinkedHashMap<>(files);
        broken.put("ssd_contacts.csv", "cont_contact_id,cont_person_id\nK1,C2010000001\n".getBytes(StandardCharsets.UTF_8));
        Http.Response refused = http.multipart("/api/v1/local-authorities/80450/ssd-extract", "col.manager", Map.of("year", "2025"), broken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("OV-SSD-MISSING-COLUMN").contains("cont_contact_date").contains("ssd_contacts.csv");
        assertThat(snapshots("SSD")).isEqualTo(before + 1);

        Http.Response noYear = http.multipart("/api/v1/local-authorities/80450/ssd-extract", "col.manager", Map.of(), files);
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.body()).contains("year");
    }
}
