package org.oversight.access;

/** The signed-in person as every page's layout needs them: their name (never their username), role and LA. */
public record Viewer(String name, Role role, Integer laUrn, String laName) {

    /** Who may open the import of Ofsted's documents (the same roles as {@link AccessRules.DocumentImporter}). */
    public boolean canImport() {
        return role == Role.ADMIN || role == Role.NATIONAL_ANALYST || role == Role.LA_MANAGER || role == Role.LA_STAFF;
    }

    /** National analysts and administrators (the national compliance page). */
    public boolean national() {
        return role == Role.ADMIN || role == Role.NATIONAL_ANALYST;
    }
}
