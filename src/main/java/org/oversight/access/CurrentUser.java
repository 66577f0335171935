package org.oversight.access;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is asking, and what that lets them see and change. The one place the LA-scoping rule is written. */
@Component
public class CurrentUser {

    public Optional<OversightUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof OversightUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public boolean signedIn() {
        return get().isPresent();
    }

    /** Name recorded in audit columns: the username, or "system" for jobs. */
    public String actor() {
        return get().map(OversightUser::username).orElse("system");
    }

    /** LA-internal data (unpublished activities, drafts, plans) is visible only to that LA's own users. */
    public boolean canSeeInternal(UUID laId) {
        return get().filter(u -> u.role().laScoped() && u.memberOf(laId)).isPresent();
    }

    /** Plans, governance and committee reports are changed only by the LA's managers. */
    public boolean canManage(UUID laId) {
        return get().filter(u -> u.role() == Role.LA_MANAGER && u.memberOf(laId)).isPresent();
    }

    /** Only that LA's managers and staff change its records; councillors read. */
    public boolean canEdit(UUID laId) {
        return get().filter(u -> (u.role() == Role.LA_MANAGER || u.role() == Role.LA_STAFF) && u.memberOf(laId)).isPresent();
    }
}
