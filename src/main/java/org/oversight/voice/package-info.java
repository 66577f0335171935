/**
 * The young person's voice (issue 7): a small plain-English portal under {@code /my} (API under
 * {@code /api/v1/young-people/me}) where a care leaver or child in care, invited by their worker with a one-time code,
 * or a child aged 11 or over on a child protection or child-in-need plan, sees their plan, adds their own words to each section, says what matters to them, rates the service and can tell
 * their team at once that they do not feel safe. Their words appear in the worker's view marked as theirs; the LA sees
 * them by theme. A young person reaches only their own record; every access is logged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Young person's voice",
        allowedDependencies = {"shared", "access", "register", "compliance"})
package org.oversight.voice;
