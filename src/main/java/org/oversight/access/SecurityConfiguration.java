package org.oversight.access;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default. Two filter chains: the JSON API (stateless, HTTP Basic, errors as ProblemDetail) and the
 * pages (form login, session, CSRF). URL rules only open what is public; every handler also declares its own
 * rule with an {@link AccessRules} annotation, checked by method security.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * No Micrometer observation around each of Spring Security's filters, authentications and authorizations: with a
     * registry present, every request opened and closed one per filter (about 15), which profiled at about 5 % of a
     * page's CPU under load (issue 15, JFR). Requests are still timed as a whole ({@code http.server.requests}) and
     * sign-ins counted by Oversight's own metrics ({@code oversight_sign_ins_total}).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, JsonMapper json, MachineTokens tokens, SignInThrottle throttle, ApiTokenProperties limits)
            throws Exception {
        http.securityMatcher("/api/**")
                // An LA's machine token (Authorization: Bearer): only for POST .../{its urn}/children; see MachineTokenFilter.
                .addFilterBefore(new MachineTokenFilter(tokens, throttle, limits, json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/v1/local-authorities", "/api/v1/local-authorities/**",
                                "/api/v1/inspections/**", "/api/v1/national/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, ex) -> {
                    if (ex instanceof SignInDelayedException delayed) {
                        res.setHeader("Retry-After", String.valueOf(delayed.seconds()));
                        problem(res, json, HttpStatus.TOO_MANY_REQUESTS, delayed.getMessage(), req.getRequestURI());
                        return;
                    }
                    problem(res, json, HttpStatus.UNAUTHORIZED, "Sign in to use this endpoint (HTTP Basic with an Oversight account)",
                            req.getRequestURI());
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((req, res, denied) ->
                        problem(res, json, HttpStatus.FORBIDDEN, "Your role does not allow this", req.getRequestURI())))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless, credentials in each request and no cookies: there is no session for CSRF to ride on.
                .csrf(csrf -> csrf.disable())
                .headers(h -> headers(h, ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, ObjectProvider<SingleSignOn.Login> singleSignOn, JsonMapper json, MachineTokens tokens,
                               SignInThrottle throttle, ApiTokenProperties limits) throws Exception {
        // A machine token is refused on every page (403, or 401 when it is not valid), never taken for a person.
        http.addFilterBefore(new MachineTokenFilter(tokens, throttle, limits, json), BasicAuthenticationFilter.class);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/govuk/**", "/assets/**", "/webjars/**", "/favicon.ico", "/error",
                                "/login", "/login/refused", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/api-docs", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/local-authorities", "/local-authorities.csv", "/local-authorities/*",
                                "/activities/*", "/accessibility", "/documents/*", "/national", "/national/*", "/compliance/rules").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll()
                        .failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
                                + (ex instanceof SignInDelayedException delayed ? "/login?wait=" + delayed.seconds() : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/?signedOut").permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, ex) -> {
                    if (ex instanceof SignInDelayedException delayed) {
                        res.setHeader("Retry-After", String.valueOf(delayed.seconds()));
                        req.setAttribute("oversight.error.detail", delayed.getMessage());
                        res.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), delayed.getMessage());
                        return;
                    }
                    res.setHeader("WWW-Authenticate", "Basic realm=\"Oversight\"");
                    res.sendError(HttpStatus.UNAUTHORIZED.value(), HttpStatus.UNAUTHORIZED.getReasonPhrase());
                }))
                .headers(h -> headers(h, ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
        SingleSignOn.Login sso = singleSignOn.getIfAvailable(); // only when OVERSIGHT_OIDC_ISSUER_URI is set
        if (sso != null) {
            sso.configure(http);
        }
        return http.build();
    }

    /** Oversight's security headers (content security policy, no framing, no sniffing) with the given referrer policy. */
    public static void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers,
                               ReferrerPolicyHeaderWriter.ReferrerPolicy referrer) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(ref -> ref.policy(referrer));
    }

    private static void problem(HttpServletResponse res, JsonMapper json, HttpStatus status, String detail, String path)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(path));
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), problem);
    }
}
