package org.oversight.shared.web;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.oversight.support.Views;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages every visitor may see: home, sign-in (and its refusal), the accessibility statement, error pages. */
class SharedViewsTest {

    @Test
    void theHomeAndAccessibilityPagesKeepThePageRules() {
        Map<String, Object> model = Views.model("/");
        model.put("user", null);
        assertThat(Views.check("home", model, false).title()).isEqualTo(Views.message("service.name"));
        Document statement = Views.check("accessibility", Views.model("/accessibility"), false);
        assertThat(statement.select("footer a[href='/accessibility']")).hasSize(1);
        assertThat(statement.select("nav.govuk-service-navigation__wrapper")).as("staff pages have the service navigation").hasSize(1);
    }

    @Test
    void aWrongPasswordIsSummarisedAndLinksToTheUsername() {
        Map<String, Object> model = Views.model("/login");
        model.put("signedInAs", null);
        model.put("ssoName", null);
        model.put("failed", false);
        Views.check("login", model, false);
        model.put("failed", true);
        Document refused = Views.check("login", model, true);
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#username");
        assertThat(refused.getElementById("username-error").text()).contains(Views.message("login.error"));
        assertThat(refused.getElementById("password").attr("autocomplete")).isEqualTo("current-password");
        assertThat(refused.getElementById("password").hasAttr("value")).as("a password is never written back").isFalse();
        model.put("reason", "no-group");
        Views.check("login-refused", model, false);
    }

    @Test
    void errorPagesNameTheProblem() {
        Map<String, Object> model = Views.model("/local-authorities/99999");
        model.put("titleKey", "error.404.title");
        model.put("bodyKey", "error.404.body");
        model.put("detail", "No local authority has the URN 99999");
        assertThat(Views.check("error/page", model, false).text()).contains("No local authority has the URN 99999");
    }
}
