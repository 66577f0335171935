/**
 * What every module uses: the working-day calendar, date formats, the embedded database, and the
 * web layer's common parts (layout, errors as pages and RFC 9457 ProblemDetail).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package org.oversight.shared;
