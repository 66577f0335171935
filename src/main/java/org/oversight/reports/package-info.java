/**
 * Reading Ofsted's published reports and letters into inspection records; the national picture built from them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports",
        allowedDependencies = {"shared", "access", "register", "inspection", "inspection :: domain"})
package org.oversight.reports;
