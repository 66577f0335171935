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

    /** [LA URN, count] of open safety alerts for a signed-in manager or staff member of that LA, else null. */
    @ModelAttribute("safetyAlerts")
    long[] safetyAlerts() {
        OversightUser user = currentUser.get().orElse(null);
        if (user == null || user.laId() == null || user.laUrn() == null
                || (user.role() != Role.LA_MANAGER && user.role() != Role.LA_STAFF)) {
            return null;
        }
        long count = voice.openAlertCount(user.laId());
        return count == 0 ? null : new long[] {user.laUrn(), count};
    }
}
