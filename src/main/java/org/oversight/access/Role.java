package org.oversight.access;

/** What a user may do. LA roles belong to one LA; national roles to none. */
public enum Role {
    ADMIN(false), LA_MANAGER(true), LA_STAFF(true), COUNCILLOR(true), INSPECTOR(false), NATIONAL_ANALYST(false);

    private final boolean laScoped;

    Role(boolean laScoped) {
        this.laScoped = laScoped;
    }

    public boolean laScoped() {
        return laScoped;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
