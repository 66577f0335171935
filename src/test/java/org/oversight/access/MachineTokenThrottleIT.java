package org.oversight.access;

import java.time.Duration;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.shared.db.TenantScope;
import org.oversight.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machine tokens are throttled (issue 16): an address that sends unknown or revoked tokens waits, longer after each one
 * past its free failures, and meanwhile no token from it is looked at (429 with Retry-After); a valid token past its
 * requests a minute gets 429 with Retry-After until its minute ends. The real filter, throttle and database, with
 * limits small enough to reach (the test profile lifts the per-address limit for every other test, whose requests all
 * come from this machine), each test from addresses of its own.
 */
@SpringBootTest
class MachineTokenThrottleIT extends IntegrationTest {

    private static final String PATH = "/api/v1/local-authorities/80450/children";

    @Autowired
    MachineTokens tokens;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    JsonMapper json;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    JdbcClient jdbc;

    MachineTokenFilter filter;
    String secret;
    UUID tokenId;

    @BeforeEach
    void aTokenOfCityOfLondon() {
        filter = new MachineTokenFilter(tokens, throttle, new ApiTokenProperties(3, 2, Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofHours(6)), json);
        secret = MachineTokens.PREFIX + UUID.randomUUID().toString().replace("-", "") + "throttle";
        tokenId = TenantScope.asSystem(() -> jdbc.sql("""
                INSERT INTO la_api_token (la_id, name, token_hash, hint, created_by, created_at)
                SELECT id, 'Throttle test', ?, 'test', 'test', now() FROM local_authority WHERE urn = 80450 RETURNING id""")
                .param(MachineTokens.hash(secret)).query(UUID.class).single());
    }

    private static String address() {
        return "198.51.100." + (1 + (int) (Math.random() * 250)) + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** A payload request with this bearer token from this address; whether it reached the endpoint is in {@code chain}. */
    private MockHttpServletResponse send(String address, String token, MockFilterChain chain) throws Exception {
        MockHttpServletRequest req = new MockHttpServletRequest("POST", PATH);
        req.setRequestURI(PATH);
        req.setRemoteAddr(address);
        req.addHeader("Authorization", "Bearer " + token);
        MockHttpServletResponse res = new MockHttpServletResponse();
        filter.doFilter(req, res, chain);
        return res;
    }

    private double count(String outcome) {
        return metrics.counter("oversight.api.tokens", "outcome", outcome).count();
    }

    @Test
    void anAddressSendingBadTokensWaitsLongerAndLonger() throws Exception {
        String from = address();
        double throttledBefore = count("throttled");
        String unknown = MachineTokens.PREFIX + "not-a-token-" + UUID.randomUUID();
        assertThat(send(from, unknown, new MockFilterChain()).getStatus()).isEqualTo(401);
        assertThat(send(from, unknown, new MockFilterChain()).getStatus()).as("the second failure is still answered").isEqualTo(401);

        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse waiting = send(from, unknown, chain);
        assertThat(waiting.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(waiting.getHeader("Retry-After"))).isBetween(25L, 30L);
        assertThat(waiting.getContentAsString()).contains("Too many unknown or revoked API tokens were sent from this address");
        assertThat(send(from, secret, chain).getStatus()).as("while it waits, not even a valid token is looked at").isEqualTo(429);
        assertThat(chain.getRequest()).as("nothing reached the endpoint").isNull();
        assertThat(count("throttled")).isEqualTo(throttledBefore + 2);

        // The wait grows with each further failure (here, the wait runs out at once, as if 30 seconds had passed).
        String key = "api-token-ip:" + from;
        TenantScope.asSystem(() -> jdbc.sql("UPDATE sign_in_throttle SET next_allowed_at = now() - interval '1 second' WHERE throttle_key = ?")
                .param(key).update());
        assertThat(send(from, unknown, new MockFilterChain()).getStatus()).isEqualTo(401);
        MockHttpServletResponse longer = send(from, unknown, new MockFilterChain());
        assertThat(longer.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(longer.getHeader("Retry-After"))).as("twice the first wait").isBetween(55L, 60L);

        // A revoked token counts as a failure too; another address is not touched.
        String other = address();
        TenantScope.asSystem(() -> jdbc.sql("UPDATE la_api_token SET revoked_at = now(), revoked_by = 'test' WHERE id = ?").param(tokenId).update());
        assertThat(send(other, secret, new MockFilterChain()).getStatus()).isEqualTo(401);
        assertThat(send(other, secret, new MockFilterChain()).getStatus()).isEqualTo(401);
        assertThat(send(other, secret, new MockFilterChain()).getStatus()).isEqualTo(429);
        assertThat(send(address(), secret, new MockFilterChain()).getStatus()).as("a third address").isEqualTo(401);
    }

    @Test
    void aValidTokenPastItsRequestsAMinuteWaitsForTheMinuteToEnd() throws Exception {
        String from = address();
        double limitedBefore = count("rate_limited");
        for (int i = 0; i < 3; i++) {
            MockFilterChain chain = new MockFilterChain();
            assertThat(send(from, secret, chain).getStatus()).isEqualTo(200);
            assertThat(chain.getRequest()).as("request " + (i + 1) + " reached the endpoint").isNotNull();
        }
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse limited = send(from, secret, chain);
        assertThat(limited.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.getContentAsString()).contains("more than 3 requests in a minute");
        assertThat(chain.getRequest()).isNull();
        assertThat(send(address(), secret, new MockFilterChain()).getStatus()).as("per token, from any address").isEqualTo(429);

        var events = TenantScope.asSystem(() -> jdbc.sql("SELECT outcome || ' ' || status || ' ' || detail FROM la_api_token_event WHERE token_id = ? "
                + "ORDER BY id").param(tokenId).query(String.class).list());
        assertThat(events).hasSize(4).filteredOn(e -> e.startsWith("RATE_LIMITED 429")).as("recorded once a minute").hasSize(1);
        assertThat(String.join("\n", events)).doesNotContain(secret);
        assertThat(count("rate_limited")).as("every refusal counted").isEqualTo(limitedBefore + 2);
        assertThat(TenantScope.asSystem(() -> jdbc.sql("SELECT uses FROM la_api_token WHERE id = ?").param(tokenId).query(Long.class).single()))
                .as("refused requests are not uses").isEqualTo(3);

        // The next minute (here: its start moved back a minute) the token is served again.
        TenantScope.asSystem(() -> jdbc.sql("UPDATE la_api_token SET rate_window_start = rate_window_start - interval '61 seconds' WHERE id = ?")
                .param(tokenId).update());
        MockFilterChain again = new MockFilterChain();
        assertThat(send(from, secret, again).getStatus()).isEqualTo(200);
        assertThat(again.getRequest()).isNotNull();
        // A valid token never counts a failure of its address.
        assertThat(throttle.failures(new SignInThrottle.Key("api-token-ip:" + from, new ApiTokenProperties(3, 2, Duration.ofSeconds(30),
                Duration.ofMinutes(15), Duration.ofHours(6)).address()))).isZero();
    }
}
