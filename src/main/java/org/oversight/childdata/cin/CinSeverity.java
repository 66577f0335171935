package org.oversight.childdata.cin;

/** How serious a CIN census problem is. */
public enum CinSeverity {

    /** The return is wrong and must be corrected before DfE accepts it. */
    ERROR("error"),
    /** The LA must check it and either amend the data or give a reason. */
    QUERY("query");

    private final String word;

    CinSeverity(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
