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

    /** Lists 1 to 7 (help and protection), 10 (adoption) and 11 (adopters): the template's headings, in its order. */
    public static final List<String> LIST_1 = List.of(AnnexAWorkbook.CHILD, "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Contact",
            "Contact Source");
    public static final List<String> LIST_2 = List.of(AnnexAWorkbook.CHILD, "Gender", "Ethnicity", "Date of Birth", "Age",
            "Assessment start date", "Assessment completion date", "Organisation completing assessment");
    public static final List<String> LIST_3 = List.of(AnnexAWorkbook.CHILD, "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Referral",
            "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months", AnnexAWorkbook.TEAM, AnnexAWorkbook.WORKER);
    public static final List<String> LIST_4 = List.of(AnnexAWorkbook.CHILD, "Gender", "Ethnicity", "Date of Birth", "Age",
            "Does the Child have a Disability", "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
            "Continuous Assessment Date of Authorisation", "Was the child assessed as requiring LA children's social care support?",
            AnnexAWorkbook.TEAM, AnnexAWorkbook.WORKER);
    public static final List<String> LIST_5 = List.of(AnnexAWorkbook.CHILD, "Gender", "Ethnicity", "Date of Birth", "Age",
            "Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
            "Did the Initial Child Protection Conference Result in a Child Protection Plan", "Number of Section 47 Enquiries in the last 12 months",
            "Number of ICPCs in the last 12 months", AnnexAWorkbook.TEAM, AnnexAWorkbook.WORKER);
    public static final List<String> LIST_6 = List.of(AnnexAWorkbook.CHILD, "Gender", "Ethnicity", "Date of Birth", "Age",
            "Does the Child have a Disability", "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date",
            "Reason for Closure", "Case Status", AnnexAWorkbook.TEAM, AnnexAWorkbook.WORKER);
    public static final List<String> LIST_7 = List.of(AnnexAWorkbook.CHILD, "Gender", "Ethnicity", "Date of Birth", "Age",
            "Does the Child have a Disability", "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
            "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference", "Child Protection Plan End Date",
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
            "Number of Previous Child Protection Plans", AnnexAWorkbook.TEAM, AnnexAWorkbook.WORKER);
    public static final List<String> LIST_10 = List.of(AnnexAWorkbook.CHILD, "Family identifier", "Gender", "Ethnicity", "Date of Birth",
            "Age of Child (Years)", "Does the Child have a Disability", "Date the Child Entered Care",
            "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order", "Date of Matching Child and Prospective Adopters",
            "Date Placed for Adoption", "Date of Adoption Order", "Date of Decision that Child Should No Longer be Placed for Adoption",
            "Reason Why Child No Longer Placed for Adoption", "Date the child was placed for fostering in FFA or concurrent planning placement");
    public static final List<String> LIST_11 = List.of("Individual adopter identifier", "Family identifier", "Gender", "Ethnicity", "Disability",
            "Is the (prospective) adopter fostering for adoption?", "Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended",
            "Date Stage 2 started", "Date Stage 2 ended", "Date application submitted", "Date application approved",
            "Date adopter matched with child(ren)", "Date child/children placed with adopter(s)", "No. of children placed", "Date of Adoption Order",
            "Date of leaving adoption process", "Reason for leaving adoption process");

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
