package org.oversight.access.web;

import org.oversight.access.AccessRules.PublicRead;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (Spring Security handles the POST). */
@Controller
@PublicRead
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
