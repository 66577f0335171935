package org.oversight.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oversight.access.DeviceCookies;
import org.oversight.compliance.ChildSummaries.Cohort;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The young person's portal under attack: guessing at Jay's sign-in name from many addresses makes new devices wait,
 * but never keeps Jay out: their signed-in session keeps "I don't feel safe", their own phone signs in straight away,
 * their app (with the device cookie) reaches the safety alert through the API, and a new device is told who to call.
 * Staff credentials sent to the portal's API are not counted against anyone; forty guesses at once are checked five
 * times; the name typed (a password in the wrong box, say) never reaches the log or the database.
 */
@ExtendWith(OutputCaptureExtension.class)
class PortalThrottlingIT extends HttpTest {

    @Autowired
    VoiceSignIn signIn;
    @Autowired
    JdbcClient jdbc;

    UUID la;

    @BeforeEach
    void data() {
        la = VoiceFixture.southwark(jdbc);
    }

    private int count(String sql, Object... params) {
        return TenantScope.asSystem(() -> jdbc.sql(sql).params(List.of(params)).query(Integer.class).single());
    }

    private Http.Response api(String method, String path, String json, String user, String password, String cookie) {
        return Browserless.json(port, method, path, json, user, password, cookie);
    }

    @Test
    void guessingAtJaysNameNeverKeepsJayOutOrFromTheSafetyAlert() {
        VoiceFixture.SignedUp jay = VoiceFixture.signUp(port, signIn, la, "C3", Cohort.CARE_LEAVER, "Jay");
        String device = jay.session().cookie(DeviceCookies.COOKIE);
        assertThat(device).as("the phone Jay signed up on is remembered").isNotNull();

        // Ten guesses at Jay's name, each from a different client, none with Jay's device cookie.
        for (int i = 0; i < 10; i++) {
            api("GET", "/api/v1/young-people/me", null, jay.signInName(), "guess " + i, null);
        }
        Http.Response stranger = api("GET", "/api/v1/young-people/me", null, jay.signInName(), jay.password(), null);
        assertThat(stranger.status()).as("the right password from a new device waits").isEqualTo(429);
        assertThat(stranger.header("Retry-After")).matches("[1-9][0-9]*");

        // A new phone waits, and is told it need not wait to get help.
        Browserless borrowed = new Browserless(port);
        borrowed.get("/my/sign-in");
        Http.Response waits = borrowed.post("/my/sign-in", "name", jay.signInName(), "password", jay.password());
        assertThat(waits.status()).isEqualTo(429);
        assertThat(waits.body()).contains("Too many tries. Wait ").contains("id=\"wait-help\"").contains("call 999").contains("0800 1111");

        // Jay's signed-in session: "I don't feel safe" goes through at once.
        int alerts = count("SELECT count(*) FROM yp_safety_alert WHERE la_id = ? AND child_ref = 'C3'", la);
        jay.session().get("/my");
        assertThat(jay.session().post("/my/safe", "message", "Someone keeps trying to get into my account").status()).isEqualTo(302);
        assertThat(count("SELECT count(*) FROM yp_safety_alert WHERE la_id = ? AND child_ref = 'C3'", la)).isEqualTo(alerts + 1);

        // Jay's app, which holds the device cookie: straight through to the safety alert too.
        Http.Response app = api("POST", "/api/v1/young-people/me/safety-alerts", "{\"message\":\"help\"}", jay.signInName(), jay.password(),
                DeviceCookies.COOKIE + "=" + device);
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        assertThat(count("SELECT count(*) FROM yp_safety_alert WHERE la_id = ? AND child_ref = 'C3'", la))
                .as("the app's alert joins the one Jay raised a moment ago, still open").isEqualTo(alerts + 1);
        assertThat(count("SELECT count(*) FROM yp_safety_alert WHERE la_id = ? AND child_ref = 'C3' AND message LIKE '%account%help'", la))
                .as("with both messages, in order").isEqualTo(1);

        // Signed out and back in on the same phone: no wait; and the stranger's device still waits.
        jay.session().get("/my");
        assertThat(jay.session().post("/my/sign-out").status()).isEqualTo(302);
        jay.session().get("/my/sign-in");
        Http.Response back = jay.session().post("/my/sign-in", "name", jay.signInName(), "password", jay.password());
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.header("Location")).endsWith("/my");
        assertThat(api("GET", "/api/v1/young-people/me", null, jay.signInName(), jay.password(), null).status()).isEqualTo(429);
    }

    @Test
    void staffCredentialsSentToThePortalApiAreNotCountedAgainstAnyone() {
        VoiceFixture.SignedUp jay = VoiceFixture.signUp(port, signIn, la, "A1", Cohort.CHILD_IN_CARE, "Sam");
        int before = count("SELECT count(*) FROM sign_in_throttle WHERE throttle_key LIKE 'yp%'");
        for (int i = 0; i < 20; i++) {
            assertThat(api("GET", "/api/v1/young-people/me", null, "southwark.manager", PASSWORD, null).status()).isEqualTo(401);
        }
        assertThat(count("SELECT count(*) FROM sign_in_throttle WHERE throttle_key LIKE 'yp%'")).as("no counter touched").isEqualTo(before);
        assertThat(count("SELECT coalesce(sum(failures), 0)::int FROM sign_in_throttle WHERE throttle_key LIKE 'yp-ip:%'")).isZero();
        assertThat(api("GET", "/api/v1/young-people/me", null, jay.signInName(), jay.password(), null).status())
                .as("a young person at the same address signs in").isEqualTo(200);
    }

    @Test
    void fortyGuessesAtOnceAreCheckedFiveTimes() throws Exception {
        VoiceFixture.SignedUp alex = VoiceFixture.signUp(port, signIn, la, "B2", Cohort.CHILD_IN_CARE, "Alex");
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                results.add(pool.submit(() -> api("GET", "/api/v1/young-people/me", null, alex.signInName(), "guess " + n, null).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses.stream().filter(s -> s == 401).count()).as(statuses.toString()).isEqualTo(5);
            assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(35);
            assertThat(count("SELECT count(*) FROM yp_sign_in_event WHERE account_id IS NULL AND la_id = ? AND outcome = 'BAD_PASSWORD' AND at > now() - interval '5 minutes'", la))
                    .isGreaterThanOrEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPasswordTypedInTheNameBoxReachesNeitherTheLogNorTheDatabase(CapturedOutput output) {
        Browserless page = new Browserless(port);
        page.get("/my/sign-in");
        String secret = "my-secret-pass-7731";
        assertThat(page.post("/my/sign-in", "name", secret, "password", "").status()).isEqualTo(400);
        page.get("/my/sign-in");
        assertThat(page.post("/my/sign-in", "name", "otter-9999", "password", secret).status()).isEqualTo(400);
        assertThat(output.getAll()).doesNotContain(secret).doesNotContain("otter-9999");
        assertThat(count("SELECT count(*) FROM yp_sign_in_event WHERE subject LIKE ?", "%" + secret + "%")).isZero();
        assertThat(count("SELECT count(*) FROM yp_sign_in_event WHERE subject LIKE '%otter-9999%'")).isZero();
    }
}
