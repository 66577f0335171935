package org.oversight.childdata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.access.Role;
import org.oversight.access.UserAccounts;
import org.oversight.childdata.ssda903.SyntheticData;
import org.oversight.shared.cli.CliCommand;
import org.oversight.shared.db.TenantScope;
import org.oversight.shared.upload.ImportSlots;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.support.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partial return is not a whole one: a return lacking a table a whole return needs is refused, or merged into the
 * current data only when marked as a partial update; a return that drops more than a fifth of the children waits for
 * a confirmation (a step on the page, confirmDrop=true in the API, --confirm-drop in the CLI); errors beyond the first
 * hundred are counted and downloadable; imports past the concurrent limit get 503. Kensington and Chelsea's synthetic
 * return, imported by a manager of its own made for the test.
 */
class PartialReturnIT extends HttpTest {

    private static final int URN = 80544;
    private static final String LA_CODE = "207";
    private static final String MANAGER = "kc.manager";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    List<CliCommand> commands;
    @Autowired
    ImportSlots slots;

    private static Map<String, byte[]> whole;

    @BeforeEach
    void manager() throws IOException {
        accounts.upsert(MANAGER, "Kensington and Chelsea manager", encoder.encode(PASSWORD), Role.LA_MANAGER, URN, false);
        if (whole == null) {
            Path dir = Files.createTempDirectory("oversight-kc");
            SyntheticData.generate("la", 12, List.of(LA_CODE), dir);
            Map<String, byte[]> files = new LinkedHashMap<>();
            try (var list = Files.list(dir.resolve(LA_CODE))) {
                for (Path p : list.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                    files.put(p.getFileName().toString(), Files.readAllBytes(p));
                }
            }
            whole = files;
        }
        // Each test starts from the whole return as the current data.
        Http.Response stored = importApi(whole, Map.of("confirmDrop", "true"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    }

    private Http.Response importApi(Map<String, byte[]> files, Map<String, String> options) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("year", "2026"));
        fields.putAll(options);
        return http.multipart("/api/v1/local-authorities/" + URN + "/ssda903", MANAGER, fields, files);
    }

    private UUID current() {
        return TenantScope.asSystem(() -> jdbc.sql("""
                SELECT s.id FROM import_snapshot s JOIN local_authority la ON la.id = s.la_id
                 WHERE la.urn = ? AND s.kind = 'SSDA903' AND s.collection_year = '2026-27' AND s.superseded_at IS NULL""")
                .param(URN).query(UUID.class).single());
    }

    private int count(String table, UUID snapshot) {
        return TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM " + table + " WHERE snapshot_id = ?").param(snapshot)
                .query(Integer.class).single());
    }

    /** The files with only the rows of the given children (every table has CHILD first). */
    private static Map<String, byte[]> only(Map<String, byte[]> files, Set<String> children) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach((name, bytes) -> {
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            String kept = lines.getFirst() + "\n" + lines.stream().skip(1).filter(l -> children.contains(l.split(",", 2)[0]))
                    .collect(Collectors.joining("\n")) + "\n";
            out.put(name, kept.getBytes(StandardCharsets.UTF_8));
        });
        return out;
    }

    private static Set<String> children(Map<String, byte[]> files, int every) {
        List<String> all = new String(files.get("header.csv"), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(",", 2)[0]).toList();
        return java.util.stream.IntStream.range(0, all.size()).filter(i -> i % every == 0).mapToObj(all::get).collect(Collectors.toSet());
    }

    @Test
    void aReturnLackingATableIsRefusedAndAPartialUpdateKeepsTheOtherTables() {
        UUID before = current();
        int children = count("child", before);
        int episodes = count("episode", before);
        assertThat(children).isGreaterThan(20);

        Http.Response headerOnly = importApi(Map.of("header.csv", whole.get("header.csv")), Map.of());
        assertThat(headerOnly.status()).isEqualTo(400);
        JsonNode body = headerOnly.json();
        assertThat(body.get("stored").asBoolean()).isFalse();
        assertThat(errorRules(body)).as("the errors; DfE's queries on the header are listed after them").containsExactly("OV-MISSING-TABLE",
                "OV-MISSING-TABLE");
        assertThat(rules(body).subList(0, 2)).containsExactly("OV-MISSING-TABLE", "OV-MISSING-TABLE");
        assertThat(body.get("errors").get(0).get("message").asString()).startsWith("The return has no Episodes table: a whole return needs "
                + "Header, Episodes and Reviews. To change only some tables, import them as a partial update");
        assertThat(current()).as("the dashboard keeps its children").isEqualTo(before);

        // Marked as a partial update, new reviews replace the current ones; header, episodes and care leavers are kept.
        List<String> reviews = new String(whole.get("reviews.csv"), StandardCharsets.UTF_8).lines().toList();
        String half = reviews.getFirst() + "\n" + reviews.stream().skip(1).limit((reviews.size() - 1) / 2).collect(Collectors.joining("\n")) + "\n";
        Http.Response partial = importApi(Map.of("reviews.csv", half.getBytes(StandardCharsets.UTF_8)), Map.of("partial", "true"));
        assertThat(partial.status()).as(partial.body()).isEqualTo(201);
        UUID merged = current();
        assertThat(merged).isNotEqualTo(before);
        assertThat(count("child", merged)).isEqualTo(children);
        assertThat(count("episode", merged)).isEqualTo(episodes);
        assertThat(count("review", merged)).isEqualTo((reviews.size() - 1) / 2);
        assertThat(count("care_leaver", merged)).isEqualTo(count("care_leaver", before));
        assertThat(TenantScope.asSystem(() -> jdbc.sql("SELECT based_on FROM import_snapshot WHERE id = ?").param(merged).query(UUID.class).single()))
                .isEqualTo(before);
        assertThat(TenantScope.asSystem(() -> jdbc.sql("SELECT source FROM import_snapshot WHERE id = ?").param(merged).query(String.class).single()))
                .startsWith("reviews.csv (partial update; the other tables kept from the import of ");

        // A partial update of a year with no data has nothing to merge into.
        Http.Response nothing = http.multipart("/api/v1/local-authorities/" + URN + "/ssda903", MANAGER, Map.of("year", "2019", "partial", "true"),
                Map.of("reviews.csv", half.getBytes(StandardCharsets.UTF_8)));
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().get("errors").get(0).get("ruleCode").asString()).isEqualTo("OV-PARTIAL-NO-CURRENT");
    }

    /**
     * A partial update is checked against every column and table of the current data when it was imported whole (since
     * V34_16): DfE rule 625 reads the stored Header's MC_DOB and flags the uploaded episode of a mother whose child's
     * date of birth is after the episode ended. Against a snapshot from before (no column tables_whole), the same upload
     * leaves 625 not checked, naming MC_DOB, and the rules needing UASC not checked.
     */
    @Test
    void aPartialUpdateIsCheckedAgainstEveryStoredColumnOfDataImportedWhole() {
        UUID current = current();
        assertThat(whole).containsKey("uasc.csv");
        // A girl with an episode that ended before 31 March 2027: the stored header says her child was born that day.
        String girl = TenantScope.asSystem(() -> jdbc.sql("""
                SELECT c.child_ref FROM child c JOIN episode e ON e.snapshot_id = c.snapshot_id AND e.child_ref = c.child_ref
                 WHERE c.snapshot_id = ? AND c.sex = 'F' AND e.dec < '2027-03-31' ORDER BY c.child_ref LIMIT 1""")
                .param(current).query(String.class).single());
        TenantScope.asSystem(() -> jdbc.sql("UPDATE child SET mother = '1', mc_dob = '2027-03-31' WHERE snapshot_id = ? AND child_ref = ?")
                .params(current, girl).update());

        Http.Response checked = importApi(Map.of("episodes.csv", whole.get("episodes.csv")), Map.of("partial", "true"));
        assertThat(checked.status()).as(checked.body()).isEqualTo(400);
        JsonNode r625 = outcome(checked.json(), "625");
        assertThat(r625.get("checked").asBoolean()).as(r625.toString()).isTrue();
        assertThat(r625.get("flagged").asInt()).isPositive();
        List<String> flaggedChildren = new java.util.ArrayList<>();
        checked.json().get("errors").forEach(e -> {
            if (e.get("ruleCode").asString().equals("625")) {
                assertThat(e.get("file").asString()).isEqualTo("episodes.csv");
                List<String> lines = new String(whole.get("episodes.csv"), StandardCharsets.UTF_8).lines().toList();
                flaggedChildren.add(lines.get(e.get("row").asInt() - 1).split(",", 2)[0]);
            }
        });
        assertThat(flaggedChildren).isNotEmpty().containsOnly(girl);
        checked.json().get("rules").forEach(o -> assertThat(o.get("reason").isNull() ? "" : o.get("reason").asString())
                .as(o.toString()).doesNotContain("needs the UASC table").doesNotContain("it was imported before"));
        assertThat(current()).isEqualTo(current);

        // The same upload against data imported before V34_16: 625 is not checked, naming the column.
        TenantScope.asSystem(() -> jdbc.sql("UPDATE import_snapshot SET tables_whole = NULL WHERE id = ?").param(current).update());
        Http.Response old = importApi(Map.of("episodes.csv", whole.get("episodes.csv")), Map.of("partial", "true"));
        JsonNode notChecked = outcome(old.json(), "625");
        assertThat(notChecked.get("checked").asBoolean()).isFalse();
        assertThat(notChecked.get("reason").asString()).isEqualTo("reads the MC_DOB column of the current data's Header table, which it does not "
                + "have (it was imported before Oversight kept every column): import that table too to check it");
        assertThat(rules(old.json())).doesNotContain("625");
        List<String> needUasc = new java.util.ArrayList<>();
        old.json().get("rules").forEach(o -> {
            if (!o.get("reason").isNull() && o.get("reason").asString().equals("needs the UASC table, which was not given")) {
                needUasc.add(o.get("code").asString());
            }
        });
        assertThat(needUasc).isNotEmpty();
        assertThat(outcome(checked.json(), needUasc.getFirst()).get("checked").asBoolean()).isTrue();
    }

    private static JsonNode outcome(JsonNode body, String code) {
        for (JsonNode o : body.get("rules")) {
            if (o.get("code").asString().equals(code)) {
                return o;
            }
        }
        throw new AssertionError("no outcome for rule " + code + " in " + body.get("rules"));
    }

    @Test
    void aReturnDroppingMostChildrenWaitsForAConfirmationInTheApi() {
        UUID before = current();
        int children = count("child", before);
        Map<String, byte[]> tenth = only(whole, children(whole, 10));
        Http.Response refused = importApi(tenth, Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("confirmation").asString()).contains("% fewer than the " + children + " in the current data of "
                + "Kensington and Chelsea for 2026-27").endsWith("Send confirmDrop=true to store it.");
        assertThat(current()).isEqualTo(before);
        Http.Response confirmed = importApi(tenth, Map.of("confirmDrop", "true"));
        assertThat(confirmed.status()).isEqualTo(201);
        assertThat(count("child", current())).isEqualTo(children(whole, 10).size());
    }

    @Test
    void onThePageAReturnDroppingMostChildrenAsksToBeConfirmedOrCancelled() throws Exception {
        int children = count("child", current());
        Map<String, byte[]> tenth = only(whole, children(whole, 10));
        Session page = new Session(port);
        assertThat(page.signIn(MANAGER, PASSWORD).status()).isEqualTo(302);
        page.get("/local-authorities/" + URN + "/child-data");
        String job = jobOf(page.upload("/local-authorities/" + URN + "/child-data", Map.of("year", "2026", "mode", "reject"), tenth));
        Http.Response waiting = waitFor(page, job, "NEEDS_CONFIRMATION");
        assertThat(waiting.body()).contains("id=\"import-confirm\"").contains("% fewer than the " + children)
                .contains("Store it and replace the current data").contains("Cancel this import");
        assertThat(count("child", current())).as("nothing stored while it waits").isEqualTo(children);
        Http.Response confirm = page.post("/local-authorities/" + URN + "/child-data/jobs/" + job + "/confirm");
        assertThat(confirm.status()).isEqualTo(302);
        assertThat(waitFor(page, job, "DONE").body()).contains("id=\"import-stored\"");
        assertThat(count("child", current())).isEqualTo(children(whole, 10).size());

        // Back to the whole return, then the same small return cancelled: nothing stored, its files removed.
        assertThat(importApi(whole, Map.of("confirmDrop", "true")).status()).isEqualTo(201);
        page.get("/local-authorities/" + URN + "/child-data");
        String second = jobOf(page.upload("/local-authorities/" + URN + "/child-data", Map.of("year", "2026", "mode", "reject"), tenth));
        waitFor(page, second, "NEEDS_CONFIRMATION");
        assertThat(page.post("/local-authorities/" + URN + "/child-data/jobs/" + second + "/cancel").status()).isEqualTo(302);
        assertThat(page.get("/local-authorities/" + URN + "/child-data/jobs/" + second).body()).contains("You cancelled this import");
        assertThat(count("child", current())).isEqualTo(children);
        assertThat(TenantScope.asSystem(() -> jdbc.sql("SELECT count(*) FROM child_import_job_file WHERE job_id = ?::uuid AND content IS NOT NULL")
                .param(second).query(Integer.class).single())).isZero();
        // Another LA's manager can neither see nor confirm it.
        Session other = new Session(port);
        other.signIn("southwark.manager", PASSWORD);
        other.get("/local-authorities/80514/child-data");
        assertThat(other.post("/local-authorities/" + URN + "/child-data/jobs/" + second + "/confirm").status()).isEqualTo(403);
    }

    @Test
    void theCommandLineAsksForConfirmDrop() throws Exception {
        int children = count("child", current());
        Path dir = Files.createTempDirectory("oversight-kc-small");
        for (var f : only(whole, children(whole, 10)).entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
        CliCommand command = commands.stream().filter(c -> c.name().equals("import-903")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = TenantScope.asSystem(() -> run(command, List.of("--la", String.valueOf(URN), "--year", "2026", dir.toString()), out));
        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Nothing stored: This import has").contains("run again with --confirm-drop");
        assertThat(count("child", current())).isEqualTo(children);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertThat(TenantScope.asSystem(() -> run(command, List.of("--la", String.valueOf(URN), "--year", "2026", "--confirm-drop", dir.toString()), again)))
                .as(again.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(count("child", current())).isEqualTo(children(whole, 10).size());
    }

    private static int run(CliCommand command, List<String> args, ByteArrayOutputStream out) {
        try {
            return command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void errorsPastTheFirstHundredAreCountedAndAllOfThemDownloadAsCsv() {
        StringBuilder header = new StringBuilder("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
        for (int i = 0; i < 300; i++) {
            header.append("X").append(i).append(",Q,31/02/2012,\"=HYPERLINK(\"\"http://evil.example\"\")\",UN1,,\n");
        }
        Map<String, byte[]> bad = new LinkedHashMap<>(whole);
        bad.put("header.csv", header.toString().getBytes(StandardCharsets.UTF_8));
        Http.Response refused = importApi(bad, Map.of());
        assertThat(refused.status()).isEqualTo(400);
        JsonNode body = refused.json();
        long total = body.get("errorCount").asLong();
        assertThat(total).isGreaterThan(900);
        assertThat(body.get("errors").size()).isEqualTo(100);
        String link = body.get("errorsCsv").asString();
        assertThat(link).startsWith("http://localhost:" + port + "/api/v1/local-authorities/" + URN + "/ssda903/jobs/").endsWith("/errors.csv");
        String path = link.substring(("http://localhost:" + port).length());
        Http.Response csv = http.get(path, MANAGER);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<org.apache.commons.csv.CSVRecord> rows;
        try {
            rows = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(csv.body().substring(1))).getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(rows.getFirst().values()).containsExactly("file", "row", "column", "value", "rule", "message", "type");
        assertThat(rows.stream().skip(1).filter(r -> r.get(6).equals("error")).count()).as("every error, one a row (queries beside them)")
                .isEqualTo(total);
        assertThat(rows.stream().skip(1).allMatch(r -> r.get(6).equals("error") || r.get(6).equals("query"))).isTrue();
        assertThat(rows).anySatisfy(r -> assertThat(r.get(3)).isEqualTo("'=HYPERLINK(\"http://evil.example\")"));
        assertThat(rows).allSatisfy(r -> r.forEach(v -> assertThat(org.oversight.shared.web.SpreadsheetSafe.risky(v)).as(v).isFalse()));
        assertThat(http.get(path, "southwark.manager").status()).isEqualTo(403);
    }

    @Test
    void importsPastTheConcurrentLimitAreRefusedWith503AndRetryAfter() {
        List<ImportSlots.Slot> taken = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < slots.size(); i++) {
                taken.add(slots.tryTake().orElseThrow());
            }
            Http.Response busy = importApi(whole, Map.of());
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.header("Retry-After")).isEqualTo("30");
            assertThat(busy.header("Content-Type")).startsWith("application/problem+json");
            assertThat(busy.json().get("detail").asString()).contains("imports are running already").contains("Nothing was stored");
        } finally {
            taken.forEach(ImportSlots.Slot::close);
        }
        assertThat(importApi(whole, Map.of("confirmDrop", "true")).status()).isEqualTo(201);
    }

    private static List<String> errorRules(JsonNode body) {
        List<String> rules = new java.util.ArrayList<>();
        body.get("errors").forEach(e -> {
            if (!"QUERY".equals(e.get("severity").asString())) {
                rules.add(e.get("ruleCode").asString());
            }
        });
        return rules;
    }

    private static List<String> rules(JsonNode body) {
        List<String> rules = new java.util.ArrayList<>();
        body.get("errors").forEach(e -> rules.add(e.get("ruleCode").asString()));
        return rules;
    }

    private static String jobOf(Http.Response upload) {
        assertThat(upload.status()).as(upload.body()).isEqualTo(302);
        String location = upload.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private Http.Response waitFor(Session page, String job, String stage) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String state = TenantScope.asSystem(() -> jdbc.sql("SELECT stage FROM child_import_job WHERE id = ?::uuid").param(job)
                    .query(String.class).single());
            if (state.equals(stage)) {
                return page.get("/local-authorities/" + URN + "/child-data/jobs/" + job);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job + " never reached " + stage);
    }
}
