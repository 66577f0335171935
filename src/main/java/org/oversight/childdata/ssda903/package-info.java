/**
 * SSDA903 tables: reading, validation against the DfE rules, and synthetic returns. Plain Java, no Spring; published
 * to other modules (compliance benchmarks, tests).
 */
@org.springframework.modulith.NamedInterface("ssda903")
package org.oversight.childdata.ssda903;
