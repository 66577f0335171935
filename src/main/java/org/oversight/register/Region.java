package org.oversight.register;

/** An English region as the register names it (code from la-lookup.csv, e.g. GL for London). */
public record Region(String code, String name, int localAuthorities) {
}
