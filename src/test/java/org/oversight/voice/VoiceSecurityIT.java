package org.oversight.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A young person reaches their own record and nothing else: no staff page or API (every handler of Oversight is
 * tried), no other child's record; staff of another LA and roles without permission see nothing of theirs.
 */
class VoiceSecurityIT extends HttpTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    VoiceSignIn signIn;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    UUID la;

    @BeforeEach
    void data() {
        la = VoiceFixture.southwark(jdbc);
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Integer.class).single();
    }

    @Test
    void aSignedInYoungPersonGetsNoStaffPageOrApi() {
        VoiceFixture.SignedUp yp = VoiceFixture.signUp(port, signIn, la, "C3", Cohort.CARE_LEAVER, "Jay");
        yp.session().get("/my");
        List<String> reached = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.oversight")
                    || handler.getBeanType().getPackageName().startsWith("org.oversight.voice")) {
                continue;
            }
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            if (rule != null && rule.value().equals("permitAll()")) {
                continue; // published data, open to anyone
            }
            var methods = entry.getKey().getMethodsCondition().getMethods();
            String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
            for (String pattern : entry.getKey().getPatternValues()) {
                String path = concrete(pattern);
                tried++;
                if (path.startsWith("/api/")) {
                    // With the young person's own credentials, and with their portal session: neither is an Oversight account.
                    Http.Response basic = Browserless.json(port, method, path, method.equals("GET") ? null : "{}",
                            yp.signInName(), yp.password());
                    // 401, or 429 once its wrong passwords make that name wait: refused either way.
                    if (basic.status() != 401 && basic.status() != 429) {
                        reached.add(method + " " + path + " with their sign-in name -> " + basic.status());
                    }
                    continue;
                }
                Http.Response page = method.equals("GET") ? yp.session().get(path, accepts(entry.getKey()))
                        : yp.session().post(path, "x", "1");
                if (page.status() != 403) {
                    reached.add(method + " " + path + " with their portal session -> " + page.status());
                }
                yp.session().get("/my");
            }
        }
        assertThat(tried).as("staff handlers tried").isGreaterThan(40);
        assertThat(reached).as("staff pages and API a young person reached").isEmpty();
        assertThat(yp.session().get("/my").status()).as("still signed in to their own record").isEqualTo(200);
    }

    /** What the handler produces (JSON for a progress poll), else HTML. */
    private static String accepts(RequestMappingInfo info) {
        var produces = info.getProducesCondition().getProducibleMediaTypes();
        return produces.isEmpty() ? "text/html" : produces.iterator().next().toString();
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{format:[^}]*}", "pdf")
                .replaceAll("\\{urn}", "80514")
                .replaceAll("\\{childRef}", "C3")
                .replaceAll("\\{year}", "2024")
                .replaceAll("\\{[a-zA-Z]*[iI]d}", UUID.randomUUID().toString())
                .replaceAll("\\{[^}]+}", "x");
    }

    @Test
    void aYoungPersonCannotNameAnotherRecord() {
        VoiceFixture.SignedUp yp = VoiceFixture.signUp(port, signIn, la, "C3", Cohort.CARE_LEAVER, "Jay");
        int words = count("SELECT count(*) FROM yp_contribution WHERE la_id = ?", la);
        Http.Response other = Browserless.json(port, "GET", "/api/v1/young-people/A1", null, yp.signInName(), yp.password());
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.body()).contains("You can only see your own record");
        assertThat(count("SELECT count(*) FROM yp_access WHERE la_id = ? AND child_ref = 'C3' AND what LIKE 'refused: API: tried /api/v1/young-people/A1'", la))
                .as("the attempt is logged against their own record").isEqualTo(1);
        assertThat(yp.session().get("/local-authorities/80514/young-people/A1").status()).isEqualTo(403);
        assertThat(yp.session().get("/local-authorities/80514/children/A1").status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM yp_access WHERE la_id = ? AND child_ref = 'C3' AND what = 'refused: GET /local-authorities/80514/young-people/A1'", la))
                .as("a staff address tried by a young person is logged against their own record").isEqualTo(1);
        Http.Response notTheirs = yp.session().get("/my/plan/home");
        assertThat(notTheirs.status()).as("a care plan section is not in a pathway plan").isEqualTo(404);
        yp.session().get("/my");
        assertThat(yp.session().post("/my/plan/home", "words", "x").status()).isEqualTo(404);
        assertThat(count("SELECT count(*) FROM yp_contribution WHERE la_id = ?", la)).as("nothing changed").isEqualTo(words);
        assertThat(count("SELECT count(*) FROM yp_access WHERE la_id = ? AND child_ref = 'C3' AND what LIKE 'refused: no section%'", la)).isPositive();
        // A wrong password for the API is refused like the page.
        assertThat(Browserless.json(port, "GET", "/api/v1/young-people/me", null, yp.signInName(), "not it").status()).isEqualTo(401);
        assertThat(Browserless.json(port, "GET", "/api/v1/young-people/me", null, null, null).status()).isEqualTo(401);
    }

    @Test
    void aFreshCodeEndsTheOldSignIn() {
        VoiceFixture.SignedUp yp = VoiceFixture.signUp(port, signIn, la, "C3", Cohort.CARE_LEAVER, "Jay");
        assertThat(yp.session().get("/my").status()).isEqualTo(200);
        signIn.issue(la, "C3", Cohort.CARE_LEAVER, "Jay", "southwark.manager");
        Http.Response replaced = yp.session().get("/my");
        assertThat(replaced.status()).isEqualTo(403);
        assertThat(replaced.body()).contains("This sign-in has been replaced by a new code").contains("Your plan");
        assertThat(Browserless.json(port, "GET", "/api/v1/young-people/me", null, yp.signInName(), yp.password()).status()).isEqualTo(401);
    }

    @Test
    void staffOfAnotherLaAndRolesWithoutPermissionSeeNothing() {
        VoiceFixture.signUp(port, signIn, la, "C3", Cohort.CARE_LEAVER, "Jay");
        for (String path : List.of("/local-authorities/80514/young-people", "/local-authorities/80514/young-people/C3",
                "/local-authorities/80514/safety-alerts", "/local-authorities/80514/young-peoples-views")) {
            assertThat(http.get(path, "southwark.manager").status()).as(path).isEqualTo(200);
            for (String user : List.of("col.manager", "col.staff", "inspector", "analyst", "admin")) {
                assertThat(http.get(path, user).status()).as(user + " " + path).isEqualTo(403);
            }
            assertThat(http.get(path).status()).as("anonymous " + path).isEqualTo(302);
        }
        assertThat(http.get("/local-authorities/80514/young-people/C3", "col.councillor").status()).isEqualTo(403);
        assertThat(http.get("/local-authorities/80514/young-people/NOPE", "southwark.manager").status()).isEqualTo(404);
        // Staff are not young people: no portal page, no young person's API.
        assertThat(http.get("/my", "col.staff").status()).isIn(302, 403);
        assertThat(Browserless.json(port, "GET", "/api/v1/young-people/me", null, "southwark.manager", PASSWORD).status()).isEqualTo(401);
        // Another LA's staff cannot issue a code for this child.
        int invitations = count("SELECT count(*) FROM yp_invitation WHERE la_id = ?", la);
        Browserless col = new Browserless(port, "col.manager", PASSWORD);
        col.get("/local-authorities/80450/young-people");
        assertThat(col.post("/local-authorities/80514/young-people/C3/invitation", "firstName", "Mallory").status()).isEqualTo(403);
        assertThat(count("SELECT count(*) FROM yp_invitation WHERE la_id = ?", la)).isEqualTo(invitations);
    }

    @Test
    void theWorkerIssuesACodeShownOnceAndBadInputIsExplained() {
        Browserless manager = new Browserless(port, "southwark.manager", PASSWORD);
        manager.get("/local-authorities/80514/young-people/B2");
        Http.Response blank = manager.post("/local-authorities/80514/young-people/B2/invitation", "firstName", " ");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("Enter the name the young person wants us to use");
        Http.Response issued = manager.post("/local-authorities/80514/young-people/B2/invitation", "firstName", "Alex");
        assertThat(issued.status()).isEqualTo(302);
        String page = manager.get("/local-authorities/80514/young-people/B2").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"issued-code\">([A-Z2-9-]{14})<").matcher(page);
        assertThat(m.find()).isTrue();
        assertThat(page).contains("Care plan").contains("Invitation code issued for Alex");
        assertThat(manager.get("/local-authorities/80514/young-people/B2").body()).as("shown once").doesNotContain(m.group(1));
        assertThat(count("SELECT count(*) FROM yp_invitation WHERE code_hash = ? AND issued_by = 'southwark.manager'",
                VoiceSignIn.hash(m.group(1)))).isEqualTo(1);
        Http.Response summary = manager.post("/local-authorities/80514/young-people/B2/sections/home", "summary", "You live with foster carers in Dulwich.");
        assertThat(summary.status()).isEqualTo(302);
        assertThat(manager.post("/local-authorities/80514/young-people/B2/sections/money", "summary", "x").status())
                .as("a pathway plan section is not in a care plan").isEqualTo(404);
        Browserless yp = new Browserless(port);
        yp.get("/my/start");
        assertThat(yp.post("/my/start", "code", m.group(1), "password", "short", "confirm", "short").body())
                .contains("Your password needs at least 8");
        assertThat(yp.post("/my/start", "code", m.group(1), "password", "long enough", "confirm", "long enougH").body())
                .contains("The two passwords are not the same");
        assertThat(yp.post("/my/start", "code", m.group(1), "password", "long enough", "confirm", "long enough").status()).isEqualTo(302);
        assertThat(yp.get("/my").body()).contains("Hello Alex").contains("Your care plan").contains("You live with foster carers in Dulwich.");
    }
}
