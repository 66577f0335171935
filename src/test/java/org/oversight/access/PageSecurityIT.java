package org.oversight.access;

import org.junit.jupiter.api.Test;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages: public reads, sign-in for writes, LA scoping, CSRF and security headers. */
class PageSecurityIT extends HttpTest {

    @Test
    void publishedDataIsPublic() {
        assertThat(http.get("/").status()).isEqualTo(200);
        assertThat(http.get("/local-authorities").status()).isEqualTo(200);
        assertThat(http.get("/local-authorities/80450").status()).isEqualTo(200);
        assertThat(http.get("/local-authorities/80450").body()).contains("Care leavers").contains("Short inspection");
        assertThat(http.get("/local-authorities/99").status()).isEqualTo(404);
        assertThat(http.get("/local-authorities/abc").status()).isEqualTo(404);
        assertThat(http.get("/no-such-page").status()).isIn(302, 404);
    }

    @Test
    void anonymousWritesAreSentToSignIn() {
        Http.Response post = http.postForm("/local-authorities/80450/activities", "type=FOCUSED_VISIT&theme=x");
        assertThat(post.status()).isIn(302, 401, 403);
        Http.Response form = http.get("/local-authorities/80450/activities/new");
        assertThat(form.status()).isEqualTo(302);
        assertThat(form.header("Location")).endsWith("/login");
    }

    @Test
    void onlyTheLasOwnEditorsGetItsForms() {
        assertThat(http.get("/local-authorities/80450/activities/new", "col.manager").status()).isEqualTo(200);
        assertThat(http.get("/local-authorities/80450/activities/new", "col.staff").status()).isEqualTo(200);
        assertThat(http.get("/local-authorities/80450/activities/new", "southwark.manager").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80450/activities/new", "col.councillor").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80450/activities/new", "inspector").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80450/activities/new", "admin").status()).isEqualTo(403);
    }

    @Test
    void formPostsNeedACsrfToken() {
        // Signed in (HTTP Basic) but without the form's CSRF token: refused.
        Http.Response response = http.post("/local-authorities/80450/activities", "{}", "col.manager");
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void securityHeadersAreSet() {
        Http.Response response = http.get("/local-authorities");
        assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'self'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(http.get("/api/v1/local-authorities/80450").header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void actuatorIsForAdministratorsExceptHealth() {
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus").status()).isIn(302, 401);
        assertThat(http.get("/actuator/prometheus", "col.manager").status()).isEqualTo(403);
        assertThat(http.get("/actuator/prometheus", "admin").status()).isEqualTo(200);
    }
}
