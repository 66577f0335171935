/**
 * Statutory timescale compliance for children in care and care leavers: the rules as data (intervals an
 * administrator can change where marked configurable), and the functions that turn a child's events into due dates,
 * late events and overdue days. Import of child-level data, dashboards and Annex A build on this (issue 6, in progress).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Compliance")
package org.oversight.compliance;
