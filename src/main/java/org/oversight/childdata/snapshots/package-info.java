/**
 * The read side of the child-level data store, published to other modules: an LA's current and earlier snapshots and
 * the rows each holds (children, episodes, reviews, care leavers, missing episodes, Annex A facts). Other modules read
 * child data only through {@link org.oversight.childdata.snapshots.ChildDataSnapshots}, never its tables. It checks no
 * role and logs nothing: the caller enforces its own access rule and writes the access log.
 */
@org.springframework.modulith.NamedInterface("snapshots")
package org.oversight.childdata.snapshots;
