package org.oversight.shared.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.oversight.access.CurrentUser;
import org.oversight.access.InspectorGrants;
import org.oversight.compliance.ComplianceFixtures;
import org.oversight.improvement.CommitteeReports;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.support.Session;
import org.oversight.support.TestPlans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests an attacker with an LA account would send: each bad one is a 4xx in words naming the field (a problem detail
 * for the API, a page for pages, 413 included), never a 500 or an internal class name; another LA's forms are 403;
 * redirects come from the configured address whatever Host says; evidence is typed by its content and keeps its
 * Unicode name; the committee report's HTML needs no inline style; an inspector's API reads match their pages.
 */
class HostileRequestsIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommitteeReports reports;
    @Autowired
    InspectorGrants grants;
    @Autowired
    CurrentUser currentUser;

    private static void noInternals(Http.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(r.body()).doesNotContain("org.oversight").doesNotContain("$").doesNotContainPattern("[A-Z][A-Za-z]+(Exception|Request)\\b")
                .doesNotContain("java.");
    }

    TestPlans.Plan testPlan;

    @org.junit.jupiter.api.BeforeEach
    void aPlanOfItsOwn() {
        testPlan = TestPlans.create(jdbc, "Hostile requests test plan " + UUID.randomUUID());
    }

    @org.junit.jupiter.api.AfterEach
    void removePlan() {
        TestPlans.delete(jdbc, testPlan);
    }

    private UUID plan() {
        return testPlan.id();
    }

    private UUID[] itemAndAction(UUID plan) {
        return new UUID[] {testPlan.item(), testPlan.action()};
    }

    @Test
    void badRequestsToTheApiAre4xxProblemDetailsNamingTheField() {
        // A JSON call with the wrong or no Content-Type.
        Http.Response plain = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/local-authorities/80450/inspections"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"FOCUSED_VISIT\"}")), "col.manager");
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.header("Content-Type")).startsWith("application/problem+json");
        assertThat(plain.json().get("errors").get(0).get("field").asString()).isEqualTo("Content-Type");
        assertThat(plain.json().get("detail").asString()).contains("application/json");
        noInternals(plain);
        Http.Response none = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/local-authorities/80450/inspections"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"FOCUSED_VISIT\"}")), "col.manager");
        assertThat(none.status()).isEqualTo(415);
        noInternals(none);

        // No body, a body that is not JSON, a field of the wrong kind: said with the field, never the Java type.
        UUID plan = plan();
        Http.Response empty = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/plans/" + plan + "/items"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()), "col.manager");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        noInternals(empty);
        Http.Response broken = http.post("/api/v1/plans/" + plan + "/items", "{\"title\": ", "col.manager");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("detail").asString()).startsWith("The body is not valid JSON (line 1, column");
        noInternals(broken);
        UUID action = itemAndAction(plan)[1];
        Http.Response wrongKind = http.post("/api/v1/actions/" + action + "/progress", "{\"status\":\"ON_TRACK\",\"note\":\"n\",\"version\":\"abc\"}",
                "col.manager");
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
        assertThat(wrongKind.json().get("detail").asString()).isEqualTo("'abc' is not a valid value for version: give a whole number");
        noInternals(wrongKind);

        // An import without its year or its files, a mode it does not know, or not sent as an upload.
        String imports = "/api/v1/local-authorities/80450/ssda903";
        Http.Response noYear = http.multipart(imports, "col.manager", Map.of(), Map.of("header.csv", "CHILD\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(fields(noYear.json())).containsExactly("year");
        Http.Response badYear = http.multipart(imports, "col.manager", Map.of("year", "abc"), Map.of());
        assertThat(fields(badYear.json())).containsExactly("year", "files");
        Http.Response badMode = http.multipart(imports, "col.manager", Map.of("year", "2026", "mode", "sometimes"),
                Map.of("header.csv", "CHILD\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(fields(badMode.json())).containsExactly("mode");
        Http.Response notAnUpload = http.post(imports + "?year=2026", "{}", "col.manager");
        assertThat(notAnUpload.status()).isEqualTo(415);
        List.of(noYear, badYear, badMode, notAnUpload).forEach(HostileRequestsIT::noInternals);

        // A JSON body past its limit, sent whole or in chunks with no length.
        String big = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Http.Response tooBig = http.post("/api/v1/plans/" + plan + "/items", big, "col.manager");
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("limit").asString()).isEqualTo("oversight.imports.max-json-body");
        Http.Response chunked = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/plans/" + plan + "/items"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))), "col.manager");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().get("detail").asString()).contains("larger than 1 MB");
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void badRequestsToPagesAre4xxPagesSayingWhat() {
        Http.Response badDate = http.get("/local-authorities/80450/access-log.csv?from=2026-02-31", "col.manager");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.header("Content-Type")).startsWith("text/html");
        assertThat(badDate.body()).contains("There is a problem with what was sent").contains("from: Enter a real date as dd/mm/yyyy");
        noInternals(badDate);
        assertThat(http.get("/local-authorities/80450/access-log.csv?from=31/02/2026", "col.manager").status()).isEqualTo(400);

        Http.Response year = http.get("/national?year=abc");
        assertThat(year.status()).isEqualTo(400);
        assertThat(year.body()).contains("&#39;abc&#39; is not a valid year: give a whole number");
        noInternals(year);
        assertThat(http.get("/activities/not-an-id").status()).as("a malformed id in an address is a page not found").isEqualTo(404);

        Session page = new Session(port);
        page.signIn("col.manager", PASSWORD);
        page.get("/local-authorities/80450/child-data");
        Http.Response noFiles = page.upload("/local-authorities/80450/child-data", Map.of("year", "2026"), Map.of());
        assertThat(noFiles.status()).isEqualTo(400);
        assertThat(noFiles.body()).contains("Select the CSV files of the return");
        page.get("/local-authorities/80450/child-data");
        Http.Response noYear = page.upload("/local-authorities/80450/child-data", Map.of(), Map.of("header.csv", "CHILD\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(noYear.status()).isEqualTo(400);
        assertThat(noYear.body()).contains("Enter the year the collection starts");
    }

    @Test
    void anUploadPastTheSizeLimitIsA413PageOnAFormAndAProblemDetailInTheApi() {
        byte[] big = new byte[51 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Session page = new Session(port);
        page.signIn("col.manager", PASSWORD);
        page.get("/local-authorities/80450/child-data");
        Http.Response form = page.upload("/local-authorities/80450/child-data", Map.of("year", "2026"), Map.of("header.csv", big));
        assertThat(form.status()).isEqualTo(413);
        assertThat(form.header("Content-Type")).startsWith("text/html");
        assertThat(form.body()).contains("The files are too large").contains("each file can be up to 50 MB");
        Http.Response api = http.multipart("/api/v1/local-authorities/80450/ssda903", "col.manager", Map.of("year", "2026"), Map.of("header.csv", big));
        assertThat(api.status()).isEqualTo(413);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.json().get("detail").asString()).contains("each file can be up to 50 MB");
    }

    @Test
    void anotherLasFormsAreRefusedLikeTheirPosts() {
        UUID plan = plan();
        UUID[] ids = itemAndAction(plan);
        for (String form : List.of("/local-authorities/80450/child-data", "/local-authorities/80450/activities/new",
                "/local-authorities/80450/audits/new", "/local-authorities/80450/inspector-access", "/local-authorities/80450/access-log")) {
            assertThat(http.get(form, "southwark.manager").status()).as(form).isEqualTo(403);
            assertThat(http.get(form, "col.manager").status()).as(form).isEqualTo(200);
        }
        // Another LA's plan does not exist for them at all (row-level security): its forms are not found, as their posts are.
        String title = testPlan.title();
        for (String form : List.of("/plans/" + plan + "/items/" + ids[0] + "/actions/new", "/plans/" + plan + "/actions/" + ids[1] + "/progress",
                "/plans/" + plan + "/committee-report")) {
            Http.Response refused = http.get(form, "southwark.manager");
            assertThat(refused.status()).as(form).isIn(403, 404);
            assertThat(refused.body()).doesNotContain(title);
            assertThat(http.get(form, "col.manager").status()).as(form).isEqualTo(200);
        }
        Session other = new Session(port);
        other.signIn("southwark.manager", PASSWORD);
        other.get("/local-authorities/80514/plans");
        assertThat(other.post("/plans/" + plan + "/items/" + ids[0] + "/actions", "description", "x").status()).isIn(403, 404);
    }

    /** A raw HTTP/1.1 request, so the Host header can be anything. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port); OutputStream out = socket.getOutputStream()) {
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            StringBuilder head = new StringBuilder();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }
    }

    @Test
    void redirectsAreBuiltFromTheConfiguredAddressNeverTheHostHeader() throws Exception {
        String base = "http://localhost:" + port;
        String toSignIn = raw("GET /plans/" + plan() + " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "X-Forwarded-Proto: https\r\nAccept: text/html\r\nConnection: close\r\n\r\n");
        assertThat(toSignIn).startsWith("HTTP/1.1 302").contains("Location: " + base + "/login").doesNotContain("evil.example");
        String slash = raw("GET //evil.example/%2e%2e HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(slash).doesNotContain("Location: http://evil.example").doesNotContain("Location: //evil.example");
        Session page = new Session(port);
        Http.Response signedIn = page.signIn("col.manager", PASSWORD);
        assertThat(signedIn.header("Location")).startsWith(base + "/");
    }

    @Test
    @WithUserDetails("col.manager")
    void theCommitteeReportsHtmlViewNeedsNoInlineStyleUnderTheContentSecurityPolicy() {
        UUID plan = plan();
        UUID report = reports.generate(plan, reports.draft(plan));
        Http.Response html = http.get("/committee-reports/" + report + ".html", "col.manager");
        assertThat(html.status()).isEqualTo(200);
        String csp = html.header("Content-Security-Policy");
        assertThat(csp).contains("style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(html.body()).doesNotContain("<style").doesNotContainPattern("\\sstyle=").contains("href=\"/css/committee-report.css\"");
        Http.Response css = http.get("/css/committee-report.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.body()).contains("col.w30 { width: 30%; }");
    }

    @Test
    @WithUserDetails("southwark.manager")
    void anInspectorsApiReadsMatchTheirPages() {
        UUID southwark = ComplianceFixtures.southwark(jdbc);
        TenantScope.asSystem(() -> jdbc.sql("UPDATE inspector_grant SET revoked_at = now(), revoked_by = 'test' WHERE revoked_at IS NULL").update());
        UUID activity = TenantScope.asSystem(() -> jdbc.sql("""
                INSERT INTO inspection_activity (la_id, type, created_by, updated_by) VALUES (?, 'FOCUSED_VISIT', 'test', 'test') RETURNING id""")
                .param(southwark).query(UUID.class).single());
        TenantScope.asSystem(() -> jdbc.sql("INSERT INTO on_site_range (activity_id, ordinal, start_date, end_date) VALUES (?, 0, ?, ?)")
                .params(activity, java.sql.Date.valueOf(grants.today()), java.sql.Date.valueOf(grants.today().plusDays(3))).update());
        try {
            List<String> reads = List.of("/local-authorities/80514/compliance", "/api/v1/local-authorities/80514/compliance",
                    "/local-authorities/80514/children/B2?purpose=INSPECTION", "/api/v1/local-authorities/80514/children/B2/compliance?purpose=INSPECTION");
            reads.forEach(path -> assertThat(http.get(path, "inspector").status()).as("no grant: " + path).isEqualTo(403));
            UUID grant = grants.grant(southwark, activity, grants.today(), grants.today().plusDays(3), "inspector", currentUser);
            reads.forEach(path -> assertThat(http.get(path, "inspector").status()).as("under a grant: " + path).isEqualTo(200));
            assertThat(http.get("/api/v1/local-authorities/80450/compliance", "inspector").status()).as("another LA").isEqualTo(403);
            assertThat(http.multipart("/api/v1/local-authorities/80514/ssda903", "inspector", Map.of("year", "2026"),
                    Map.of("header.csv", "CHILD\n".getBytes(StandardCharsets.UTF_8))).status()).as("read only").isEqualTo(403);
            assertThat(TenantScope.asSystem(() -> jdbc.sql("""
                    SELECT count(*) FROM child_access WHERE la_id = ? AND viewed_by = 'inspector' AND what LIKE '%inspector under a grant%'""")
                    .param(southwark).query(Integer.class).single())).isGreaterThanOrEqualTo(4);
            grants.revoke(southwark, grant, currentUser);
            reads.forEach(path -> assertThat(http.get(path, "inspector").status()).as("ended: " + path).isEqualTo(403));
        } finally {
            TenantScope.asSystem(() -> jdbc.sql("DELETE FROM inspection_activity WHERE id = ?").param(activity).update());
        }
    }

    @Test
    void evidenceIsTypedByItsContentAndKeepsItsUnicodeName() throws Exception {
        UUID plan = plan();
        UUID action = itemAndAction(plan)[1];
        Session page = new Session(port);
        page.signIn("col.manager", PASSWORD);
        String progress = "/plans/" + plan + "/actions/" + action + "/progress";
        page.get(progress);
        Http.Response html = page.upload("/plans/" + plan + "/actions/" + action + "/evidence", Map.of("evidenceDescription", "Minutes"),
                Map.of("minutes.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)), "file", "application/pdf");
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.body()).contains("The file minutes.pdf is named as a PDF but it is a text file");

        byte[] pdf;
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument(); var out = new java.io.ByteArrayOutputStream()) {
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            doc.save(out);
            pdf = out.toByteArray();
        }
        String name = "Plan d’action – été.pdf";
        page.get(progress);
        Http.Response stored = page.upload("/plans/" + plan + "/actions/" + action + "/evidence", Map.of("evidenceDescription", "The plan, in French"),
                Map.of(name, pdf), "file", "text/html");
        assertThat(stored.status()).as(stored.body()).isEqualTo(302);
        UUID evidence = TenantScope.asSystem(() -> jdbc.sql("SELECT id FROM evidence WHERE file_name = ? ORDER BY added_at DESC LIMIT 1")
                .param(name).query(UUID.class).single());
        Http.Response download = http.get("/evidence/" + evidence, "col.manager");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).as("from the content, not the browser's claim").isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"Plan d_action _ _t_.pdf\"; filename*=UTF-8''Plan%20d%E2%80%99action%20%E2%80%93%20%C3%A9t%C3%A9.pdf");
    }
}
