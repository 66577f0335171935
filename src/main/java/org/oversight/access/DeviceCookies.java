package org.oversight.access;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oversight.shared.Checksums;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Device cookies (OWASP's defence against lockout attacks): a browser or app that has signed in to an account gets a
 * random token, kept only as its SHA-256 with the account. Its right password is then checked without the waits an
 * attacker has piled on the account or the address; its own wrong passwords count against the device, which loses
 * the exemption after a few. The token proves nothing by itself: the password is always checked.
 */
@Component
public class DeviceCookies {

    public static final String COOKIE = "oversight-device";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();
    private final Duration keep;
    private final boolean secure;

    DeviceCookies(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
                  @Value("${oversight.sign-in.device-days:180}") int days, @Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.keep = Duration.ofDays(days);
        this.secure = secure;
    }

    /** The device token the current request carries, if any. */
    public Optional<String> token(HttpServletRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie c : request.getCookies()) {
            if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[A-Za-z0-9_-]{20,100}")) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** Whether this token has signed in to the account before (and not too long ago). */
    public boolean known(String token, String principal) {
        return jdbc.sql("SELECT count(*) FROM sign_in_device WHERE token_hash = ? AND principal_key = ? AND last_used_at > ?")
                .params(hash(token), principal, Timestamp.from(clock.instant().minus(keep))).query(Integer.class).single() > 0;
    }

    /** The throttle key of a device: its failures are its own. */
    public static String key(String token) {
        return "device:" + hash(token).substring(0, 32);
    }

    /**
     * After a right password: remembers the device for the account, giving it a token first if it has none, and
     * sets the cookie on the current response.
     */
    public void remember(HttpServletRequest request, HttpServletResponse response, String principal) {
        String token = token(request).orElse(null);
        if (token == null) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        Instant now = clock.instant();
        String hash = hash(token);
        tx.executeWithoutResult(s -> jdbc.sql("""
                INSERT INTO sign_in_device (token_hash, principal_key, created_at, last_used_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (token_hash, principal_key) DO UPDATE SET last_used_at = EXCLUDED.last_used_at""")
                .params(hash, principal, Timestamp.from(now), Timestamp.from(now)).update());
        if (response != null && !response.isCommitted()) {
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, token).httpOnly(true).secure(secure).sameSite("Lax").path("/")
                    .maxAge(keep).build().toString());
        }
    }

    /** The current request and response (sign-in happens inside a request). */
    public static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    public static HttpServletResponse currentResponse() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getResponse() : null;
    }

    private static String hash(String token) {
        return Checksums.sha256(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
