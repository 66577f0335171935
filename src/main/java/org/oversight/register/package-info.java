/**
 * National register: the 153 English local authorities with children's services, their codes,
 * regions, populations and statistical neighbours, loaded from {@code data/la-lookup.csv}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Register",
        allowedDependencies = {"shared"})
package org.oversight.register;
