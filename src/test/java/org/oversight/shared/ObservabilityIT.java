package org.oversight.shared;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oversight.compliance.ComplianceFixtures;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations: Prometheus metrics for a scraper's token or an ADMIN only, health for anyone; logs as JSON when asked
 * (OVERSIGHT_LOG_FORMAT=json), and no child refs, names or passwords in them when a child's record is viewed or
 * someone signs in.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"oversight.metrics.token=test-scrape-token", "oversight.log-format=json"})
class ObservabilityIT extends HttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void prometheusIsForTheScraperOrAnAdminAndHealthForAnyone() throws Exception {
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", "col.manager").status()).isEqualTo(403);
        assertThat(scrape("wrong-token").statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", "admin").status()).isEqualTo(200);

        ComplianceFixtures.southwark(jdbc);
        assertThat(http.get("/local-authorities/80514/children/B2?purpose=DIRECT_WORK", "southwark.manager").status()).isEqualTo(200);
        signIn("col.manager", PASSWORD);
        HttpResponse<String> metrics = scrape("test-scrape-token");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("# TYPE http_server_requests_seconds ")
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("# TYPE hikaricp_connections_active gauge")
                .contains("# TYPE oversight_child_record_views_total counter")
                .containsPattern("oversight_sign_ins_total\\{[^}]*method=\"password\"[^}]*outcome=\"success\"[^}]*} [1-9]")
                .containsPattern("oversight_child_record_views_total\\{[^}]*} [1-9]");
    }

    @Test
    void logsAreJsonAndNameNoChildNoPersonAndNoPassword(CapturedOutput output) {
        ComplianceFixtures.southwark(jdbc);
        int before = output.getOut().length();
        assertThat(http.get("/local-authorities/80514/children/B2?purpose=DIRECT_WORK", "southwark.manager").status()).isEqualTo(200);
        assertThat(http.get("/local-authorities/80514/children/Z9QX-NOT-A-CHILD?purpose=DIRECT_WORK", "southwark.manager").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/local-authorities/80514/plans", "southwark.manager").status()).isEqualTo(200);
        signIn("southwark.manager", PASSWORD);
        signIn("southwark.manager", "not-the-password-42");

        String logs = output.getOut().substring(before) + output.getErr();
        List<String> lines = logs.lines().filter(l -> l.startsWith("{")).toList();
        assertThat(lines).as("JSON log lines from these requests").isNotEmpty();
        List<String> messages = lines.stream().map(l -> {
            JsonNode entry = JSON.readTree(l);
            assertThat(entry.has("@timestamp")).as(l).isTrue();
            assertThat(entry.get("log").get("level").asString()).as(l).isNotBlank();
            return entry.get("message").asString();
        }).toList();
        assertThat(messages).contains("Sign-in success (password)", "Sign-in failure (password)");
        // A failure names the account (by its id: no username, which may be a password typed in the wrong box) and the address.
        String account = jdbc.sql("SELECT id::text FROM app_user WHERE username = 'southwark.manager'").query(String.class).single();
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("Sign-in failed: account " + account + " from ").contains("in a row"));

        assertThat(Pattern.compile("(?<![A-Za-z0-9])B2(?![A-Za-z0-9])").matcher(logs).find()).as("child ref in\n" + logs).isFalse();
        assertThat(logs).doesNotContain("Z9QX-NOT-A-CHILD")
                .doesNotContain("Tom Stevenson").doesNotContain("southwark.manager")
                .doesNotContain(PASSWORD).doesNotContain("not-the-password-42");
    }

    private void signIn(String username, String password) {
        var login = http.get("/login");
        var token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(login.body());
        assertThat(token.find()).isTrue();
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String cookie = login.header("Set-Cookie").split(";")[0];
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password + "&_csrf="
                            + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> scrape(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
