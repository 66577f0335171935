/**
 * Reading Ofsted's published reports and letters into inspection records; the national picture built from them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports")
package org.oversight.reports;
