package org.oversight.access;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Work done on this thread as one named account, for start-up work that is nobody's request but must meet the same
 * checks as that person would (the demo data made through the services: audits submitted by their auditor). The
 * account must exist and be enabled; what it may do is decided by the services, as for a request. The thread's own
 * security context is put back afterwards.
 */
@Component
public class ActingAs {

    private final UserAccounts accounts;

    ActingAs(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Runs {@code work} as {@code username}. */
    public <T> T as(String username, Supplier<T> work) {
        OversightUser user = accounts.find(username).filter(OversightUser::isEnabled)
                .orElseThrow(() -> new IllegalStateException("No enabled account " + username + " to act as"));
        return as(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), work);
    }

    public void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} with {@code who} as the authentication (a young person's, say). */
    public static <T> T as(Authentication who, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(who);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
