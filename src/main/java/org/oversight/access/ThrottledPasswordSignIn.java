package org.oversight.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Staff sign-in with a password (the form and HTTP Basic, pages and API): the one authentication provider, throttled
 * per account and per address by {@link SignInThrottle} with growing waits, and not at all for a device that has
 * signed in to the account before ({@link DeviceCookies}). Each failure is logged with the account's id and the
 * address (never the username typed, which may be a password typed in the wrong box, and never the password) and
 * counted in {@code oversight_sign_in_failures_total}.
 */
@Component
class ThrottledPasswordSignIn implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledPasswordSignIn.class);

    private final DaoAuthenticationProvider passwords;
    private final UserAccounts accounts;
    private final SignInThrottle throttle;
    private final DeviceCookies devices;
    private final SignInProperties properties;
    private final MeterRegistry metrics;

    ThrottledPasswordSignIn(UserAccounts accounts, PasswordEncoder encoder, SignInThrottle throttle, DeviceCookies devices,
                            SignInProperties properties, MeterRegistry metrics) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(encoder);
        this.accounts = accounts;
        this.throttle = throttle;
        this.devices = devices;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName() == null ? "" : authentication.getName().trim().toLowerCase(Locale.ROOT);
        HttpServletRequest request = DeviceCookies.currentRequest();
        String address = request == null ? "unknown" : request.getRemoteAddr();
        Optional<OversightUser> account = name.isEmpty() ? Optional.empty() : accounts.find(name);
        String who = account.map(u -> "account " + u.id()).orElse("an unknown account");
        String principal = account.map(u -> "staff:" + u.id()).orElse(null);
        Optional<String> token = devices.token(request);
        SignInThrottle.Key accountKey = new SignInThrottle.Key("staff:" + (name.length() > 200 ? name.substring(0, 200) : name), properties.account());
        SignInThrottle.Key addressKey = new SignInThrottle.Key("staff-ip:" + address, properties.address());
        SignInThrottle.Key deviceKey = token.map(t -> new SignInThrottle.Key(DeviceCookies.key(t), properties.device())).orElse(null);
        boolean knownDevice = deviceKey != null && principal != null && devices.known(token.get(), principal)
                && throttle.failures(deviceKey) < properties.deviceFreeFailures();
        List<SignInThrottle.Key> keys = knownDevice ? List.of(deviceKey) : List.of(accountKey, addressKey);

        SignInThrottle.Claim claim = throttle.claim(keys);
        if (claim instanceof SignInThrottle.Wait wait) {
            metrics.counter("oversight.sign.in.failures", "who", "staff", "reason", "waiting").increment();
            log.warn("Sign-in refused without a check: {} from {} must wait {} ({} has too many failures)", who, address,
                    SignInProperties.words(wait.seconds()), wait.key().policy().name());
            throw new SignInDelayedException(wait.seconds());
        }
        SignInThrottle.Attempt attempt = (SignInThrottle.Attempt) claim;
        try {
            Authentication result = passwords.authenticate(authentication);
            // A known device clears its own failures only: the waits an attacker piled on the account stay for other devices.
            List<SignInThrottle.Key> reset = new ArrayList<>(knownDevice ? List.of() : List.of(accountKey));
            if (deviceKey != null) {
                reset.add(deviceKey);
            }
            attempt.succeeded(reset);
            if (principal != null && request != null) {
                devices.remember(request, DeviceCookies.currentResponse(), principal);
            }
            return result;
        } catch (BadCredentialsException e) {
            int failures = attempt.failed();
            metrics.counter("oversight.sign.in.failures", "who", "staff", "reason", "password").increment();
            log.warn("Sign-in failed: {} from {}{}, {} failure{} in a row", who, address, knownDevice ? " (a known device)" : "", failures,
                    failures == 1 ? "" : "s");
            throw e;
        } catch (RuntimeException e) {
            attempt.released();
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
