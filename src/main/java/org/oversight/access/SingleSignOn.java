package org.oversight.access;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Single sign-on with the organisation's OpenID Connect provider (authorization code flow), on only when
 * OVERSIGHT_OIDC_ISSUER_URI is set. The provider's groups decide the role and LA ({@link GroupMapping}); the account is
 * created or brought up to date at each sign-in ({@link UserAccounts#signInWithOidc}); and the signed-in principal is
 * the same {@link OversightUser} a local sign-in gives, so every rule in the application applies unchanged. A person
 * with no mapped group is refused, on a page that says why. Local accounts keep working alongside.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnExpression("!'${oversight.oidc.issuer-uri:}'.isBlank()")
class SingleSignOn {

    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

    @Bean
    ClientRegistrationRepository oidcClientRegistrations(OidcProperties properties) {
        return new DiscoveredRegistration(properties);
    }

    @Bean
    Login oidcLogin(OidcProperties properties, ClientRegistrationRepository registrations, UserAccounts accounts) {
        return new Login(properties, registrations, accounts);
    }

    /** What {@link SecurityConfiguration} adds to the pages' filter chain. */
    static final class Login {

        private final OidcProperties properties;
        private final ClientRegistrationRepository registrations;
        private final UserAccounts accounts;
        private final GroupMapping mapping;
        private final OidcUserService delegate = new OidcUserService();
        private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
        private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();
        private final SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();

        Login(OidcProperties properties, ClientRegistrationRepository registrations, UserAccounts accounts) {
            this.properties = properties;
            this.registrations = registrations;
            this.accounts = accounts;
            this.mapping = properties.mapping();
        }

        void configure(HttpSecurity http) throws Exception {
            http.oauth2Login(login -> login.loginPage("/login")
                    .clientRegistrationRepository(registrations)
                    .authorizedClientRepository(NO_CLIENTS)
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(this::loadUser))
                    .successHandler(this::signedIn)
                    .failureHandler(this::refused));
        }

        private OidcUser loadUser(OidcUserRequest request) {
            OidcUser oidc = delegate.loadUser(request);
            List<String> groups = groups(oidc.getClaims().get(properties.groupsClaim()));
            var grant = mapping.grant(groups).orElseThrow(() -> refusal("no-group"));
            String username = firstOf(oidc.getClaimAsString(properties.usernameClaim()), oidc.getEmail(), oidc.getSubject());
            String displayName = firstOf(oidc.getFullName(), username);
            try {
                OversightUser user = accounts.signInWithOidc(oidc.getIssuer().toString(), oidc.getSubject(), username, displayName,
                        grant.role(), grant.laUrn());
                return new Signed(oidc, user);
            } catch (UserAccounts.SignInRefused e) {
                throw refusal(e.reason);
            }
        }

        /** From here on the session holds the same kind of principal as a local sign-in. */
        private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException, jakarta.servlet.ServletException {
            OversightUser user = ((Signed) authentication.getPrincipal()).user;
            Authentication local = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(local);
            contexts.setContext(context);
            contextRepository.saveContext(context, request, response);
            then.onAuthenticationSuccess(request, response, local);
        }

        private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
            String reason = "provider";
            if (e instanceof OAuth2AuthenticationException oauth && oauth.getError().getErrorCode().startsWith(REFUSED)) {
                reason = oauth.getError().getErrorCode().substring(REFUSED.length());
            }
            // No names or claims: only why.
            log.info("Single sign-on refused: {}", reason);
            response.sendRedirect(request.getContextPath() + "/login/refused?reason=" + reason);
        }

        private static OAuth2AuthenticationException refusal(String reason) {
            return new OAuth2AuthenticationException(new OAuth2Error(REFUSED + reason), "Single sign-on refused: " + reason);
        }

        private static final String REFUSED = "oversight_refused_";

        private static List<String> groups(Object claim) {
            if (claim instanceof Collection<?> c) {
                return c.stream().filter(g -> g != null).map(Object::toString).toList();
            }
            if (claim instanceof String s && !s.isBlank()) {
                return List.of(s.split("[,\\s]+"));
            }
            return List.of();
        }

        private static String firstOf(String... values) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    return v;
                }
            }
            throw refusal("no-username");
        }
    }

    /** The provider's answer, carrying the Oversight account it maps to (only until {@link Login#signedIn}). */
    static final class Signed extends DefaultOidcUser {
        private final OversightUser user;

        Signed(OidcUser oidc, OversightUser user) {
            super(user.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo(), "sub");
            this.user = user;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Signed s && super.equals(s) && user.equals(s.user);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

    /** The one registration, from the provider's discovery document, read on first use (so start-up never waits on it). */
    static final class DiscoveredRegistration implements ClientRegistrationRepository {
        private final OidcProperties properties;
        private volatile ClientRegistration registration;

        DiscoveredRegistration(OidcProperties properties) {
            this.properties = properties;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!OidcProperties.REGISTRATION.equals(registrationId)) {
                return null;
            }
            ClientRegistration r = registration;
            if (r == null) {
                r = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                        .registrationId(OidcProperties.REGISTRATION)
                        .clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .scope(Set.copyOf(properties.scopes()))
                        .clientName(properties.providerName())
                        .userNameAttributeName("sub")
                        .build();
                registration = r;
            }
            return r;
        }
    }

    /** Oversight calls no API of the provider after sign-in, so it keeps none of its tokens. */
    private static final OAuth2AuthorizedClientRepository NO_CLIENTS = new OAuth2AuthorizedClientRepository() {
        @Override
        @SuppressWarnings("unchecked")
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String id, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal, HttpServletRequest request,
                                         HttpServletResponse response) {
        }

        @Override
        public void removeAuthorizedClient(String id, Authentication principal, HttpServletRequest request, HttpServletResponse response) {
        }
    };
}
