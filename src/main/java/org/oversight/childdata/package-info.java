/**
 * Child-level data: SSDA903 returns read, validated and stored as dated snapshots of an LA's children in care and
 * care leavers. A newer snapshot supersedes the older one for the same collection year without deleting it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Child data")
package org.oversight.childdata;
