package org.oversight.access;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on with an OpenID Connect provider; off while {@code issuerUri} is blank (the OVERSIGHT_OIDC_*
 * environment variables in application.yml).
 *
 * @param issuerUri     the provider's issuer; its /.well-known/openid-configuration is read on first use
 * @param clientId      this application's client id at the provider
 * @param clientSecret  and its secret
 * @param providerName  shown on the sign-in page: "Sign in with ..."
 * @param scopes        asked for at sign-in
 * @param groupsClaim   the claim (ID token or user info) that lists the person's groups
 * @param usernameClaim the claim used as the Oversight username (falls back to email, then the subject)
 * @param groupPattern  a regular expression with named parts {@code role} and {@code la}, see {@link GroupMapping};
 *                      blank for the default, "none" for the explicit map only
 * @param groupMap      explicit group → role rules, e.g. {@code 1f0e...=LA_MANAGER:80450,analysts=NATIONAL_ANALYST}
 */
@ConfigurationProperties("oversight.oidc")
record OidcProperties(String issuerUri, String clientId, String clientSecret, String providerName, List<String> scopes,
                      String groupsClaim, String usernameClaim, String groupPattern, String groupMap) {

    static final String REGISTRATION = "oidc";

    OidcProperties {
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        groupsClaim = blank(groupsClaim) ? "groups" : groupsClaim;
        usernameClaim = blank(usernameClaim) ? "preferred_username" : usernameClaim;
        providerName = blank(providerName) ? "single sign-on" : providerName;
    }

    boolean enabled() {
        return !blank(issuerUri);
    }

    GroupMapping mapping() {
        String pattern = blank(groupPattern) ? GroupMapping.DEFAULT_PATTERN : "none".equals(groupPattern.strip()) ? null : groupPattern;
        return new GroupMapping(pattern, GroupMapping.parseMap(groupMap));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
