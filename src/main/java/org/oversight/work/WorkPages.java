package org.oversight.work;

import org.oversight.access.AccessRules.PublicRead;
import org.oversight.access.CurrentUser;
import org.oversight.access.OversightUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: for someone not signed in, what Oversight is; for a signed-in person, "Your work", organised by what
 * their role has to do. Each part is read through its own module's access checks, so nobody sees more here than on
 * the pages it links to.
 */
@Controller
class WorkPages {

    private final CurrentUser currentUser;
    private final YourWork work;

    WorkPages(CurrentUser currentUser, YourWork work) {
        this.currentUser = currentUser;
        this.work = work;
    }

    @GetMapping("/")
    @PublicRead
    String home(Model model) {
        OversightUser user = currentUser.get().orElse(null);
        model.addAttribute("user", user);
        if (user == null) {
            return "home";
        }
        model.addAttribute("today", work.today());
        switch (user.role()) {
            case LA_MANAGER, LA_STAFF, COUNCILLOR -> model.addAttribute("work", work.la(user));
            case INSPECTOR -> model.addAttribute("grants", work.inspector(user));
            default -> {
            }
        }
        return "work/home";
    }
}
