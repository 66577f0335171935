package org.oversight.voice.web;

import org.oversight.access.CurrentUser;
import org.oversight.access.OversightUser;
import org.oversight.access.Role;
import org.oversight.voice.VoiceService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Unacknowledged safety alerts shown at the top of every page to the LA's own managers and staff
 * (layout.html), so the team sees a young person's "I don't feel safe" at once.
 */
@ControllerAdvice(annotations = Controller.class)
class AlertBanner {

    private final VoiceService voice;
    private final CurrentUser currentUser;

    AlertBanner(VoiceService voice, CurrentUser currentUser) {
        this.voice = voice;
        this.currentUser = currentUser;
    }

    /** The open safety alerts of the LA, for its banner: how many, and the oldest, which the banner links to. */
    record Open(int urn, long count, java.util.UUID oldest) {
    }

    /**
     * The open safety alerts for a signed-in manager or staff member of that LA, else null; null on the list of open
     * alerts itself, which the banner would only link back to.
     */
    @ModelAttribute("safetyAlerts")
    Open safetyAlerts(jakarta.servlet.http.HttpServletRequest request) {
        OversightUser user = currentUser.get().orElse(null);
        if (user == null || user.laId() == null || user.laUrn() == null
                || (user.role() != Role.LA_MANAGER && user.role() != Role.LA_STAFF) || request.getRequestURI().endsWith("/safety-alerts")) {
            return null;
        }
        var open = voice.openAlertSummary(user.laId());
        return open.count() == 0 ? null : new Open(user.laUrn(), open.count(), open.oldest());
    }
}
