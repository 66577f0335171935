package org.oversight.shared.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages with no data: the accessibility statement. */
@Controller
@PreAuthorize("permitAll()")
class StaticPages {

    @GetMapping("/accessibility")
    String accessibility() {
        return "accessibility";
    }
}
