/**
 * Help and protection, the front half of the child's journey: the statutory and local timescales from referral to
 * child protection review (as data, in the same rule file as the children-in-care rules), the front-door funnel and its
 * measures by team and worker, and step-down to early help, all computed from {@code childdata}'s whole-journey store.
 * Pure functions over one snapshot's rows ({@link org.oversight.compliance.protection.ProtectionTimescales},
 * {@link org.oversight.compliance.protection.FrontDoor}) and the service that checks access and logs reads.
 */
package org.oversight.compliance.protection;
