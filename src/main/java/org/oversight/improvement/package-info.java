/**
 * Improvement plans, items, actions, evidence and impact measures; boards, committees and meetings; committee
 * reports and the written statement of action.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Improvement",
        allowedDependencies = {"shared", "access", "register", "inspection", "inspection :: domain", "compliance"})
package org.oversight.improvement;
