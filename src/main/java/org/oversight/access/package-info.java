/**
 * Users, roles and LA membership; sign-in; the access rules every page and endpoint declares.
 * Deny by default: every handler carries one of the annotations in this package, and a test fails if one does not.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access",
        allowedDependencies = {"shared"})
package org.oversight.access;
