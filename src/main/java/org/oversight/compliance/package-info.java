/**
 * Statutory timescale compliance for children in care and care leavers: the rules as data (intervals an
 * administrator can change where marked configurable), the functions that turn a child's events into due dates, late
 * events and overdue days, and the LA's dashboards, team and child pages, CSV export and national figures. It reads
 * child-level data only through {@code childdata}'s published {@code ChildDataSnapshots}, and publishes to other modules
 * {@code ChildSummaries} (case-audit sampling, the young person's portal), {@code JourneySummaries} (the
 * whole-journey children by help-and-protection group and the LA's front-door figures, for sampling, the portal and
 * committee reports) and {@code ComplianceMeasures} (plan measures).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance",
        allowedDependencies = {"shared", "access", "register", "childdata", "childdata :: snapshots", "childdata :: ssda903",
                "childdata :: journey"})
package org.oversight.compliance;
