package org.oversight.childdata.ssda903;

import java.util.List;

/** The SSDA903 tables this package reads, with their exact CSV column names in file order. */
public enum Ssda903Table {
    HEADER("Header", List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")),
    EPISODES("Episodes", List.of("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
            "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN")),
    REVIEWS("Reviews", List.of("CHILD", "DOB", "REVIEW", "REVIEW_CODE")),
    OC3("OC3", List.of("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM")),
    MISSING("Missing", List.of("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END")),
    UASC("UASC", List.of("CHILD", "SEX", "DOB", "DUC"));

    private final String dfeName;
    private final List<String> columns;

    Ssda903Table(String dfeName, List<String> columns) {
        this.dfeName = dfeName;
        this.columns = columns;
    }

    /** The table name the DfE validator uses (Header, Episodes, ...). */
    public String dfeName() {
        return dfeName;
    }

    public List<String> columns() {
        return columns;
    }

    /** The conventional file name: header.csv, episodes.csv, ... */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT) + ".csv";
    }
}
