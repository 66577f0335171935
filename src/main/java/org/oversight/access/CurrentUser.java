package org.oversight.access;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is asking, and what that lets them see and change. The one place the LA-scoping rule is written. */
@Component
public class CurrentUser {

    private final org.springframework.beans.factory.ObjectProvider<InspectorGrants> grants;

    CurrentUser(org.springframework.beans.factory.ObjectProvider<InspectorGrants> grants) {
        this.grants = grants;
    }

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

    /** Name recorded in audit columns: the username, the API token ("api-token:<name>"), or "system" for jobs. */
    public String actor() {
        return get().map(OversightUser::username).or(() -> machine().map(MachineClient::actor)).orElse("system");
    }

    /** The LA's own system, when the request came with one of its API tokens. */
    public Optional<MachineClient> machine() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof MachineClient client) {
            return Optional.of(client);
        }
        return Optional.empty();
    }

    /** Children's social care payloads for the LA: its own system (an API token of the LA) or one of its managers. */
    public boolean canSendPayload(UUID laId) {
        return machine().filter(m -> m.laId().equals(laId)).isPresent() || canManage(laId);
    }

    /** LA-internal data (unpublished activities, drafts, plans) is visible only to that LA's own users. */
    public boolean canSeeInternal(UUID laId) {
        return get().filter(u -> u.role().laScoped() && u.memberOf(laId)).isPresent();
    }

    /** Plans, governance and committee reports are changed only by the LA's managers. */
    public boolean canManage(UUID laId) {
        return get().filter(u -> u.role() == Role.LA_MANAGER && u.memberOf(laId)).isPresent();
    }

    /**
     * Children's records: the LA's managers and staff, and an inspector with a grant in force for that LA (read only).
     */
    public boolean canReadChildData(UUID laId) {
        if (canEdit(laId)) {
            return true;
        }
        return inspectorLa().filter(laId::equals).isPresent();
    }

    /** The LA an inspector has a grant in force for today, if any. */
    public Optional<UUID> inspectorLa() {
        return get().filter(u -> u.role() == Role.INSPECTOR).flatMap(u -> grants.getObject().laInForce(u.id()));
    }

    /** Whether the current user is an inspector reading under a grant (their reads are logged as such). */
    public boolean readingUnderGrant(UUID laId) {
        return !canEdit(laId) && inspectorLa().filter(laId::equals).isPresent();
    }

    /** Only that LA's managers and staff change its records; councillors read. */
    public boolean canEdit(UUID laId) {
        return get().filter(u -> (u.role() == Role.LA_MANAGER || u.role() == Role.LA_STAFF) && u.memberOf(laId)).isPresent();
    }
}
