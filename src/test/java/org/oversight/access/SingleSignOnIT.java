package org.oversight.access;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on end to end: a real OpenID Connect provider (mock-oauth2-server) on its own port, the real
 * authorization code flow followed redirect by redirect with a cookie-keeping HTTP client, the provider's groups mapped
 * to role and LA, the account provisioned, and the LA rules applied to the signed-in person.
 */
class SingleSignOnIT extends HttpTest {

    private static final MockOAuth2Server IDP = startProvider();
    private static final String CLIENT = "oversight-test";

    private static MockOAuth2Server startProvider() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("oversight.oidc.issuer-uri", () -> IDP.issuerUrl("default").toString());
        registry.add("oversight.oidc.client-id", () -> CLIENT);
        registry.add("oversight.oidc.client-secret", () -> "test-secret");
        registry.add("oversight.oidc.provider-name", () -> "Test Council ID");
    }

    @AfterAll
    static void stopProvider() {
        IDP.shutdown();
    }

    @Autowired
    JdbcClient jdbc;

    /** A person's browser: keeps cookies, follows each redirect itself and remembers where it went. */
    final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        final List<String> visited = new ArrayList<>();

        HttpResponse<String> open(String url) {
            URI uri = URI.create(url.startsWith("/") ? "http://localhost:" + port + url : url);
            for (int hops = 0; hops < 10; hops++) {
                visited.add(uri.toString());
                HttpResponse<String> response = send(uri);
                if (response.statusCode() / 100 != 3) {
                    return response;
                }
                uri = uri.resolve(response.headers().firstValue("Location").orElseThrow());
            }
            throw new AssertionError("too many redirects: " + visited);
        }

        int status(String path) {
            return send(URI.create("http://localhost:" + port + path)).statusCode();
        }

        private HttpResponse<String> send(URI uri) {
            try {
                return client.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The provider will sign this person in (with these groups) at the next token request. */
    private static void providerKnows(String subject, String username, String name, List<String> groups) {
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of(CLIENT),
                Map.of("groups", groups, "preferred_username", username, "name", name), 3600));
    }

    private Browser signIn(String subject, String username, String name, List<String> groups) {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.open("/login");
        assertThat(login.body()).contains("Sign in with Test Council ID").contains("id=\"username\"");
        providerKnows(subject, username, name, groups);
        HttpResponse<String> end = browser.open("/oauth2/authorization/oidc");
        assertThat(browser.visited).as("went to the provider and back")
                .anyMatch(u -> u.startsWith(IDP.authorizationEndpointUrl("default").toString()))
                .anyMatch(u -> u.contains("/login/oauth2/code/oidc?code="));
        browser.visited.add("final " + end.statusCode() + " " + end.uri());
        return browser;
    }

    private String colPlan() {
        for (var p : http.get("/api/v1/local-authorities/80450/plans", "col.councillor").json()) {
            return p.get("id").asString();
        }
        throw new AssertionError("no City of London demo plan");
    }

    @Test
    void aManagerGroupSignsInAsThatLasManagerAndNoOtherLas() {
        Browser manager = signIn("sso-subject-col-1", "jo.sso", "Jo Single-Sign-On", List.of("everyone", "oversight-la-manager-80450"));
        assertThat(manager.visited.getLast()).as(manager.visited.toString()).isEqualTo("final 200 http://localhost:" + port + "/");

        var row = jdbc.sql("""
                SELECT u.role, la.urn, u.password_hash IS NULL, u.oidc_subject, u.display_name
                  FROM app_user u JOIN local_authority la ON la.id = u.la_id WHERE u.username = 'jo.sso'
                """).query((rs, i) -> List.of(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4), rs.getString(5))).single();
        assertThat(row).containsExactly("LA_MANAGER", 80450, true, "sso-subject-col-1", "Jo Single-Sign-On");

        String plan = colPlan();
        assertThat(manager.status("/local-authorities/80450/plans")).isEqualTo(200);
        assertThat(manager.status("/plans/" + plan + "/committee-report")).as("a manager-only page of their LA").isEqualTo(200);
        assertThat(manager.status("/local-authorities/80514/plans")).as("another LA").isEqualTo(403);

        Browser other = signIn("sso-subject-sw-1", "sam.sso", "Sam Southwark", List.of("oversight-la-manager-80514"));
        assertThat(other.status("/local-authorities/80514/plans")).isEqualTo(200);
        assertThat(other.status("/plans/" + plan + "/committee-report")).as("another LA's manager page: refused, or not even found").isIn(403, 404);
        assertThat(other.status("/local-authorities/80450/plans")).isEqualTo(403);

        // An SSO account has no password: HTTP Basic and the sign-in form never accept it.
        assertThat(new Http(port).get("/api/v1/local-authorities/80450/plans", "jo.sso").status()).isEqualTo(401);
    }

    @Test
    void theNextSignInTakesTheRoleAndLaFromTheGroupsAgain() {
        Browser first = signIn("sso-subject-moves", "alex.sso", "Alex Mover", List.of("oversight-la-staff-80450"));
        assertThat(first.status("/local-authorities/80450/plans")).isEqualTo(200);
        Browser later = signIn("sso-subject-moves", "alex.sso", "Alex Mover", List.of("oversight-councillor-80514"));
        assertThat(later.status("/local-authorities/80514/plans")).isEqualTo(200);
        assertThat(later.status("/local-authorities/80450/plans")).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE oidc_subject = 'sso-subject-moves'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void someoneWithNoMappedGroupIsRefusedOnAPageThatSaysWhy(CapturedOutput output) {
        Browser browser = signIn("sso-subject-nobody", "nobody.sso", "No Groups", List.of("everyone", "oversight-superuser-80450"));
        assertThat(browser.visited).anyMatch(u -> u.endsWith("/login/refused?reason=no-group"));
        HttpResponse<String> page = browser.open("/login/refused?reason=no-group");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You cannot sign in to Oversight").contains("not in any group that Oversight knows");
        assertThat(browser.status("/local-authorities/80450/plans")).as("not signed in").isEqualTo(302);
        assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'nobody.sso'").query(Integer.class).single()).isZero();
        assertThat(output.getAll()).contains("Single sign-on refused: no-group")
                .doesNotContain("nobody.sso").doesNotContain("No Groups").doesNotContain("sso-subject-nobody");
    }

    @Test
    void aLocalAccountsUsernameIsNeverTakenOver() {
        Browser browser = signIn("sso-subject-impostor", "col.manager", "Not The Manager", List.of("oversight-admin"));
        assertThat(browser.visited).anyMatch(u -> u.endsWith("/login/refused?reason=username-taken"));
        assertThat(browser.status("/actuator/prometheus")).isNotEqualTo(200);
        assertThat(jdbc.sql("SELECT role FROM app_user WHERE username = 'col.manager'").query(String.class).single()).isEqualTo("LA_MANAGER");
    }
}
