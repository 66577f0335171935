/** Timescale rules and their evaluation, as pure functions. */
@org.springframework.modulith.NamedInterface("domain")
package org.oversight.compliance.domain;
