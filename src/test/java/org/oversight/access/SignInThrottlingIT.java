package org.oversight.access;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oversight.support.Http;
import org.oversight.support.HttpTest;
import org.oversight.support.Session;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Staff sign-in under attack: thirty wrong passwords at ten a second, then the right one, no longer get in from a new
 * device; the right person still does from a device that signed in before; there is no lock to aim at anyone (only a
 * wait, per account and per address); passwords sent at once are checked one at a time past the free failures; every
 * failure is logged with the account's id and counted.
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottlingIT extends HttpTest {

    private static final String USER = "throttle.staff";

    @Autowired
    UserAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    DeviceCookies devices;
    @Autowired
    SignInProperties properties;

    @BeforeEach
    @AfterEach
    void fresh() {
        accounts.upsert(USER, "Throttle Staff", encoder.encode(PASSWORD), Role.LA_STAFF, 80450, false);
        for (int i = 0; i < 4; i++) {
            accounts.upsert("spray" + i, "Spray " + i, encoder.encode(PASSWORD), Role.LA_STAFF, 80450, false);
        }
        jdbc.sql("DELETE FROM sign_in_throttle WHERE throttle_key LIKE 'staff%' OR throttle_key LIKE 'device:%'").update();
    }

    private double failures(String reason) {
        var counter = metrics.find("oversight.sign.in.failures").tag("who", "staff").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void thirtyWrongPasswordsThenTheRightOneDoNotGetInButTheRightPersonsDeviceDoes(CapturedOutput output) throws Exception {
        Session known = new Session(port);
        assertThat(known.signIn(USER, PASSWORD).header("Location")).doesNotContain("error").doesNotContain("wait");
        assertThat(known.cookies().getCookieStore().getCookies()).extracting(HttpCookie::getName).contains(DeviceCookies.COOKIE);
        known.get("/");
        assertThat(known.post("/logout").status()).isEqualTo(302);

        double wrongBefore = failures("password");
        double waitingBefore = failures("waiting");
        Session attacker = new Session(port);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            outcomes.add(attacker.signIn(USER, "guess-" + i).header("Location"));
            Thread.sleep(100);
        }
        assertThat(outcomes.subList(0, 5)).allSatisfy(l -> assertThat(l).endsWith("/login?error"));
        assertThat(outcomes.subList(5, 30)).allSatisfy(l -> assertThat(l).matches(".*/login\\?wait=[0-9]+"));
        Http.Response right = attacker.signIn(USER, PASSWORD);
        assertThat(right.header("Location")).as("the right password from a new device waits too").matches(".*/login\\?wait=[0-9]+");
        assertThat(attacker.get("/login?" + right.header("Location").split("\\?")[1]).body()).contains("Too many wrong passwords have been tried")
                .containsPattern("Wait [0-9]+ seconds");
        assertThat(throttle.failures(new SignInThrottle.Key("staff:" + USER, properties.account())))
                .as("only five passwords were checked").isEqualTo(5);
        assertThat(failures("password") - wrongBefore).isEqualTo(5);
        assertThat(failures("waiting") - waitingBefore).isEqualTo(26);
        assertThat(http.get("/api/v1/local-authorities/80450/plans", USER).status()).as("HTTP Basic waits as well").isEqualTo(429);

        // The person whose account it is, on the computer they signed in from before: straight in, and the waits are gone.
        Http.Response back = known.signIn(USER, PASSWORD);
        assertThat(back.header("Location")).doesNotContain("error").doesNotContain("wait");
        assertThat(known.get("/local-authorities/80450").status()).isEqualTo(200);
        assertThat(attacker.signIn(USER, PASSWORD).header("Location")).as("the attacker's device still waits").matches(".*/login\\?wait=[0-9]+");

        String id = accounts.find(USER).orElseThrow().id().toString();
        assertThat(output.getAll()).contains("Sign-in failed: account " + id + " from ").contains("Sign-in refused without a check: account " + id)
                .doesNotContain("guess-1").doesNotContain(USER + " from");
    }

    @Test
    void theApiWithTheDeviceCookieOfAnEarlierSignInIsNotMadeToWait() {
        Session known = new Session(port);
        known.signIn(USER, PASSWORD);
        String cookie = known.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(DeviceCookies.COOKIE)).findFirst()
                .orElseThrow().getValue();
        for (int i = 0; i < 7; i++) {
            new Http(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/local-authorities/80450/plans"))
                    .header("Authorization", basic(USER, "wrong-" + i)).GET(), null);
        }
        Http.Response waiting = http.get("/api/v1/local-authorities/80450/plans", USER);
        assertThat(waiting.status()).isEqualTo(429);
        assertThat(waiting.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(waiting.json().get("detail").asString()).startsWith("Too many wrong passwords for this account or from this address. Wait ");
        Http.Response withDevice = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/local-authorities/80450/plans"))
                .header("Cookie", DeviceCookies.COOKIE + "=" + cookie).GET(), USER);
        assertThat(withDevice.status()).isEqualTo(200);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The provider itself, as a request from the given address (and device token) would reach it. */
    private ThrottledPasswordSignIn provider(SignInProperties limits) {
        return new ThrottledPasswordSignIn(accounts, encoder, throttle, devices, limits, metrics);
    }

    private static void from(String address, String deviceToken) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        if (deviceToken != null) {
            request.setCookies(new jakarta.servlet.http.Cookie(DeviceCookies.COOKIE, deviceToken));
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request, new MockHttpServletResponse()));
    }

    @Test
    void oneAddressSprayingManyAccountsWaitsButOtherAddressesAndKnownDevicesDoNot() {
        SignInProperties strict = new SignInProperties(5, 3, 10, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(6));
        ThrottledPasswordSignIn signIn = provider(strict);
        try {
            from("198.51.100.7", null);
            for (int i = 0; i < 3; i++) {
                int n = i;
                assertThatThrownBy(() -> signIn.authenticate(new UsernamePasswordAuthenticationToken("spray" + n, "wrong")))
                        .isInstanceOf(BadCredentialsException.class);
            }
            assertThatThrownBy(() -> signIn.authenticate(new UsernamePasswordAuthenticationToken("spray3", PASSWORD)))
                    .as("the address waits, whichever account").isInstanceOf(SignInDelayedException.class);
            from("203.0.113.9", null);
            assertThat(signIn.authenticate(new UsernamePasswordAuthenticationToken("spray3", PASSWORD)).isAuthenticated())
                    .as("another address is not touched").isTrue();
            // A device that has signed in to spray2 before gets in from the waiting address.
            MockHttpServletResponse issued = new MockHttpServletResponse();
            devices.remember(new MockHttpServletRequest(), issued, "staff:" + accounts.find("spray2").orElseThrow().id());
            String token = issued.getHeader("Set-Cookie").split(";")[0].split("=", 2)[1];
            from("198.51.100.7", token);
            assertThat(signIn.authenticate(new UsernamePasswordAuthenticationToken("spray2", PASSWORD)).isAuthenticated()).isTrue();
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void fortyPasswordsSentAtOnceAreCheckedOneByOnePastTheFreeFailures() throws Exception {
        ThrottledPasswordSignIn signIn = provider(properties);
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    from("192.0.2." + (n + 1), null);
                    try {
                        signIn.authenticate(new UsernamePasswordAuthenticationToken(USER, "wrong-" + n));
                        return "in";
                    } catch (SignInDelayedException e) {
                        return "waited";
                    } catch (BadCredentialsException e) {
                        return "checked";
                    } finally {
                        RequestContextHolder.resetRequestAttributes();
                    }
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes.stream().filter("checked"::equals).count()).as(outcomes.toString()).isEqualTo(5);
            assertThat(outcomes.stream().filter("waited"::equals).count()).isEqualTo(35);
            assertThat(throttle.failures(new SignInThrottle.Key("staff:" + USER, properties.account()))).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theWaitDoublesPastTheFreeFailuresUpToItsCeiling() {
        SignInThrottle.Policy p = new SignInThrottle.Policy("account", 5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(6));
        assertThat(p.delayAfter(4)).isZero();
        assertThat(p.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.delayAfter(10)).isEqualTo(Duration.ofSeconds(32));
        assertThat(p.delayAfter(100)).isEqualTo(Duration.ofMinutes(15));
    }
}
