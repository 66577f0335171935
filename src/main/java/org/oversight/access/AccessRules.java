package org.oversight.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The access rules a handler can declare. Every controller method has one (directly or on its class);
 * {@code ResourceSecurityIT} fails on any handler without one.
 */
public final class AccessRules {

    private AccessRules() {
    }

    /** Published data anyone may read (the register, published judgements, the API's GETs). */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("permitAll()")
    public @interface PublicRead {
    }

    /**
     * Any signed-in Oversight user (never a young person signed in to their own portal); the handler then checks
     * LA membership through {@link CurrentUser}.
     */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("isAuthenticated() and !hasRole('YOUNG_PERSON')")
    public @interface SignedIn {
    }

    /** A young person signed in to their own portal; the handler reaches only their own record. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasRole('YOUNG_PERSON')")
    public @interface YoungPerson {
    }

    /** LA managers and LA staff (of the LA concerned, checked by the handler through {@link CurrentUser#canEdit}). */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('LA_MANAGER', 'LA_STAFF')")
    public @interface LaEditor {
    }

    /** Who may import published Ofsted documents: national users for any LA, LA managers and staff for their own. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('ADMIN', 'NATIONAL_ANALYST', 'LA_MANAGER', 'LA_STAFF')")
    public @interface DocumentImporter {
    }

    /** The LA's own users (managers, staff, councillors); the handler checks the LA through {@link CurrentUser}. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('LA_MANAGER', 'LA_STAFF', 'COUNCILLOR')")
    public @interface LaMember {
    }

    /** Children's records read: the LA's managers and staff, or an inspector (the service checks the LA and the grant). */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @PreAuthorize("hasAnyRole('LA_MANAGER', 'LA_STAFF', 'INSPECTOR')")
    public @interface ChildDataReader {
    }

    /**
     * Children's social care payloads (DfE's API format): an LA's own system with one of its machine tokens, or one of the
     * LA's managers; the handler checks the LA through {@link CurrentUser#canSendPayload}. The machine token reaches
     * nothing else ({@code MachineTokenFilter}).
     */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('LA_MACHINE', 'LA_MANAGER')")
    public @interface PayloadSender {
    }

    /** LA managers only (plans, governance, committee reports). */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasRole('LA_MANAGER')")
    public @interface LaManager {
    }

    /** National analysts and administrators: aggregates across LAs, never a child's record. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasAnyRole('NATIONAL_ANALYST', 'ADMIN')")
    public @interface National {
    }

    /** System administrators. */
    @Target({ElementType.TYPE, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @PreAuthorize("hasRole('ADMIN')")
    public @interface AdminOnly {
    }
}
