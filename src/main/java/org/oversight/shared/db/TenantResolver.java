package org.oversight.shared.db;

/** Works out the tenant scope of the current thread (implemented by the access module from the signed-in user). */
public interface TenantResolver {

    TenantScope current();
}
