/** Ofsted's Annex A child-level lists 8 and 9: reading a workbook, and the columns and codes of the template. */
@org.springframework.modulith.NamedInterface("annexa")
package org.oversight.childdata.annexa;
