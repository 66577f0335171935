package org.oversight.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.compliance.ComplianceFixtures;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leak matrix: every page and API endpoint that can be read (every GET handler of Oversight), requested by each
 * role of LA A (City of London) and by the national roles with LA B's (Southwark's) URN, child, plan and other ids
 * filled in, must never show LA B's private data — a child and a plan carrying unique markers. The same requests by
 * LA B's own manager show the markers, so the matrix can fail. The marked child is also in LA B's stored compliance figures
 * (issue 15), so the pages that read them are in the matrix too.
 */
class TenantLeakMatrixIT extends HttpTest {

    private static final String CHILD = "LEAKCHILD9913";
    private static final String PLAN = "LEAK-MARKER-SOUTHWARK-PLAN";
    private static final String SELF_EVALUATION = "LEAK-MARKER-SOUTHWARK-SELF-EVALUATION";
    private static final String API_TOKEN = "LEAK-MARKER-SOUTHWARK-API-TOKEN";
    private static final String PAYLOAD = "LEAK-MARKER-SOUTHWARK-PAYLOAD";
    private static final List<String> OTHERS = List.of("col.manager", "col.staff", "col.councillor", "analyst", "inspector", "admin");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.oversight.compliance.ComplianceFigures figures;

    UUID planId;
    UUID inspectionId;
    UUID payloadId;

    @BeforeEach
    void privateDataOfSouthwark() {
        UUID southwark = ComplianceFixtures.southwark(jdbc);
        planId = TenantScope.asSystem(() -> {
            UUID snapshot = jdbc.sql("SELECT id FROM import_snapshot WHERE la_id = ? AND kind = 'SSDA903' AND superseded_at IS NULL "
                    + "ORDER BY collection_year DESC LIMIT 1").param(southwark).query(UUID.class).single();
            jdbc.sql("INSERT INTO child (snapshot_id, la_id, child_ref, sex, dob) VALUES (?, ?, ?, 'F', DATE '2007-05-01') ON CONFLICT DO NOTHING")
                    .params(snapshot, southwark, CHILD).update();
            jdbc.sql("INSERT INTO care_leaver (snapshot_id, la_id, child_ref, in_touch) VALUES (?, ?, ?, 'NO') ON CONFLICT DO NOTHING")
                    .params(snapshot, southwark, CHILD).update();
            // ... and in the SSD store's looked-after tables of the same snapshot, as an SSDA903 import writes them (V46_16)
            jdbc.sql("INSERT INTO ssd_person (snapshot_no, la_id, pers_person_id, pers_sex, pers_dob) VALUES ((SELECT no FROM import_snapshot WHERE id = ?), ?, ?, 'F', "
                    + "DATE '2007-05-01') ON CONFLICT DO NOTHING").params(snapshot, southwark, CHILD).update();
            jdbc.sql("INSERT INTO ssd_care_leavers (snapshot_no, la_id, clea_table_id, clea_person_id, clea_care_leaver_in_touch) "
                    + "VALUES ((SELECT no FROM import_snapshot WHERE id = ?), ?, ?, ?, 'NO') ON CONFLICT DO NOTHING").params(snapshot, southwark, CHILD + "/OC3", CHILD).update();
            jdbc.sql("INSERT INTO ssd_cla_episodes (snapshot_no, la_id, clae_cla_episode_id, clae_person_id, clae_cla_episode_start_date, clae_cla_episode_ceased_date) "
                    + "VALUES ((SELECT no FROM import_snapshot WHERE id = ?), ?, ?, ?, DATE '2020-01-01', DATE '2025-05-01') ON CONFLICT DO NOTHING")
                    .params(snapshot, southwark, CHILD + "/E2020-01-01", CHILD).update();
            UUID se = jdbc.sql("SELECT id FROM self_evaluation WHERE la_id = ? AND year = 2026").param(southwark).query(UUID.class).optional()
                    .orElseGet(() -> jdbc.sql("INSERT INTO self_evaluation (la_id, year, title, created_by, created_at) VALUES (?, 2026, ?, 'test', now()) "
                            + "RETURNING id").params(southwark, SELF_EVALUATION).query(UUID.class).single());
            if (jdbc.sql("SELECT count(*) FROM self_evaluation_section WHERE self_evaluation_id = ?").param(se).query(Integer.class).single() == 0) {
                UUID section = jdbc.sql("INSERT INTO self_evaluation_section (la_id, self_evaluation_id, area, ordinal, know, version) "
                        + "VALUES (?, ?, 'CARE_LEAVERS', 4, ?, 1) RETURNING id").params(southwark, se, SELF_EVALUATION).query(UUID.class).single();
                jdbc.sql("INSERT INTO self_evaluation_section_version (section_id, la_id, version, know, how, plans, written_by, written_at) "
                        + "VALUES (?, ?, 1, ?, '', '', 'test', now())").params(section, southwark, SELF_EVALUATION).update();
                jdbc.sql("INSERT INTO self_evaluation_citation (la_id, section_id, evidence_key, kind, label, value_text, as_of, source, cited_by, "
                        + "cited_at) VALUES (?, ?, 'voice:LISTENED', 'VOICE', ?, '4 out of 5', DATE '2026-11-01', 'test', 'test', now())")
                        .params(southwark, section, SELF_EVALUATION).update();
            }
            // An API token of Southwark (machine credentials, issue 16) and a use of it: only Southwark's managers see them.
            if (jdbc.sql("SELECT count(*) FROM la_api_token WHERE name = ?").param(API_TOKEN).query(Integer.class).single() == 0) {
                UUID token = jdbc.sql("""
                        INSERT INTO la_api_token (la_id, name, token_hash, hint, created_by, created_at) VALUES (?, ?, ?, 'leak', 'test', now())
                        RETURNING id""").params(southwark, API_TOKEN, org.oversight.shared.Checksums.sha256(API_TOKEN.getBytes()))
                        .query(UUID.class).single();
                jdbc.sql("""
                        INSERT INTO la_api_token_event (la_id, token_id, at, method, path, outcome, status, detail)
                        VALUES (?, ?, now(), 'POST', '/api/v1/local-authorities/80514/children', 'ACCEPTED', 200, ?)""")
                        .params(southwark, token, API_TOKEN + " event").update();
            }
            // A refused payload in Southwark's payload history (issue 16), naming the child: only Southwark's managers see it.
            payloadId = jdbc.sql("SELECT id FROM csc_payload_receipt WHERE la_id = ? AND sender_name = ?").params(southwark, PAYLOAD).query(UUID.class)
                    .optional().orElseGet(() -> jdbc.sql("""
                            INSERT INTO csc_payload_receipt (la_id, received_at, channel, sender_kind, sender_name, size_bytes, sha256, accepted, status,
                                refusal, error_count, errors)
                            VALUES (?, now(), 'API', 'PERSON', ?, 10, repeat('a', 64), false, 400, ?, 1, jsonb_build_array(jsonb_build_object('child', ?,
                                'field', 'Children[0].child_details.date_of_birth', 'message', ?)))
                            RETURNING id""").params(southwark, PAYLOAD, PAYLOAD + " refusal", CHILD, "Child " + CHILD + ": " + PAYLOAD)
                            .query(UUID.class).single());
            // The same child in the journey store (SSD-shaped), so a page or endpoint that reads it is in the matrix too.
            UUID journey = jdbc.sql("SELECT id FROM import_snapshot WHERE la_id = ? AND kind = 'SSD' AND superseded_at IS NULL AND collection_year = '2025-26'")
                    .param(southwark).query(UUID.class).optional().orElseGet(() -> jdbc.sql("""
                            INSERT INTO import_snapshot (la_id, collection_year, kind, source, imported_by, imported_at, rows_accepted, rows_rejected)
                            VALUES (?, '2025-26', 'SSD', 'leak matrix', 'test', now(), 1, 0) RETURNING id""").param(southwark).query(UUID.class).single());
            jdbc.sql("INSERT INTO ssd_person (snapshot_no, la_id, pers_person_id, pers_upn) VALUES ((SELECT no FROM import_snapshot WHERE id = ?), ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(journey, southwark, CHILD, CHILD).update();
            jdbc.sql("""
                    INSERT INTO ssd_cp_plans (snapshot_no, la_id, cppl_cp_plan_id, cppl_person_id, cppl_cp_plan_start_date)
                    VALUES ((SELECT no FROM import_snapshot WHERE id = ?), ?, ?, ?, DATE '2025-06-01') ON CONFLICT DO NOTHING""").params(journey, southwark, CHILD + "-CP", CHILD).update();
            // ... and in need from that day, so the CIN census made from the store (issue 16) holds the child too.
            jdbc.sql("""
                    INSERT INTO ssd_cin_episodes (snapshot_no, la_id, cine_referral_id, cine_person_id, cine_referral_date)
                    VALUES ((SELECT no FROM import_snapshot WHERE id = ?), ?, ?, ?, DATE '2025-06-01') ON CONFLICT DO NOTHING""").params(journey, southwark, CHILD + "-R1", CHILD).update();
            return jdbc.sql("SELECT id FROM improvement_plan WHERE la_id = ? AND title = ?").params(southwark, PLAN).query(UUID.class).optional()
                    .orElseGet(() -> jdbc.sql("INSERT INTO improvement_plan (la_id, kind, title, start_date, created_by) "
                            + "VALUES (?, 'SERVICE_IMPROVEMENT', ?, DATE '2026-09-01', 'test') RETURNING id").params(southwark, PLAN)
                            .query(UUID.class).single());
        });
        // A standard inspection of Southwark with its notification date recorded: its day-one page and pack (issue 17) are
        // in the matrix with a real id, not only a random one.
        inspectionId = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM inspection_activity WHERE la_id = ? AND created_by = 'leak matrix'")
                .param(southwark).query(UUID.class).optional().orElseGet(() -> jdbc.sql("""
                        INSERT INTO inspection_activity (la_id, type, notification_date, created_by, updated_by)
                        VALUES (?, 'STANDARD_INSPECTION', DATE '2026-02-16', 'leak matrix', 'leak matrix') RETURNING id""").param(southwark)
                        .query(UUID.class).single()));
        // Southwark's stored compliance figures (issue 15) now list the marked child among those out of timescale: no
        // page or endpoint may serve them to another LA's users.
        TenantScope.asSystem(() -> figures.refresh(southwark));
        assertThat(TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM compliance_figures WHERE la_id = ? AND overdue::text LIKE ?")
                .params(southwark, "%" + CHILD + "%").query(Integer.class).single())).as("the marker is in the stored figures").isPositive();
    }

    @Test
    void noRoleOfAnotherLaNorANationalRoleSeesTheLasPrivateData() {
        List<String> paths = new ArrayList<>(paths());
        paths.addAll(List.of("/activities/" + inspectionId + "/day-one", "/activities/" + inspectionId + "/day-one-pack.xlsx",
                "/api/v1/local-authorities/80514/inspections/" + inspectionId + "/day-one-pack",
                "/api/v1/local-authorities/80450/inspections/" + inspectionId + "/day-one-pack",
                "/local-authorities/80514/payloads/" + payloadId, "/api/v1/local-authorities/80514/payloads/" + payloadId,
                "/local-authorities/80450/payloads/" + payloadId, "/api/v1/local-authorities/80450/payloads/" + payloadId));
        // The returns and lists made from the store (issue 16), for a year and a date where Southwark's data has the child.
        List<String> exports = List.of("/local-authorities/80514/cin-census?year=2026", "/local-authorities/80514/cin-census.xml?year=2026",
                "/api/v1/local-authorities/80514/cin-census?year=2026", "/api/v1/local-authorities/80514/cin-census/validation?year=2026",
                "/local-authorities/80514/annex-a?asOf.day=16&asOf.month=2&asOf.year=2026", "/local-authorities/80514/annex-a/lists.xlsx?asOf=2026-02-16",
                "/api/v1/local-authorities/80514/annex-a?asOf=2026-02-16", "/local-authorities/80514/ssda903", "/local-authorities/80514/ssda903.zip",
                "/api/v1/local-authorities/80514/ssda903");
        paths.addAll(exports);
        // The child's journey from both stores (issue 16), with a purpose given, as its pages, CSV and API are read.
        List<String> journey = List.of("/api/v1/local-authorities/80514/children/" + CHILD + "/journey?purpose=DATA_QUALITY",
                "/local-authorities/80514/children/" + CHILD + "/journey.csv?purpose=DATA_QUALITY");
        paths.addAll(journey);
        assertThat(paths).as("readable handlers found").hasSizeGreaterThan(40);
        List<String> leaks = new ArrayList<>();
        int requests = 0;
        for (String user : OTHERS) {
            for (String path : paths) {
                var response = http.get(path, user);
                requests++;
                // An error may echo the path asked for (ProblemDetail "instance"): what the asker typed is no leak.
                // (its "instance" is the path without the query string)
                String body = response.body() == null ? "" : response.body().replace(path, "").replace(path.split("\\?")[0], "");
                if (body.contains(CHILD) || body.contains(PLAN) || body.contains(SELF_EVALUATION) || body.contains(API_TOKEN)
                        || body.contains(PAYLOAD)) {
                    leaks.add(user + " " + path + " -> " + response.status());
                }
            }
        }
        System.out.println("Tenant leak matrix: " + paths.size() + " readable paths x " + OTHERS.size() + " users = " + requests + " requests, " + leaks.size() + " leaks");
        assertThat(requests).isGreaterThan(200);
        assertThat(leaks).as("responses to other LAs' users showing Southwark's private data").isEmpty();

        // The markers are there to be found by Southwark's own manager: the matrix could fail.
        assertThat(http.get("/local-authorities/80514/children/" + CHILD + "?purpose=DATA_QUALITY", "southwark.manager").body()).contains(CHILD);
        assertThat(http.get("/plans/" + planId, "southwark.manager").body()).contains(PLAN);
        assertThat(http.get("/local-authorities/80514/help-and-protection/children/" + CHILD + "?purpose=DATA_QUALITY", "southwark.manager").body())
                .as("the child's help-and-protection journey").contains(CHILD);
        for (String path : journey) {
            assertThat(http.get(path, "southwark.manager").body()).as("Southwark's own " + path).contains(CHILD);
            for (String user : OTHERS) {
                assertThat(http.get(path, user).status()).as(user + " " + path).isEqualTo(403);
            }
        }
        assertThat(http.get("/", "southwark.manager").body()).as("Your work lists the LA's own plans").contains(PLAN);
        for (String user : OTHERS) {
            assertThat(http.get("/activities/" + inspectionId + "/day-one-pack.xlsx", user).status()).as(user + ": Southwark's day-one pack")
                    .isIn(403, 404);
        }
        for (String user : OTHERS) {
            for (String path : exports) {
                assertThat(http.get(path, user).status()).as(user + " " + path).isEqualTo(403);
            }
        }
        assertThat(http.get("/api/v1/local-authorities/80514/cin-census/validation?year=2026", "southwark.manager").body())
                .as("Southwark's own CIN census holds the marked child").contains(CHILD);
        assertThat(http.get("/api/v1/local-authorities/80514/cin-census?year=2026", "southwark.manager").body()).contains(CHILD);
        assertThat(ssda903Header()).as("Southwark's own SSDA903 return holds the marked child").contains(CHILD);
        assertThat(http.get("/activities/" + inspectionId + "/day-one", "southwark.manager").body()).as("Southwark's own day-one page")
                .contains("figure-in-care");
        assertThat(http.get("/local-authorities/80514/compliance", "southwark.manager").body()).as("the stored figures' list of children")
                .contains(CHILD);
        assertThat(http.get("/local-authorities/80514/self-evaluations/2026/sections/care-leavers", "southwark.manager").body()).contains(SELF_EVALUATION);
        assertThat(http.get("/local-authorities/80514/api-tokens", "southwark.manager").body()).as("Southwark's API tokens and their uses")
                .contains(API_TOKEN).contains(API_TOKEN + " event");
        assertThat(http.get("/local-authorities/80514/payloads", "southwark.manager").body()).as("Southwark's payload history").contains(PAYLOAD);
        assertThat(http.get("/local-authorities/80514/payloads/" + payloadId, "southwark.manager").body()).contains(PAYLOAD).contains(CHILD);
        assertThat(http.get("/api/v1/local-authorities/80514/payloads", "southwark.manager").body()).contains(PAYLOAD);
        assertThat(http.get("/api/v1/local-authorities/80514/payloads/" + payloadId, "southwark.manager").body()).contains(CHILD);
        assertThat(http.get("/api/v1/local-authorities/80514/self-evaluations/2026/sections/care-leavers/citations", "southwark.manager").body())
                .contains(SELF_EVALUATION);
    }

    /** The marked child's rows of the SSD store's looked-after tables are Southwark's alone, in PostgreSQL itself. */
    @Test
    void theSsdStoresLookedAfterRowsOfTheMarkedChildAreSouthwarksAlone() {
        UUID southwark = ComplianceFixtures.southwark(jdbc);
        UUID city = jdbc.sql("SELECT id FROM local_authority WHERE urn = 80450").query(UUID.class).single();
        for (String[] t : List.of(new String[] {"ssd_person", "pers_person_id"}, new String[] {"ssd_care_leavers", "clea_person_id"},
                new String[] {"ssd_cla_episodes", "clae_person_id"})) {
            String sql = "SELECT count(*) FROM " + t[0] + " WHERE " + t[1] + " = ?";
            assertThat(TenantScope.asLa(southwark, () -> jdbc.sql(sql).param(CHILD).query(Integer.class).single())).as("Southwark's " + t[0]).isPositive();
            assertThat(TenantScope.asLa(city, () -> jdbc.sql(sql).param(CHILD).query(Integer.class).single())).as("City of London's " + t[0]).isZero();
        }
    }

    /** The header.csv of the SSDA903 return Southwark's manager downloads (a ZIP, so the matrix's text search cannot see into it). */
    private String ssda903Header() {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/local-authorities/80514/ssda903"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("southwark.manager:" + PASSWORD)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))).GET().build();
            byte[] zip = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
            try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
                for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    if (e.getName().equals("header.csv")) {
                        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
            return "";
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every GET handler of Oversight with LA B's identifiers in its path variables. */
    private List<String> paths() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("org.oversight")) {
                continue;
            }
            var methods = e.getKey().getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : e.getKey().getPatternValues()) {
                if (pattern.startsWith("/my") || pattern.startsWith("/api/v1/young-people") || pattern.contains("logout")) {
                    continue;
                }
                out.add(pattern.replaceAll("\\{urn[^}]*}", "80514")
                        .replaceAll("\\{(childRef|child|ref)[^}]*}", CHILD)
                        .replaceAll("\\{(planId|plan)[^}]*}", planId.toString())
                        .replaceAll("\\{team[^}]*}", "Not%20allocated")
                        .replaceAll("\\{year[^}]*}", "2026")
                        .replaceAll("\\{area[^}]*}", "care-leavers")
                        .replaceAll("\\{format[^}]*}", "html")
                        .replaceAll("\\{version[^}]*}", "1")
                        .replaceAll("\\{id[^}]*}", planId.toString())
                        .replaceAll("\\{[^}]+}", UUID.randomUUID().toString()).replace("}", ""));
            }
        }
        return out.stream().distinct().sorted().toList();
    }
}
