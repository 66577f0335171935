package org.oversight.access;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.oversight.OversightApplication;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Oversight instances on one PostgreSQL, as behind a load balancer: a sign-in on instance A is good on instance B
 * with the same session cookie, and signing out on B ends it on A too.
 */
class SharedSessionsIT extends HttpTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final String PAGE = "/local-authorities/80450/plans";

    @Autowired
    Environment environment;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aSessionStartedOnOneInstanceIsUsedAndEndedOnAnother() {
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(OversightApplication.class)
                .profiles("test")
                .properties("server.port=0", "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "oversight.reports.import-on-start=false")
                .run()) {
            int a = port;
            int b = ((WebServerApplicationContext) second).getWebServer().getPort();
            assertThat(b).isNotEqualTo(a);

            assertThat(get(a, PAGE).statusCode()).as("not signed in yet").isEqualTo(302);
            String token = csrf(get(a, "/login").body());
            HttpResponse<String> signIn = post(a, "/login", "username=col.manager&password=" + PASSWORD + "&_csrf=" + enc(token));
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
            assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("HttpOnly"));

            assertThat(get(a, PAGE).statusCode()).isEqualTo(200);
            HttpResponse<String> onB = get(b, PAGE);
            assertThat(onB.statusCode()).as("instance B knows the session A started").isEqualTo(200);
            assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = 'col.manager'").query(Integer.class).single())
                    .isGreaterThanOrEqualTo(1);

            HttpResponse<String> signOut = post(b, "/logout", "_csrf=" + enc(csrf(onB.body())));
            assertThat(signOut.statusCode()).isEqualTo(302);
            assertThat(get(b, PAGE).statusCode()).isEqualTo(302);
            assertThat(get(a, PAGE).statusCode()).as("signed out on B ends the session on A").isEqualTo(302);
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET());
    }

    private HttpResponse<String> post(int port, String path, String form) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
