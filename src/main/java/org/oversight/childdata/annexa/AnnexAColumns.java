package org.oversight.childdata.annexa;

import java.util.List;
import java.util.Map;

/**
 * Annex A lists 8 and 9: Ofsted's column headings in template order, and the lettered code values ("a) Male"). List 8
 * follows the Annex A template (data/child-data/annex-a/Annex_A.xlsx, from liia-tools); list 9 adds the care-leaver
 * columns of the post-2023 lists (personal adviser, pathway plan review, latest contact, UASC), as the Standard
 * Safeguarding Dataset's Annex A script has them. Versioned reference data: when Ofsted revises the template, change
 * it here.
 */
public final class AnnexAColumns {

    public static final String VERSION = "Annex A lists 8 and 9 (2020 template; list 9 with the 2024 care-leaver columns)";

    public static final List<String> LIST_8 = List.of(AnnexAWorkbook.CHILD, "Gender", "Ethnicity", "Date of Birth", "Age",
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N))", "Does the Child have a Disability",
            "Date Started to be Looked After", "Child's Category of Need",
            "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
            "Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review", AnnexAWorkbook.VISIT,
            AnnexAWorkbook.PERMANENCE, AnnexAWorkbook.IRO, AnnexAWorkbook.HEALTH, AnnexAWorkbook.DENTAL,
            "Number of Placements in the Last 12 months", "Date Ceased to be Looked After", "Reason Ceased to be Looked After",
            AnnexAWorkbook.PLACEMENT, "Placement Type", "Placement Provider", "Placement postcode", "URN of Placement", "Placement Location",
            "LA of Placement", "Number of Episodes the Child has been \u2018Missing\u2019 from their Placement in the last 12 months",
            "Number of Episodes the Child has been \u2018Absent\u2019 from their Placement in the last 12 months",
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            "Did the child accept a Return Interview after their last missing episode (Y/N)?", AnnexAWorkbook.TEAM, AnnexAWorkbook.WORKER);

    public static final List<String> LIST_9 = List.of(AnnexAWorkbook.CHILD, "Gender", "Ethnicity", "Date of Birth", "Age",
            "UASC or former UASC (Y/N)", "Does the Child have a Disability", AnnexAWorkbook.TEAM, AnnexAWorkbook.WORKER, AnnexAWorkbook.PA,
            AnnexAWorkbook.ELIGIBILITY, AnnexAWorkbook.PATHWAY, "LA in Touch", AnnexAWorkbook.CONTACT, "Type of Accommodation",
            "Suitability of Accommodation", "Activity Status");

    private static final List<String> ETHNIC = List.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND",
            "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
    private static final Map<String, String> NEED = Map.of("N1", "Abuse or Neglect", "N2", "Child's disability", "N3",
            "Parental illness or disability", "N4", "Family in acute stress", "N5", "Family dysfunction", "N6",
            "Socially unacceptable behaviour", "N7", "Low income", "N8", "Absent parenting");

    private AnnexAColumns() {
    }

    public static String gender(String sex) {
        if (sex == null) {
            return "c) Not stated/recorded";
        }
        return switch (sex.trim().toUpperCase()) {
            case "M", "1" -> "a) Male";
            case "F", "2" -> "b) Female";
            default -> "c) Not stated/recorded";
        };
    }

    public static String ethnicity(String code) {
        int i = code == null ? -1 : ETHNIC.indexOf(code.trim().toUpperCase());
        return i < 0 ? null : (char) ('a' + i) + ") " + ETHNIC.get(i);
    }

    public static String need(String cin) {
        return cin == null ? null : NEED.containsKey(cin) ? cin + " - " + NEED.get(cin) : cin;
    }

    public static String yesNo(Boolean b) {
        return Boolean.TRUE.equals(b) ? "a) Yes" : "b) No";
    }

    public static String inTouch(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.trim().toUpperCase()) {
            case "YES" -> "a) Yes";
            case "NO" -> "b) No";
            default -> "c) " + code.trim().toUpperCase();
        };
    }
}
