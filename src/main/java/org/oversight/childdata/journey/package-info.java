/**
 * The read side of the whole-journey store (the SSD-shaped tables), published to other modules: an LA's current
 * journey snapshot (an SSD extract or a CIN census, whichever was imported last for the latest year) and its rows as
 * plain records, from the first contact to the closure of a child-in-need episode. It checks no role and logs
 * nothing: the caller enforces its own access rule and writes the access log.
 */
@org.springframework.modulith.NamedInterface("journey")
package org.oversight.childdata.journey;
