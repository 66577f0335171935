package org.oversight.web;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Single sign-on in a real browser: the button on the sign-in page, the round trip, and the refusal page, all accessible. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SingleSignOnBrowserIT extends BrowserTest {

    private static final MockOAuth2Server IDP = startProvider();

    private static MockOAuth2Server startProvider() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("oversight.oidc.issuer-uri", () -> IDP.issuerUrl("default").toString());
        registry.add("oversight.oidc.client-id", () -> "oversight-browser");
        registry.add("oversight.oidc.client-secret", () -> "test-secret");
        registry.add("oversight.oidc.provider-name", () -> "Test Council ID");
    }

    @AfterAll
    static void stopProvider() {
        IDP.shutdown();
    }

    private static void providerKnows(String subject, String username, List<String> groups) {
        IDP.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("oversight-browser"),
                Map.of("groups", groups, "preferred_username", username, "name", "Browser Person"), 3600));
    }

    @Test
    void signInWithTheOrganisationsAccountOrBeToldWhyNot() {
        driver.manage().deleteAllCookies();
        open("/login");
        assertThat(driver.findElement(By.id("sign-in-sso")).getText()).isEqualTo("Sign in with Test Council ID");
        assertThat(driver.findElement(By.id("username")).isDisplayed()).as("the local form stays").isTrue();
        assertAccessible("sso-login");

        providerKnows("browser-subject-1", "robin.sso", List.of("oversight-la-staff-80450"));
        clickAndWait(By.id("sign-in-sso"));
        assertThat(driver.getPageSource()).contains("Signed in as Browser Person");
        open("/local-authorities/80450/plans");
        assertThat(driver.getTitle()).doesNotContainIgnoringCase("sign in");

        driver.manage().deleteAllCookies();
        open("/login");
        providerKnows("browser-subject-2", "kim.sso", List.of("staff-everyone"));
        clickAndWait(By.id("sign-in-sso"));
        assertThat(driver.getCurrentUrl()).endsWith("/login/refused?reason=no-group");
        assertThat(text()).contains("You cannot sign in to Oversight").contains("not in any group that Oversight knows");
        assertAccessible("sso-refused");
    }
}
