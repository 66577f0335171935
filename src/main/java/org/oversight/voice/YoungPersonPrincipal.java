package org.oversight.voice;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

import org.oversight.compliance.ChildSummaries.Cohort;

/** A young person signed in to their portal: their account, and the one record (LA and child reference) it reaches. */
public record YoungPersonPrincipal(UUID accountId, UUID laId, String childRef, Cohort cohort, String firstName,
                                   String signInName) implements Principal, Serializable, org.oversight.access.TenantMember {

    @Override
    public java.util.UUID tenantLaId() {
        return laId;
    }

    /** The authority the portal's filter chains and {@code @YoungPerson} ask for; no staff rule accepts it. */
    public static final String AUTHORITY = "ROLE_YOUNG_PERSON";

    @Override
    public String getName() {
        return signInName;
    }

    /** The authentication of this signed-in young person: their principal and {@link #AUTHORITY}, nothing else. */
    public org.springframework.security.core.Authentication authentication() {
        return org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(this, null,
                java.util.List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(AUTHORITY)));
    }
}
