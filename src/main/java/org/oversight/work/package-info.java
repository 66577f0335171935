/**
 * "Your work": the page each person lands on after signing in, organised by what their role has to do. An LA's
 * managers and staff see the inspection under way or notified with its day count, deadlines due and overdue, actions
 * red or amber, unacknowledged safety alerts, the next meetings and their committee reports, and compliance headlines
 * with their trend; councillors the plans' ratings, aggregate compliance and the reports they receive; inspectors their
 * grants; national analysts and administrators the national pages. It only reads other modules' published services,
 * under the signed-in person's own access rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Your work",
        allowedDependencies = {"shared", "access", "register", "inspection", "inspection :: domain", "improvement", "compliance", "voice"})
package org.oversight.work;
