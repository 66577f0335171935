/** The inspection domain: activity types, judgement eras, findings, deadlines and next-inspection rules. Published to other modules. */
@org.springframework.modulith.NamedInterface("domain")
package org.oversight.inspection.domain;
