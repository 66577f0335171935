package org.oversight.childdata.ssda903;

import java.util.List;

/** The SSDA903 tables, with their exact CSV column names in file order (as DfE's validator expects them). */
public enum Ssda903Table {
    HEADER("Header", "header.csv", List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")),
    EPISODES("Episodes", "episodes.csv", List.of("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER",
            "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN")),
    REVIEWS("Reviews", "reviews.csv", List.of("CHILD", "DOB", "REVIEW", "REVIEW_CODE")),
    OC3("OC3", "oc3.csv", List.of("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM")),
    MISSING("Missing", "missing.csv", List.of("CHILD", "DOB", "MISSING", "MIS_START", "MIS_END")),
    UASC("UASC", "uasc.csv", List.of("CHILD", "SEX", "DOB", "DUC")),
    OC2("OC2", "oc2.csv", List.of("CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK",
            "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED")),
    AD1("AD1", "ad1.csv", List.of("CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR",
            "LS_ADOPTR")),
    PLACED_ADOPTION("PlacedAdoption", "placed_for_adoption.csv", List.of("CHILD", "DOB", "DATE_PLACED",
            "DATE_PLACED_CEASED", "REASON_PLACED_CEASED")),
    PREV_PERM("PrevPerm", "previous_permanence.csv", List.of("CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM")),
    SW_EPISODES("SWEpisodes", "sw_episodes.csv", List.of("CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC",
            "SW_REASON")),
    DOLO("DoLo", "dolo.csv", List.of("CHILD", "DOB", "DOLO_START", "DOLO_END"));

    private final String dfeName;
    private final String fileName;
    private final List<String> columns;

    Ssda903Table(String dfeName, String fileName, List<String> columns) {
        this.dfeName = dfeName;
        this.fileName = fileName;
        this.columns = columns;
    }

    /** The table name the DfE validator uses (Header, Episodes, PlacedAdoption, ...). */
    public String dfeName() {
        return dfeName;
    }

    public List<String> columns() {
        return columns;
    }

    /** The conventional file name: header.csv, episodes.csv, placed_for_adoption.csv, ... */
    public String fileName() {
        return fileName;
    }
}
