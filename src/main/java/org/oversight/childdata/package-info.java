/**
 * Child-level data: SSDA903 returns and Annex A workbooks read, validated and stored as dated snapshots of an LA's
 * children in care and care leavers (a newer snapshot supersedes the older one for the same collection year without
 * deleting it); imports as jobs, pages and API; Annex A lists 8 and 9 out, and the day-one inspection pack (all eleven lists as of a notification date); the LA's access-log pages and the child's
 * subject-access export. Other modules read the data through the {@code snapshots} named interface, never its tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Child data",
        allowedDependencies = {"shared", "access", "register", "inspection", "inspection :: domain"})
package org.oversight.childdata;
