package org.oversight.childdata.ssd;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DfE children's social care API payloads sent to {@code POST /api/v1/local-authorities/{urn}/children}: with an LA's
 * machine token (made, listed and revoked by its manager on a page) or as its manager; full, partial and purge applied to
 * the LA's current journey snapshot; every problem named by child and JSON path with nothing stored; another LA refused;
 * the token reaching nothing else; every use and refusal recorded and counted.
 */
class CscPayloadApiIT extends PayloadTestSupport {


    @Autowired
    MeterRegistry metrics;
    @Autowired
    java.time.Clock clock;
    @Autowired
    List<org.oversight.shared.cli.CliCommand> commands;

    /** The collection year of today, as 2026-27. */
    private String year() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        int start = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        return start + "-" + String.valueOf(start + 1).substring(2);
    }

    private static String file(String name) throws Exception {
        return Files.readString(Path.of("data/csc-api", name));
    }

    private Http.Response bearer(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b, null);
    }

    private UUID snapshot() {
        return db(() -> jdbc.sql("""
                SELECT s.id FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id WHERE la.urn = 80450 AND s.kind IN ('SSD', 'CIN_CENSUS')
                   AND s.superseded_at IS NULL ORDER BY s.collection_year DESC, s.imported_at DESC LIMIT 1""").query(UUID.class).single());
    }

    private int count(String table, String where, Object... params) {
        UUID snap = snapshot();
        Object[] all = new Object[params.length + 1];
        all[0] = snap;
        System.arraycopy(params, 0, all, 1, params.length);
        return db(() -> jdbc.sql("SELECT count(*) FROM " + table + " WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND " + where).params(all).query(Integer.class).single());
    }

    private String value(String sql, Object... params) {
        UUID snap = snapshot();
        Object[] all = new Object[params.length + 1];
        all[0] = snap;
        System.arraycopy(params, 0, all, 1, params.length);
        return db(() -> jdbc.sql(sql).params(all).query(String.class).optional().orElse(null));
    }

    @Test
    void aTokenIsMadeListedUsedRecordedAndRevoked() throws Exception {
        Session manager = manager();
        String token = makeToken(manager, "Mosaic nightly " + UUID.randomUUID());
        assertThat(token).matches("ovt_[A-Za-z0-9_-]{43}");
        String hash = org.oversight.shared.Checksums.sha256(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(db(() -> jdbc.sql("SELECT count(*) FROM la_api_token WHERE token_hash = ?").param(hash).query(Integer.class).single()))
                .as("kept as its SHA-256 only").isEqualTo(1);
        assertThat(db(() -> jdbc.sql("SELECT count(*) FROM la_api_token WHERE token_hash = ? OR name = ? OR hint = ?").params(token, token, token)
                .query(Integer.class).single())).isZero();
        Http.Response page = manager.get("/local-authorities/80450/api-tokens");
        assertThat(page.body()).contains("Mosaic nightly").contains("Never used").doesNotContain(token);

        double before = metrics.counter("oversight.api.tokens", "outcome", "accepted").count();
        Http.Response sent = bearer("POST", COL, token, file("full-201.json"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(metrics.counter("oversight.api.tokens", "outcome", "accepted").count()).isEqualTo(before + 1);
        page = manager.get("/local-authorities/80450/api-tokens");
        assertThat(page.body()).contains("1 uses").contains("Accepted (200)").contains("2 children (2 created, 0 updated, 0 purged)")
                .as("the log never shows a child's id").doesNotContain("CSCAPI-001");
        UUID id = db(() -> jdbc.sql("SELECT id FROM la_api_token WHERE token_hash = ?").param(hash).query(UUID.class).single());
        assertThat(db(() -> jdbc.sql("SELECT outcome || ' ' || status || ' ' || detail FROM la_api_token_event WHERE token_id = ? ORDER BY id")
                .param(id).query(String.class).list())).singleElement().asString().startsWith("ACCEPTED 200 2 children");

        manager.get("/local-authorities/80450/api-tokens");
        assertThat(manager.post("/local-authorities/80450/api-tokens/" + id + "/revoke").status()).isEqualTo(302);
        assertThat(manager.get("/local-authorities/80450/api-tokens").body()).contains("Revoked on");
        Http.Response revoked = bearer("POST", COL, token, file("purge-201.json"));
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().path("detail").asString()).contains("revoked");
        assertThat(count("ssd_person", "pers_person_id = 'CSCAPI-002'")).as("nothing done with a revoked token").isEqualTo(1);
        assertThat(db(() -> jdbc.sql("SELECT outcome FROM la_api_token_event WHERE token_id = ? ORDER BY id").param(id).query(String.class).list()))
                .containsExactly("ACCEPTED", "REVOKED_TOKEN");
        Http.Response unknown = bearer("POST", COL, "ovt_" + "A".repeat(43), file("full-201.json"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("detail").asString()).contains("not known");
    }

    @Test
    void aFullPayloadThenAPartialOneThenAPurge() throws Exception {
        String token = makeToken(manager(), "full-partial-purge");
        Http.Response full = bearer("POST", COL, token, file("full-201.json"));
        assertThat(full.status()).as(full.body()).isEqualTo(200);
        JsonNode s = full.json();
        assertThat(s.path("children").asInt()).isEqualTo(2);
        assertThat(s.path("childCounts").path("created").asInt()).isEqualTo(2);
        assertThat(s.path("items").path("social_care_episodes").path("created").asInt()).isEqualTo(2);
        assertThat(s.path("items").path("child_and_family_assessments").path("created").asInt()).isEqualTo(2);
        assertThat(s.path("items").path("care_worker_details").path("created").asInt()).isEqualTo(3);
        assertThat(s.path("notStored").path("child_looked_after_placements").asInt()).isEqualTo(1);
        assertThat(value("SELECT pers_dob::text || ' ' || pers_sex || ' ' || pers_upn || ' ' || pers_legacy_id FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) "
                + "AND pers_person_id = 'CSCAPI-001'")).isEqualTo("2014-06-02 F A123456789012 MOSAIC-77001");
        assertThat(value("SELECT row_to_json(p)::text FROM ssd_person p WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND pers_person_id = 'CSCAPI-001'"))
                .as("names and postcode never stored").doesNotContain("Fakename", "Notreal", "EC2V");
        assertThat(count("ssd_cin_episodes", "cine_person_id = 'CSCAPI-001' AND cine_referral_date = DATE '2025-05-12' AND cine_referral_source_code = '5A'"))
                .isEqualTo(1);
        assertThat(value("SELECT cinf_assessment_factors_json FROM ssd_assessment_factors WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cinf_assessment_id = 'CSCAPI-001-A1'"))
                .isEqualTo("[\"2B\",\"3A\"]");
        assertThat(count("ssd_involvements", "invo_referral_id = 'CSCAPI-001-E1'")).isEqualTo(2);
        assertThat(value("SELECT s47e_icpc_not_required FROM ssd_s47_enquiry WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND s47e_s47_enquiry_id = 'CSCAPI-001-S1'"))
                .isEqualTo("false");
        assertThat(value("SELECT icpc_icpc_date::text FROM ssd_initial_cp_conference WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND icpc_icpc_id = 'CSCAPI-001-S1-C'"))
                .isEqualTo("2025-09-23");
        assertThat(value("SELECT coalesce(cppl_cp_plan_end_date::text, 'open') FROM ssd_cp_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND cppl_cp_plan_id = 'CSCAPI-001-CP1'"))
                .isEqualTo("open");

        java.sql.Timestamp beforePartial = db(() -> jdbc.sql("SELECT clock_timestamp()::timestamptz").query(java.sql.Timestamp.class).single());
        Http.Response partial = bearer("POST", COL, token, file("partial-201.json"));
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().path("childCounts").path("updated").asInt()).isEqualTo(1);
        assertThat(db(() -> jdbc.sql("SELECT computed_at FROM front_door_figures WHERE snapshot_id = ?").param(snapshot())
                .query(java.sql.Timestamp.class).single())).as("the front door's stored figures are computed again after the change").isAfter(beforePartial);
        assertThat(value("SELECT (f.snapshot_revision = s.revision AND s.revision >= 2)::text FROM front_door_figures f "
                + "JOIN import_snapshot s ON s.id = f.snapshot_id WHERE f.snapshot_id = ?")).as("each payload is a new revision of the snapshot; "
                + "the stored figures are of the latest (not kept ones of the rows before)").isEqualTo("true");
        assertThat(partial.json().path("items").path("child_and_family_assessments").path("purged").asInt()).isEqualTo(1);
        assertThat(value("SELECT cppl_cp_plan_end_date::text || ' ' || cppl_cp_plan_start_date::text FROM ssd_cp_plans WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) "
                + "AND cppl_cp_plan_id = 'CSCAPI-001-CP1'")).as("the end named, the start kept").isEqualTo("2026-03-02 2025-09-23");
        assertThat(count("ssd_cin_plans", "cinp_person_id = 'CSCAPI-001'")).as("P1 kept, P2 added").isEqualTo(2);
        assertThat(count("ssd_cin_assessments", "cina_assessment_id = 'CSCAPI-001-A1'")).as("purged").isZero();
        assertThat(count("ssd_assessment_factors", "cinf_assessment_id = 'CSCAPI-001-A1'")).as("with its factors").isZero();
        assertThat(value("SELECT pers_upn FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND pers_person_id = 'CSCAPI-001'"))
                .as("what the partial payload does not name is kept").isEqualTo("A123456789012");
        assertThat(count("ssd_involvements", "invo_referral_id = 'CSCAPI-001-E1'")).isEqualTo(2);
        assertThat(count("ssd_cin_episodes", "cine_referral_id = 'CSCAPI-001-E1' AND cine_referral_date = DATE '2025-05-12'")).isEqualTo(1);

        Http.Response purge = bearer("POST", COL, token, file("purge-201.json"));
        assertThat(purge.status()).isEqualTo(200);
        assertThat(purge.json().path("childCounts").path("purged").asInt()).isEqualTo(1);
        for (String[] t : new String[][] {{"ssd_person", "pers_person_id"}, {"ssd_cin_episodes", "cine_person_id"}, {"ssd_cin_assessments", "cina_person_id"},
                {"ssd_involvements", "invo_person_id"}, {"ssd_disability", "disa_person_id"}}) {
            assertThat(count(t[0], t[1] + " = 'CSCAPI-002'")).as(t[0]).isZero();
        }
        assertThat(count("ssd_person", "pers_person_id = 'CSCAPI-001'")).as("the other child stays").isEqualTo(1);
    }

    @Test
    void problemsNameTheChildAndPathAndNothingIsStored() throws Exception {
        Http.Response bad = http.post(COL, file("errors-201.json"), "col.manager");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = bad.json().path("errors");
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0).path("child").asString()).isEqualTo("CSCAPI-003");
        assertThat(errors.get(0).path("field").asString()).isEqualTo("Children[0].child_details.date_of_birth");
        assertThat(bad.body()).contains("Children[0].social_care_episodes[0].closure_reason").contains("RC42")
                .contains("Children[0].social_care_episodes[0].child_protection_plans[0].child_protection_plan_id");
        assertThat(count("ssd_person", "pers_person_id = 'CSCAPI-003'")).isZero();
    }

    @Test
    void aProblemFoundWhileApplyingUndoesTheWholePayload() throws Exception {
        assertThat(http.post(COL, file("full-201.json"), "col.manager").status()).isEqualTo(200);
        // A good change to one child, a new child, and a new episode without its referral date (found only against the store).
        String mixed = """
                {"la_code": 201, "Children": [
                  {"la_child_id": "CSCAPI-001", "child_details": {"date_of_birth": "2014-07-01"}},
                  {"la_child_id": "CSCAPI-004", "child_details": {"sex": "M"}},
                  {"la_child_id": "CSCAPI-002", "social_care_episodes": [{"social_care_episode_id": "CSCAPI-002-E2", "closure_reason": "RC1"}]}]}""";
        Http.Response r = http.post(COL, mixed, "col.manager");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("Children[2].social_care_episodes[0].referral_date");
        assertThat(r.json().path("errors").get(0).path("child").asString()).isEqualTo("CSCAPI-002");
        assertThat(value("SELECT pers_dob::text FROM ssd_person WHERE snapshot_no = (SELECT no FROM import_snapshot WHERE id = ?) AND pers_person_id = 'CSCAPI-001'")).isEqualTo("2014-06-02");
        assertThat(count("ssd_person", "pers_person_id = 'CSCAPI-004'")).isZero();
        // An id that is another child's is refused too.
        Http.Response stolen = http.post(COL, """
                {"la_code": 201, "Children": [{"la_child_id": "CSCAPI-002", "social_care_episodes": [
                  {"social_care_episode_id": "CSCAPI-001-E1", "referral_date": "2025-01-01"}]}]}""", "col.manager");
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.body()).contains("another child's episode");
    }

    @Test
    void anotherLasAddressOrPayloadIsRefusedAndNothingIsStored() throws Exception {
        String token = makeToken(manager(), "other-la");
        int southwarkBefore = db(() -> jdbc.sql("SELECT count(*) FROM ssd_person p JOIN local_authority la ON la.id = p.la_id WHERE la.urn = 80514")
                .query(Integer.class).single());
        Http.Response other = bearer("POST", "/api/v1/local-authorities/80514/children", token, file("full-201.json").replace("201", "210"));
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("detail").asString()).contains("belongs to the local authority with the URN 80450, not 80514");
        Http.Response wrongCode = bearer("POST", COL, token, file("full-201.json").replace("\"la_code\": 201", "\"la_code\": 210"));
        assertThat(wrongCode.status()).isEqualTo(422);
        assertThat(wrongCode.json().path("detail").asString()).contains("210 (Southwark)").contains("not City of London");
        assertThat(count("ssd_person", "pers_person_id = 'CSCAPI-001'")).isZero();
        assertThat(db(() -> jdbc.sql("SELECT count(*) FROM ssd_person p JOIN local_authority la ON la.id = p.la_id WHERE la.urn = 80514")
                .query(Integer.class).single())).isEqualTo(southwarkBefore);
        assertThat(http.post("/api/v1/local-authorities/80514/children", file("full-201.json").replace("\"la_code\": 201", "\"la_code\": 210"),
                "col.manager").status()).as("another LA's manager").isEqualTo(403);
        assertThat(db(() -> jdbc.sql("""
                SELECT e.outcome FROM la_api_token_event e JOIN la_api_token t ON t.id = e.token_id WHERE t.name = 'other-la' ORDER BY e.id""")
                .query(String.class).list())).containsExactly("OTHER_LA", "REFUSED_PAYLOAD");
    }

    @Test
    void theTokenReachesNothingElseAndStaffMayNotManageTokens() throws Exception {
        String token = makeToken(manager(), "nothing-else");
        for (String[] request : List.of(new String[] {"GET", "/api/v1/local-authorities"}, new String[] {"GET", "/api/v1/local-authorities/80450"},
                new String[] {"GET", COL}, new String[] {"POST", "/api/v1/local-authorities/80450/cin-census"},
                new String[] {"GET", "/local-authorities/80450/child-data"}, new String[] {"GET", "/local-authorities/80450/api-tokens"},
                new String[] {"GET", "/"})) {
            Http.Response r = bearer(request[0], request[1], token, null);
            assertThat(r.status()).as(request[0] + " " + request[1]).isEqualTo(403);
            assertThat(r.body()).contains("An API token may only send children's social care payloads");
        }
        assertThat(bearer("GET", "/local-authorities/80450/child-data", "ovt_nope", null).status()).isEqualTo(401);
        assertThat(db(() -> jdbc.sql("""
                SELECT count(*) FROM la_api_token_event e JOIN la_api_token t ON t.id = e.token_id WHERE t.name = 'nothing-else' AND e.outcome = 'NOT_ALLOWED'""")
                .query(Integer.class).single())).isEqualTo(7);

        assertThat(http.get("/local-authorities/80450/api-tokens", "col.staff").status()).as("staff: not their role").isEqualTo(403);
        assertThat(http.post(COL, file("purge-201.json"), "col.staff").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80450/api-tokens", "southwark.manager").status()).as("another LA's manager").isEqualTo(403);
        assertThat(http.get("/local-authorities/80450/api-tokens", "col.councillor").status()).isEqualTo(403);
        assertThat(http.post(COL, file("purge-201.json"), null).status()).as("anonymous").isEqualTo(401);
        assertThat(http.get("/local-authorities/80450/api-tokens", "col.manager").body()).contains("nothing-else");
    }

    @Test
    void anLaWithNoJourneySnapshotYetGetsOne() {
        List<UUID> current = db(() -> jdbc.sql("""
                SELECT s.id FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE la.urn = 80450 AND s.kind IN ('SSD', 'CIN_CENSUS') AND s.superseded_at IS NULL""").query(UUID.class).list());
        db(() -> jdbc.sql("UPDATE import_snapshot SET superseded_at = now() WHERE id = ANY(?)").param(current.toArray(UUID[]::new)).update());
        try {
            Http.Response r = http.post(COL, "{\"la_code\": 201, \"Children\": {\"la_child_id\": \"CSCAPI-004\", \"child_details\": {\"sex\": \"F\"}}}",
                    "col.manager");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("snapshotCreated").asBoolean()).isTrue();
            UUID made = UUID.fromString(r.json().path("snapshotId").asString());
            assertThat(current).doesNotContain(made);
            assertThat(db(() -> jdbc.sql("SELECT kind || ' ' || collection_year || ' ' || source || ' ' || imported_by FROM import_snapshot WHERE id = ?")
                    .param(made).query(String.class).single())).isEqualTo("SSD " + year() + " DfE children's social care API payload col.manager");
            assertThat(count("ssd_person", "pers_person_id = 'CSCAPI-004' AND pers_sex = 'F'")).isEqualTo(1);
            db(() -> jdbc.sql("DELETE FROM import_snapshot WHERE id = ?").param(made).update());
        } finally {
            db(() -> jdbc.sql("UPDATE import_snapshot SET superseded_at = NULL WHERE id = ANY(?)").param(current.toArray(UUID[]::new)).update());
        }
    }

    @Test
    void aJourneyMadeByPayloadsSaysSo() throws Exception {
        List<UUID> current = db(() -> jdbc.sql("""
                SELECT s.id FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE la.urn = 80450 AND s.kind IN ('SSD', 'CIN_CENSUS') AND s.superseded_at IS NULL""").query(UUID.class).list());
        db(() -> jdbc.sql("UPDATE import_snapshot SET superseded_at = now() WHERE id = ANY(?)").param(current.toArray(UUID[]::new)).update());
        try {
            Http.Response r = http.post(COL, file("full-201.json"), "col.manager");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("snapshotCreated").asBoolean()).isTrue();
            http.post(COL, file("partial-201.json"), "col.manager");
            JsonNode journey = http.get(COL + "/CSCAPI-001/journey?purpose=DATA_QUALITY", "col.manager").json();
            assertThat(journey.path("events").size()).isPositive();
            journey.path("events").forEach(e -> assertThat(e.path("source").asString())
                    .as("a snapshot the payloads made is theirs, not an SSD extract's").isEqualTo("Children's social care API payloads, " + year()));
        } finally {
            noSnapshotMadeByAPayloadOutlivesTheTest();
            db(() -> jdbc.sql("UPDATE import_snapshot SET superseded_at = NULL WHERE id = ANY(?)").param(current.toArray(UUID[]::new)).update());
        }
    }

    @Test
    void theCommandLineAppliesAPayloadAsTheApiDoes() throws Exception {
        var command = commands.stream().filter(c -> c.name().equals("import-payload")).findFirst().orElseThrow();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int bad = command.run(List.of("--la", "80450", "data/csc-api/errors-201.json"), new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        assertThat(bad).isEqualTo(2);
        assertThat(err.toString()).contains("errors-201.json Children[0].child_details.date_of_birth: Child CSCAPI-003: date_of_birth '2019-02-30'");
        assertThat(out.toString()).contains("Nothing stored: 4 problems");
        assertThat(count("ssd_person", "pers_person_id = 'CSCAPI-003'")).isZero();
        out.reset();
        int good = command.run(List.of("--la", "80450", "data/csc-api/full-201.json"), new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
        assertThat(good).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Stored in snapshot").contains("2 children (2 created, 0 updated, 0 purged)");
        assertThat(count("ssd_person", "pers_person_id = 'CSCAPI-001'")).isEqualTo(1);
        assertThat(command.run(List.of("--la", "80514", "data/csc-api/full-201.json"), new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true))).as("City of London's payload for Southwark").isEqualTo(2);
        assertThat(err.toString()).contains("not Southwark");
    }
}
