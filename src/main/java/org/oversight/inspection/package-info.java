/**
 * Inspection lifecycle: Ofsted activities at an LA, their dates, judgements by era and findings; deadlines
 * in working days; next-inspection prediction; the LA's single record and the register's pages and API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspection",
        allowedDependencies = {"shared", "access", "register"})
package org.oversight.inspection;
