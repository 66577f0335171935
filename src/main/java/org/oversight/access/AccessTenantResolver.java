package org.oversight.access;

import org.oversight.shared.db.TenantDataSourceConfiguration;
import org.oversight.shared.db.TenantResolver;
import org.oversight.shared.db.TenantScope;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The database tenant scope of the signed-in person: an LA role sees its own LA's private rows; administrators and
 * national analysts the national scope (their services show aggregates only); an inspector the LA of their grant in
 * force (read only), else nothing private; any other
 * principal that belongs to an LA ({@link TenantMember}, e.g. a young person) that LA.
 */
@Component
class AccessTenantResolver implements TenantResolver {

    private final org.springframework.beans.factory.ObjectProvider<InspectorGrants> grants;

    AccessTenantResolver(org.springframework.beans.factory.ObjectProvider<InspectorGrants> grants) {
        this.grants = grants;
    }

    @Override
    public TenantScope current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return TenantDataSourceConfiguration.whenNobodySignedIn();
        }
        Object principal = auth.getPrincipal();
        if (principal instanceof OversightUser user) {
            if (user.role().laScoped()) {
                return user.laId() == null ? TenantScope.NONE : TenantScope.la(user.laId());
            }
            if (user.role() == Role.INSPECTOR) {
                return grants.getObject().laInForce(user.id()).map(TenantScope::la).orElse(TenantScope.NONE);
            }
            return user.role() == Role.ADMIN || user.role() == Role.NATIONAL_ANALYST ? TenantScope.NATIONAL : TenantScope.NONE;
        }
        if (principal instanceof TenantMember member && member.tenantLaId() != null) {
            return TenantScope.la(member.tenantLaId());
        }
        return TenantScope.NONE;
    }
}
