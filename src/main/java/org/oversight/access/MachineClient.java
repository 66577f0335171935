package org.oversight.access;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An LA's own system, signed in with one of the LA's machine tokens ({@link MachineTokens}): it belongs to that LA (its
 * database scope is the LA's) and has one authority, {@code ROLE_LA_MACHINE}, which only the children's social care
 * payload endpoint accepts. It is never an {@link OversightUser}, so no page or other endpoint takes it for a person.
 *
 * @param tokenId   the token used
 * @param tokenName the name a manager gave it
 * @param laId      its LA
 * @param laUrn     its LA's URN
 */
public record MachineClient(UUID tokenId, String tokenName, UUID laId, int laUrn) implements TenantMember {

    /** The authority of a machine client. */
    public static final String ROLE = "ROLE_LA_MACHINE";

    /**
     * Request attribute the payload endpoint sets to what it stored (counts only, never a child's data), for the token's
     * log line and event.
     */
    public static final String SUMMARY_ATTRIBUTE = "oversight.machine.summary";

    @Override
    public UUID tenantLaId() {
        return laId;
    }

    public Collection<? extends GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority(ROLE));
    }

    /** What audit columns record: the token, by name (e.g. "api-token:Mosaic nightly"). */
    public String actor() {
        return "api-token:" + tokenName;
    }
}
