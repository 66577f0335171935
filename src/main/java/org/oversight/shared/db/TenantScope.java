package org.oversight.shared.db;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Whose rows the database shows the current thread: {@code la} (one LA, {@link #laId}), {@code national}, {@code system},
 * or empty for nothing. {@link TenantScopedDataSource} enters the scope of the signed-in user ({@link TenantResolver})
 * on every connection it hands out, signed so that the database accepts it from this server only; the row-level
 * security policies read it ({@code R__row_level_security.sql}). Work that is nobody's request (start-up, batch
 * commands, background jobs) runs in the system scope; an anonymous web request sees no LA's private rows.
 */
public record TenantScope(String scope, UUID laId) {

    /** The login role the embedded database creates for the application: no superuser, no BYPASSRLS. */
    public static final String EMBEDDED_APP_ROLE = "oversight_app";

    public static final TenantScope NONE = new TenantScope("", null);
    public static final TenantScope SYSTEM = new TenantScope("system", null);
    public static final TenantScope NATIONAL = new TenantScope("national", null);

    public static TenantScope la(UUID laId) {
        return new TenantScope("la", laId);
    }

    private static final ThreadLocal<TenantScope> OVERRIDE = new ThreadLocal<>();

    /** Runs {@code work} in the system scope on this thread (for start-up and background work that is nobody's request). */
    public static <T> T asSystem(Supplier<T> work) {
        return as(SYSTEM, work);
    }

    public static void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} in one LA's scope on this thread, whoever is signed in: for a read that a module has checked
     * is allowed outside the person's own scope (an Ofsted inspector reading a self-evaluation the LA shared with
     * them), so the database still shows that LA's rows only.
     */
    public static <T> T asLa(UUID laId, Supplier<T> work) {
        if (laId == null) {
            throw new IllegalArgumentException("an LA scope needs the LA's id");
        }
        return as(la(laId), work);
    }

    /** Runs {@code work} in the given scope on this thread, then restores the scope it had. */
    static <T> T as(TenantScope scope, Supplier<T> work) {
        TenantScope before = OVERRIDE.get();
        OVERRIDE.set(scope);
        try {
            return work.get();
        } finally {
            if (before == null) {
                OVERRIDE.remove();
            } else {
                OVERRIDE.set(before);
            }
        }
    }

    static TenantScope override() {
        return OVERRIDE.get();
    }
}
