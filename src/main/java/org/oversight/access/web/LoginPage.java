package org.oversight.access.web;

import java.util.Set;

import org.oversight.access.AccessRules.PublicRead;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (Spring Security handles the POST and the single sign-on redirects), and why a single sign-on was refused. */
@Controller
@PublicRead
class LoginPage {

    private static final Set<String> REASONS = Set.of("no-group", "unknown-la", "username-taken", "disabled", "no-username", "provider");

    private final String ssoName;

    LoginPage(@Value("${oversight.oidc.issuer-uri:}") String issuer, @Value("${oversight.oidc.provider-name:}") String providerName) {
        this.ssoName = issuer.isBlank() ? null : (providerName.isBlank() ? "single sign-on" : providerName);
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String wait, Model model) {
        model.addAttribute("ssoName", ssoName);
        model.addAttribute("failed", error != null || wait != null);
        long seconds = wait != null && wait.matches("\\d{1,6}") ? Long.parseLong(wait) : 0;
        model.addAttribute("waitWords", seconds > 0 ? org.oversight.access.SignInProperties.words(seconds) : null);
        return "login";
    }

    @GetMapping("/login/refused")
    String refused(@RequestParam(defaultValue = "provider") String reason, Model model) {
        model.addAttribute("reason", REASONS.contains(reason) ? reason : "provider");
        return "login-refused";
    }
}
