package org.oversight.access;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.access.AccessRules.SignedIn;
import org.oversight.access.AccessRules.YoungPerson;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.util.SimpleMethodInvocation;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules as method security evaluates them: a young person signed in to their portal is not a signed-in Oversight user. */
class AccessRulesTest {

    static class Probe {
        @SignedIn
        void anyOversightUser() {
        }

        @YoungPerson
        void youngPersonOnly() {
        }
    }

    private final PreAuthorizeAuthorizationManager rules = new PreAuthorizeAuthorizationManager();

    private boolean granted(String method, String authority) throws Exception {
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated("someone", null, List.of(new SimpleGrantedAuthority(authority)));
        var invocation = new SimpleMethodInvocation(new Probe(), Probe.class.getDeclaredMethod(method));
        var result = rules.authorize(() -> auth, invocation);
        return result != null && result.isGranted();
    }

    @Test
    void signedInExcludesYoungPeopleAndYoungPersonIsOnlyForThem() throws Exception {
        assertThat(granted("anyOversightUser", "ROLE_LA_STAFF")).isTrue();
        assertThat(granted("anyOversightUser", "ROLE_INSPECTOR")).isTrue();
        assertThat(granted("anyOversightUser", "ROLE_YOUNG_PERSON")).isFalse();
        assertThat(granted("youngPersonOnly", "ROLE_YOUNG_PERSON")).isTrue();
        assertThat(granted("youngPersonOnly", "ROLE_LA_MANAGER")).isFalse();
        assertThat(granted("youngPersonOnly", "ROLE_ADMIN")).isFalse();
    }
}
