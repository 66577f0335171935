package org.oversight.access;

import java.util.UUID;

/** A signed-in principal that belongs to one LA (for the database's row-level security), other than staff accounts. */
public interface TenantMember {

    UUID tenantLaId();
}
