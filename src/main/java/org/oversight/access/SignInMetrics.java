package org.oversight.access;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Counts sign-ins for the metrics (oversight_sign_ins_total, tagged by method and outcome): successes through the
 * sign-in form or single sign-on, failures of any password or provider check; and logs each without saying who.
 */
@Component
class SignInMetrics {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignInMetrics.class);

    private final MeterRegistry registry;

    SignInMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        count(event.getAuthentication(), "success");
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        count(event.getAuthentication(), "failure");
    }

    private void count(Authentication authentication, String outcome) {
        String method = authentication instanceof UsernamePasswordAuthenticationToken ? "password" : "oidc";
        registry.counter("oversight.sign.ins", "method", method, "outcome", outcome).increment();
        log.info("Sign-in {} ({})", outcome, method); // never who: usernames and names stay out of the logs
    }
}
