package org.oversight.childdata.ssd;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.shared.Checksums;
import org.oversight.shared.Dates;
import org.oversight.shared.cli.CliCommand;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history of DfE children's social care API payloads (issue 16): every payload, sent by an LA's token or one of its
 * managers, through the API, the command line or the upload page, accepted or refused, is recorded with its counts and
 * problems but never its content; the page lists them by day; only the LA's own managers see them.
 */
class CscPayloadHistoryIT extends PayloadTestSupport {

    private static final Pattern PAYLOAD_ID = Pattern.compile("/local-authorities/80450/payloads/([0-9a-f-]{36})");
    /** What the sample payload holds about its children: none of it may be in a payload's record. */
    private static final List<String> CONTENT = List.of("Fakename", "Notreal", "EC2V 7HH", "A123456789012", "2014-06-02", "MOSAIC-77001", "CSCAPI-001",
            "SW-014");

    @Autowired
    Clock clock;
    @Autowired
    List<CliCommand> commands;

    private static byte[] file(String name) throws Exception {
        return Files.readAllBytes(Path.of("data/csc-api", name));
    }

    private Http.Response bearer(String token, byte[] json) {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + COL)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)), null);
    }

    /** The receipt row as JSON text (every column), for what it holds and what it must not. */
    private String row(UUID id) {
        return db(() -> jdbc.sql("SELECT row_to_json(r)::text FROM csc_payload_receipt r WHERE id = ?").param(id).query(String.class).single());
    }

    private JsonNode rowJson(UUID id) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(row(id));
    }

    @Test
    void aPayloadByTokenAndARefusedOneAreRecordedWithTheirCountsNeverTheirContent() throws Exception {
        Session manager = manager();
        String name = "Liquidlogic nightly " + UUID.randomUUID().toString().substring(0, 8);
        String token = makeToken(manager, name);

        byte[] full = file("full-201.json");
        Http.Response sent = bearer(token, full);
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        UUID accepted = UUID.fromString(sent.json().path("payloadId").asString());
        byte[] errors = file("errors-201.json");
        Http.Response bad = bearer(token, errors);
        assertThat(bad.status()).isEqualTo(400);
        UUID refused = UUID.fromString(bad.json().path("payloadId").asString());

        JsonNode a = rowJson(accepted);
        assertThat(a.path("accepted").asBoolean()).isTrue();
        assertThat(a.path("channel").asString()).isEqualTo("API");
        assertThat(a.path("sender_kind").asString()).isEqualTo("TOKEN");
        assertThat(a.path("sender_name").asString()).isEqualTo(name);
        assertThat(a.path("size_bytes").asLong()).isEqualTo(full.length);
        assertThat(a.path("sha256").asString()).isEqualTo(Checksums.sha256(full));
        assertThat(a.path("children").asInt()).isEqualTo(2);
        assertThat(a.path("children_created").asInt()).isEqualTo(2);
        assertThat(a.path("items").path("social_care_episodes").path("created").asInt())
                .isEqualTo(sent.json().path("items").path("social_care_episodes").path("created").asInt()).isPositive();
        assertThat(a.path("not_stored").path("child_details.first_name").asInt()).isEqualTo(2);
        assertThat(a.path("error_count").asInt()).isZero();

        JsonNode r = rowJson(refused);
        assertThat(r.path("accepted").asBoolean()).isFalse();
        assertThat(r.path("status").asInt()).isEqualTo(400);
        assertThat(r.path("sha256").asString()).isEqualTo(Checksums.sha256(errors));
        assertThat(r.path("error_count").asInt()).isEqualTo(bad.json().path("errors").size()).isEqualTo(4);
        assertThat(r.path("errors").get(0).path("child").asString()).isEqualTo("CSCAPI-003");
        assertThat(r.path("errors").get(0).path("field").asString()).isEqualTo("Children[0].child_details.date_of_birth");
        assertThat(r.path("children_created").asInt()).isZero();

        String accRow = row(accepted);
        for (String c : CONTENT) {
            assertThat(accRow).as("the record of the accepted payload holds no child's data: " + c).doesNotContain(c);
        }

        // The API lists them newest first, with one payload's problems on its own record.
        Http.Response list = http.get("/api/v1/local-authorities/80450/payloads?limit=5", "col.manager");
        assertThat(list.status()).isEqualTo(200);
        JsonNode payloads = list.json().path("payloads");
        assertThat(payloads.get(0).path("id").asString()).isEqualTo(refused.toString());
        assertThat(payloads.get(1).path("id").asString()).isEqualTo(accepted.toString());
        assertThat(payloads.get(1).path("childrenCreated").asInt()).isEqualTo(2);
        assertThat(payloads.get(0).path("errorCount").asInt()).isEqualTo(4);
        assertThat(payloads.get(0).path("errors")).as("problems are on the record, not the list").isEmpty();
        assertThat(list.json().path("next").asString()).isNotBlank();
        Http.Response older = http.get("/api/v1/local-authorities/80450/payloads?limit=1&before=" + payloads.get(0).path("receivedAt").asString(),
                "col.manager");
        assertThat(older.json().path("payloads").get(0).path("id").asString()).isEqualTo(accepted.toString());
        Http.Response one = http.get("/api/v1/local-authorities/80450/payloads/" + refused, "col.manager");
        assertThat(one.json().path("errors")).hasSize(4);
        assertThat(one.json().path("errors").get(1).path("path").asString()).isEqualTo(bad.json().path("errors").get(1).path("field").asString());
        assertThat(http.get("/api/v1/local-authorities/80450/payloads?before=yesterday", "col.manager").status()).isEqualTo(400);

        // The page: today's payloads under today's date, with the day's summary and each payload's record.
        String today = Dates.day(LocalDate.now(clock.withZone(Dates.LONDON)));
        Http.Response page = manager.get("/local-authorities/80450/payloads");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(today).contains(name + " (API token), through the API").contains("Refused: 4 problems")
                .contains("2 created, 0 updated, 0 purged").containsPattern("\\d+ payloads, \\d+ children changed, \\d+ refused");
        for (String c : CONTENT) {
            assertThat(page.body()).as("the list shows no child's data").doesNotContain(c);
        }
        Http.Response record = manager.get("/local-authorities/80450/payloads/" + refused);
        assertThat(record.body()).contains("Problems: 4 in all").contains("CSCAPI-003").contains("Children[0].child_details.date_of_birth")
                .contains(Checksums.sha256(errors));
        assertThat(manager.get("/local-authorities/80450/payloads/" + accepted).body()).contains("2 in the payload: 2 created, 0 updated, 0 purged")
                .contains("child_details.first_name: 2");
    }

    @Test
    void aPayloadPastTheLimitIsRefusedAndRecordedWhenItsSenderMaySendIt() throws Exception {
        Session manager = manager();
        String name = "Mosaic nightly " + UUID.randomUUID().toString().substring(0, 8);
        String token = makeToken(manager, name);
        byte[] big = ("{\"la_code\": \"201\", \"Children\": [], \"padding\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int before = db(() -> jdbc.sql("SELECT count(*) FROM csc_payload_receipt").query(Integer.class).single());

        // Declared with its length, and sent in chunks with none: both 413, both recorded with the token's name.
        Http.Response declared = bearer(token, big);
        assertThat(declared.status()).as(declared.body()).isEqualTo(413);
        assertThat(declared.json().path("limit").asString()).isEqualTo("oversight.imports.max-json-body");
        JsonNode d = rowJson(UUID.fromString(declared.json().path("payloadId").asString()));
        assertThat(d.path("accepted").asBoolean()).isFalse();
        assertThat(d.path("status").asInt()).isEqualTo(413);
        assertThat(d.path("sender_name").asString()).isEqualTo(name);
        assertThat(d.path("size_bytes").asLong()).as("the size the sender declared").isEqualTo(big.length);
        assertThat(d.path("refusal").asString()).contains("larger than 1 MB").contains("oversight.imports.max-json-body");
        Http.Response chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + COL)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))), null);
        assertThat(chunked.status()).isEqualTo(413);
        JsonNode c = rowJson(UUID.fromString(chunked.json().path("payloadId").asString()));
        assertThat(c.path("size_bytes").asLong()).as("what was read: the limit, as no size was declared").isEqualTo(1024 * 1024);
        assertThat(manager.get("/local-authorities/80450/payloads").body()).contains(name + " (API token), through the API");

        // A sender that may not send City of London's children is refused as before, and nothing is recorded for it.
        assertThat(bearer("not-a-token", big).status()).as("unknown token: 401, or 429 if this address sent bad tokens before").isIn(401, 429);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + COL)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)), "southwark.manager").status()).isEqualTo(403);
        assertThat(db(() -> jdbc.sql("SELECT count(*) FROM csc_payload_receipt").query(Integer.class).single())).isEqualTo(before + 2);
    }

    @Test
    void theCommandLineIsRecordedToo() throws Exception {
        CliCommand command = commands.stream().filter(c -> c.name().equals("import-payload")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.run(List.of("--la", "80450", "data/csc-api/full-201.json"), new PrintStream(out, true),
                new PrintStream(new ByteArrayOutputStream(), true))).isZero();
        Matcher m = Pattern.compile("recorded as payload ([0-9a-f-]{36})").matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        JsonNode r = rowJson(UUID.fromString(m.group(1)));
        assertThat(r.path("channel").asString()).isEqualTo("COMMAND_LINE");
        assertThat(r.path("sender_name").asString()).isEqualTo("command line");
        assertThat(r.path("file_name").asString()).isEqualTo("full-201.json");
        assertThat(r.path("children_created").asInt()).isEqualTo(2);
    }

    @Test
    void aManagerUploadsAPayloadOnThePage() throws Exception {
        Session manager = manager();
        manager.get("/local-authorities/80450/payloads");
        Http.Response good = manager.upload("/local-authorities/80450/payloads", Map.of(), Map.of("tonight.json", file("full-201.json")), "payload",
                "application/json");
        assertThat(good.status()).as(good.body()).isEqualTo(302);
        Matcher id = PAYLOAD_ID.matcher(good.header("Location"));
        assertThat(id.find()).isTrue();
        Http.Response shown = manager.get("/local-authorities/80450/payloads/" + id.group(1));
        assertThat(shown.body()).contains("Payload stored: 2 children in it").contains("2 in the payload: 2 created, 0 updated, 0 purged")
                .contains("tonight.json").contains("Rachel Green").contains(", uploaded on this page");
        JsonNode r = rowJson(UUID.fromString(id.group(1)));
        assertThat(r.path("channel").asString()).isEqualTo("PAGE");
        assertThat(r.path("sender_kind").asString()).isEqualTo("PERSON");
        assertThat(db(() -> jdbc.sql("""
                SELECT count(*) FROM ssd_person p JOIN import_snapshot s ON s.no = p.snapshot_no JOIN local_authority la ON la.id = s.la_id
                 WHERE la.urn = 80450 AND s.superseded_at IS NULL AND p.pers_person_id = 'CSCAPI-001'""").query(Integer.class).single()))
                .as("stored as the API stores it").isEqualTo(1);

        manager.get("/local-authorities/80450/payloads");
        Http.Response bad = manager.upload("/local-authorities/80450/payloads", Map.of(), Map.of("broken.json", file("errors-201.json")), "payload",
                "application/json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("There is a problem").contains("broken.json was not stored: 4 problems")
                .contains("Child CSCAPI-003: date_of_birth").contains("(at Children[0].child_details.date_of_birth)")
                .contains("href=\"#payload\"").contains("id=\"refused-record\"");
        assertThat(db(() -> jdbc.sql("""
                SELECT count(*) FROM ssd_person p JOIN local_authority la ON la.id = p.la_id WHERE la.urn = 80450 AND p.pers_person_id = 'CSCAPI-003'""")
                .query(Integer.class).single())).as("nothing of a refused payload is stored").isZero();

        Http.Response notJson = manager.upload("/local-authorities/80450/payloads", Map.of(), Map.of("notes.json",
                "Children: none\n".getBytes(StandardCharsets.UTF_8)), "payload", "application/json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body()).contains("The payload is not JSON (line 1, column");
        Http.Response none = manager.upload("/local-authorities/80450/payloads", Map.of(), Map.of(), "payload", "application/json");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("Choose the payload&#39;s JSON file");
    }

    @Test
    void onlyTheLasOwnManagersSeeOrSendItsPayloads() throws Exception {
        Http.Response sent = http.post(COL, new String(file("full-201.json"), StandardCharsets.UTF_8), "col.manager");
        String id = sent.json().path("payloadId").asString();
        for (String user : List.of("col.staff", "col.councillor", "analyst", "admin", "inspector", "southwark.manager")) {
            assertThat(http.get("/local-authorities/80450/payloads", user).status()).as(user + " the page").isEqualTo(403);
            assertThat(http.get("/local-authorities/80450/payloads/" + id, user).status()).as(user + " a record").isEqualTo(403);
            assertThat(http.get("/api/v1/local-authorities/80450/payloads", user).status()).as(user + " the API").isEqualTo(403);
            assertThat(http.get("/api/v1/local-authorities/80450/payloads/" + id, user).status()).as(user + " the API's record").isEqualTo(403);
        }
        for (String user : List.of("col.staff", "southwark.manager")) {
            Session s = new Session(port);
            assertThat(s.signIn(user, PASSWORD).status()).isEqualTo(302);
            s.get("/local-authorities/80450/api-tokens");
            s.get("/");
            assertThat(s.upload("/local-authorities/80450/payloads", Map.of(), Map.of("p.json", file("full-201.json")), "payload", "application/json")
                    .status()).as(user + " an upload").isEqualTo(403);
        }
        assertThat(http.get("/api/v1/local-authorities/80450/payloads", null).status()).isEqualTo(401);
        assertThat(http.get("/local-authorities/80514/payloads/" + id, "southwark.manager").status()).as("City of London's record under Southwark")
                .isEqualTo(404);
        assertThat(http.get("/api/v1/local-authorities/80514/payloads/" + id, "southwark.manager").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/local-authorities/80514/payloads", "southwark.manager").body()).doesNotContain(id);
    }
}
