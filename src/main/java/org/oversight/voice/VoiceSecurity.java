package org.oversight.voice;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import org.oversight.access.SignInDelayedException;
import org.oversight.access.SignInProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The young person's portal has filter chains of its own, ahead of the staff chains: pages under {@code /my} (session,
 * CSRF, sign-in by invitation code or sign-in name and password through {@link VoiceSignIn}) and the API under
 * {@code /api/v1/young-people} (stateless, HTTP Basic with the sign-in name and password). Neither accepts a staff
 * account, and no staff rule accepts {@link YoungPersonPrincipal#AUTHORITY}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class VoiceSecurity {

    @Bean
    @Order(-2)
    SecurityFilterChain youngPersonApiChain(HttpSecurity http, VoiceSignIn signIn, JsonMapper json) throws Exception {
        http.securityMatcher("/api/v1/young-people", "/api/v1/young-people/**")
                .authenticationManager(new ProviderManager(new BasicSignIn(signIn)))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("YOUNG_PERSON"))
                .httpBasic(basic -> basic.realmName("Oversight - your plan").authenticationEntryPoint((req, res, ex) -> {
                    if (ex instanceof SignInDelayedException delayed) {
                        res.setHeader("Retry-After", String.valueOf(delayed.seconds()));
                        problem(res, json, HttpStatus.TOO_MANY_REQUESTS, "Too many tries. Wait " + SignInProperties.words(delayed.seconds())
                                + " and try again. From an app or device that has signed in before, your right password is not made to wait.",
                                req.getRequestURI());
                        return;
                    }
                    problem(res, json, HttpStatus.UNAUTHORIZED, "Sign in with your sign-in name and password (HTTP Basic)", req.getRequestURI());
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((req, res, denied) ->
                        problem(res, json, HttpStatus.FORBIDDEN, "Only a young person signed in to their own record can use this",
                                req.getRequestURI())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless, credentials in each request and no cookies: there is no session for CSRF to ride on.
                .csrf(csrf -> csrf.disable())
                .headers(VoiceSecurity::headers);
        return http.build();
    }

    @Bean
    @Order(-1)
    SecurityFilterChain youngPersonPageChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/my", "/my/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/my/start", "/my/sign-in").permitAll()
                        .anyRequest().hasRole("YOUNG_PERSON"))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/my/sign-in")))
                .logout(logout -> logout.logoutUrl("/my/sign-out").logoutSuccessUrl("/my/sign-in?signedOut").permitAll())
                .headers(VoiceSecurity::headers);
        return http.build();
    }

    /** The staff pages' headers, with no referrer at all: a young person's links never tell another site where they were. */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        org.oversight.access.SecurityConfiguration.headers(headers, ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER);
    }

    private static void problem(HttpServletResponse res, JsonMapper json, HttpStatus status, String detail, String path)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(path));
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), problem);
    }

    /** The API's HTTP Basic: the young person's sign-in name and password, rate-limited and logged like the page. */
    static final class BasicSignIn implements AuthenticationProvider {
        private final VoiceSignIn signIn;

        BasicSignIn(VoiceSignIn signIn) {
            this.signIn = signIn;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String ip = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "unknown";
            VoiceSignIn.Outcome outcome = signIn.signIn(authentication.getName(), String.valueOf(authentication.getCredentials()), ip);
            if (outcome.ok()) {
                return outcome.principal().authentication();
            }
            if (outcome.refusal() == VoiceSignIn.Refusal.WAIT) {
                throw new SignInDelayedException(outcome.waitSeconds());
            }
            throw new BadCredentialsException("Sign-in name or password not right");
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }

}
