package org.oversight.childdata.cin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DfE CIN census validation rules of the 2025-26 collection: code, error or query, the module DfE files it under,
 * the message verbatim and the collection year the rule arrived. Copied from data/child-data/cin-rules-2025-26.csv
 * (rule codes, types, tables and messages from data-to-insight/csc-validator-be-cin, MIT); CinRuleCatalogTest checks
 * every entry against that file, so a change to it shows up as a failing test.
 */
public final class CinRuleCatalog {

    /**
     * One rule's definition.
     *
     * @param code     the DfE code, e.g. "8606" or "1560Q" (Q for a query)
     * @param severity error or query
     * @param table    the module: Header, ChildIdentifiers, ChildCharacteristics, Disabilities, CINdetails,
     *                 Assessments, CINplanDates, Section47, ChildProtectionPlans or Reviews
     * @param message  DfE's message, verbatim
     * @param since    the collection year the rule arrived, e.g. "2022/23"
     */
    public record Entry(String code, CinSeverity severity, String table, String message, String since) {
    }

    private static final Map<String, Entry> ENTRIES;

    static {
        Map<String, Entry> m = new LinkedHashMap<>();
        m.put("100", new Entry("100", CinSeverity.ERROR, "Header", "Reference Date is incorrect", "2022/23"));
        m.put("1103", new Entry("1103", CinSeverity.ERROR, "Assessments", "The assessment start date cannot be before the referral date", "2022/23"));
        m.put("1104", new Entry("1104", CinSeverity.ERROR, "Section47", "The date of the initial child protection conference cannot be before the referral date", "2022/23"));
        m.put("1105", new Entry("1105", CinSeverity.ERROR, "ChildProtectionPlans", "The child protection plan start date cannot be before the referral date", "2022/23"));
        m.put("1510", new Entry("1510", CinSeverity.ERROR, "ChildIdentifiers", "UPN invalid (wrong check letter at character 1)", "2022/23"));
        m.put("1520", new Entry("1520", CinSeverity.ERROR, "ChildIdentifiers", "More than one record with the same UPN.", "2022/23"));
        m.put("1530", new Entry("1530", CinSeverity.ERROR, "ChildIdentifiers", "UPN invalid (characters 2-4 not a recognised LA code)", "2023/24"));
        m.put("1540", new Entry("1540", CinSeverity.ERROR, "ChildIdentifiers", "UPN invalid (characters 5-12 not all numeric)", "2022/23"));
        m.put("1550", new Entry("1550", CinSeverity.ERROR, "ChildIdentifiers", "UPN invalid (character 13 not a recognised value)", "2022/23"));
        m.put("1560Q", new Entry("1560Q", CinSeverity.QUERY, "ChildIdentifiers", "Please check and either amend or provide a reason: Former UPN wrongly formatted", "2022/23"));
        m.put("1570", new Entry("1570", CinSeverity.ERROR, "ChildIdentifiers", "LA Child ID must not be longer than 20 characters", "2024/25"));
        m.put("1580", new Entry("1580", CinSeverity.ERROR, "ChildIdentifiers", "LA Child ID must not contain any non-alphanumeric characters", "2024/25"));
        m.put("2883", new Entry("2883", CinSeverity.ERROR, "ChildProtectionPlans", "There are more child protection plans starting than initial conferences taking place", "2022/23"));
        m.put("2884", new Entry("2884", CinSeverity.ERROR, "Section47", "An initial child protection conference is recorded at both the S47 and CIN Details level and it should only be recorded in one", "2022/23"));
        m.put("2885", new Entry("2885", CinSeverity.ERROR, "ChildProtectionPlans", "Child protection plan shown as starting a different day to the initial child protection conference.", "2022/23"));
        m.put("2886Q", new Entry("2886Q", CinSeverity.QUERY, "ChildIdentifiers", "Please check and either amend or provide a reason: Percentage of children with no sex recorded is more than 2% (excluding unborns)", "2024/25"));
        m.put("2887Q", new Entry("2887Q", CinSeverity.QUERY, "Disabilities", "Please check and either amend or provide a reason: Less than 8 disability codes have been used in your return", "2022/23"));
        m.put("2888Q", new Entry("2888Q", CinSeverity.QUERY, "Disabilities", "Please check and either amend or provide a reason: Only one disability code is recorded per child and multiple disabilities should be recorded where possible.", "2022/23"));
        m.put("2889", new Entry("2889", CinSeverity.ERROR, "Section47", "The S47 start date cannot be before the referral date.", "2022/23"));
        m.put("2990", new Entry("2990", CinSeverity.ERROR, "CINdetails", "Activity is recorded against a case marked as \u2018Case closed after assessment, no further action\u2019 or 'case closed after assessment, referred to early help'.", "2022/23"));
        m.put("2991Q", new Entry("2991Q", CinSeverity.QUERY, "CINdetails", "Please check and either amend data or provide a reason: A Section 47 module is recorded and there is no assessment on the episode", "2022/23"));
        m.put("4000", new Entry("4000", CinSeverity.ERROR, "CINplanDates", "CIN Plan details provided for a referral with no further action", "2022/23"));
        m.put("4001", new Entry("4001", CinSeverity.ERROR, "CINplanDates", "A CIN Plan cannot run concurrently with a Child Protection Plan", "2022/23"));
        m.put("4003", new Entry("4003", CinSeverity.ERROR, "Reviews", "A CPP review date is shown as being held at the same time as an open CIN Plan.", "2022/23"));
        m.put("4004", new Entry("4004", CinSeverity.ERROR, "CINplanDates", "This child is showing more than one open CIN Plan, i.e. with no End Date", "2022/23"));
        m.put("4008", new Entry("4008", CinSeverity.ERROR, "ChildIdentifiers", "CIN Plan shown as starting after the child\u2019s Date of Death.", "2022/23"));
        m.put("4009Q", new Entry("4009Q", CinSeverity.QUERY, "ChildIdentifiers", "CIN Plan cannot end after the child\u2019s Date of Death", "2022/23"));
        m.put("4010", new Entry("4010", CinSeverity.ERROR, "CINplanDates", "CIN Plan start date is missing or out of data collection period", "2022/23"));
        m.put("4011", new Entry("4011", CinSeverity.ERROR, "CINplanDates", "CIN Plan End Date earlier than Start Date", "2022/23"));
        m.put("4012Q", new Entry("4012Q", CinSeverity.QUERY, "CINplanDates", "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day", "2022/23"));
        m.put("4013", new Entry("4013", CinSeverity.ERROR, "CINplanDates", "CIN Plan end date must fall within the census year", "2022/23"));
        m.put("4014", new Entry("4014", CinSeverity.ERROR, "CINplanDates", "CIN Plan data contains overlapping dates", "2022/23"));
        m.put("4015", new Entry("4015", CinSeverity.ERROR, "CINplanDates", "The CIN Plan start date cannot be before the referral date", "2022/23"));
        m.put("4016", new Entry("4016", CinSeverity.ERROR, "CINplanDates", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.", "2022/23"));
        m.put("4017", new Entry("4017", CinSeverity.ERROR, "CINplanDates", "A CIN Plan has been reported as open at the same time as a Child Protection Plan.", "2022/23"));
        m.put("4180", new Entry("4180", CinSeverity.ERROR, "ChildIdentifiers", "Sex must be provided and equal M, F, or U", "2024/25"));
        m.put("4220", new Entry("4220", CinSeverity.ERROR, "ChildCharacteristics", "Ethnicity is missing or invalid (see Ethnicity table)", "2022/23"));
        m.put("8500", new Entry("8500", CinSeverity.ERROR, "ChildIdentifiers", "LA Child ID missing", "2022/23"));
        m.put("8510", new Entry("8510", CinSeverity.ERROR, "ChildIdentifiers", "More than one child record with the same LA Child ID", "2022/23"));
        m.put("8520", new Entry("8520", CinSeverity.ERROR, "ChildIdentifiers", "Date of Birth is after data collection period (must be on or before the end of the census period)", "2022/23"));
        m.put("8525Q", new Entry("8525Q", CinSeverity.QUERY, "ChildIdentifiers", "Either Date of Birth or Expected Date of Birth must be provided (but not both)", "2022/23"));
        m.put("8530Q", new Entry("8530Q", CinSeverity.QUERY, "ChildIdentifiers", "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)", "2022/23"));
        m.put("8535Q", new Entry("8535Q", CinSeverity.QUERY, "ChildIdentifiers", "Please check and either amend data or provide a reason: Child\u2019s date of death should not be prior to the date of birth", "2022/23"));
        m.put("8540", new Entry("8540", CinSeverity.ERROR, "ChildCharacteristics", "Child\u2019s disability is missing or invalid (see Disability table)", "2022/23"));
        m.put("8545Q", new Entry("8545Q", CinSeverity.QUERY, "ChildIdentifiers", "Please check and either amend data or provide a reason: Child's date of death should be within the census year", "2022/23"));
        m.put("8555Q", new Entry("8555Q", CinSeverity.QUERY, "CINdetails", "Child cannot be referred after its recorded date of death", "2022/23"));
        m.put("8565", new Entry("8565", CinSeverity.ERROR, "ChildProtectionPlans", "Activity shown after a case has been closed", "2022/23"));
        m.put("8568", new Entry("8568", CinSeverity.ERROR, "CINdetails", "RNFA flag is missing or invalid", "2022/23"));
        m.put("8569Q", new Entry("8569Q", CinSeverity.QUERY, "CINdetails", "A case with referral date before one working day prior to the collection start date must not be flagged as a no further action case", "2022/23"));
        m.put("8585Q", new Entry("8585Q", CinSeverity.QUERY, "CINdetails", "Please check and either amend or provide a reason: CIN episode shows Died as the Closure Reason, however child has no recorded Date of Death", "2022/23"));
        m.put("8590", new Entry("8590", CinSeverity.ERROR, "ChildIdentifiers", "Child does not have a recorded CIN episode.", "2022/23"));
        m.put("8600", new Entry("8600", CinSeverity.ERROR, "CINdetails", "Child referral date missing or after data collection period", "2022/23"));
        m.put("8606", new Entry("8606", CinSeverity.ERROR, "CINdetails", "Child referral date is more than 40 weeks before DOB or expected DOB", "2022/23"));
        m.put("8608", new Entry("8608", CinSeverity.ERROR, "Assessments", "Assessment Start Date cannot be later than its End Date", "2022/23"));
        m.put("8610", new Entry("8610", CinSeverity.ERROR, "CINdetails", "Primary Need code is missing for a referral which led to further action.", "2022/23"));
        m.put("8614", new Entry("8614", CinSeverity.ERROR, "Assessments", "Parental or child factors at assessment should only be present for a completed assessment.", "2022/23"));
        m.put("8615", new Entry("8615", CinSeverity.ERROR, "Section47", "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial Child Protection Conference", "2022/23"));
        m.put("8620", new Entry("8620", CinSeverity.ERROR, "CINdetails", "CIN Closure Date present and does not fall within the Census year", "2022/23"));
        m.put("8630", new Entry("8630", CinSeverity.ERROR, "CINdetails", "CIN Closure Date is before CIN Referral Date for the same CIN episode", "2022/23"));
        m.put("8640", new Entry("8640", CinSeverity.ERROR, "CINdetails", "CIN Reason for closure code invalid (see Reason for Closure table in CIN Census code set)", "2022/23"));
        m.put("8650", new Entry("8650", CinSeverity.ERROR, "CINdetails", "Primary Need Code invalid (see Primary Need table in CIN census code set)", "2022/23"));
        m.put("8670Q", new Entry("8670Q", CinSeverity.QUERY, "Assessments", "Please check and either amend data or provide a reason: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.", "2022/23"));
        m.put("8675Q", new Entry("8675Q", CinSeverity.QUERY, "Section47", "Please check and either amend data or provide a reason: S47 Enquiry started more than 15 working days before the end of the census year. However, there is no date of Initial Child Protection Conference.", "2022/23"));
        m.put("8696", new Entry("8696", CinSeverity.ERROR, "Assessments", "Assessment end date must fall within the census year", "2022/23"));
        m.put("8715", new Entry("8715", CinSeverity.ERROR, "Section47", "Date of Initial Child Protection Conference must fall within the census year", "2022/23"));
        m.put("8720", new Entry("8720", CinSeverity.ERROR, "ChildProtectionPlans", "Child Protection Plan Start Date missing or out of data collection period", "2022/23"));
        m.put("8730", new Entry("8730", CinSeverity.ERROR, "ChildProtectionPlans", "Total Number of previous Child Protection Plans missing", "2022/23"));
        m.put("8736", new Entry("8736", CinSeverity.ERROR, "Assessments", "For an Assessment that has not been completed, the start date must fall within the census year", "2022/23"));
        m.put("8740", new Entry("8740", CinSeverity.ERROR, "Section47", "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of the census year, the start date must fall within the census year", "2022/23"));
        m.put("8750", new Entry("8750", CinSeverity.ERROR, "ChildIdentifiers", "Sex must equal U for an unborn child", "2024/25"));
        m.put("8770Q", new Entry("8770Q", CinSeverity.QUERY, "ChildIdentifiers", "Please check and either amend data or provide a reason: UPN is missing or reason UPN is missing or is UN1 for a child who is of school age.", "2024/25"));
        m.put("8772", new Entry("8772", CinSeverity.ERROR, "ChildIdentifiers", "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action", "2022/23"));
        m.put("8775Q", new Entry("8775Q", CinSeverity.QUERY, "ChildIdentifiers", "Please check and either amend data or provide a reason: Child is over 25 years old", "2022/23"));
        m.put("8790", new Entry("8790", CinSeverity.ERROR, "Disabilities", "Disability information includes both None and other values", "2022/23"));
        m.put("8794", new Entry("8794", CinSeverity.ERROR, "Disabilities", "Child has two or more disabilities with the same code", "2022/23"));
        m.put("8805", new Entry("8805", CinSeverity.ERROR, "CINdetails", "A CIN case cannot have a CIN closure date without a Reason for Closure", "2022/23"));
        m.put("8810", new Entry("8810", CinSeverity.ERROR, "CINdetails", "A CIN case cannot have a Reason for Closure without a CIN Closure Date", "2022/23"));
        m.put("8815", new Entry("8815", CinSeverity.ERROR, "CINdetails", "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.", "2022/23"));
        m.put("8816", new Entry("8816", CinSeverity.ERROR, "CINdetails", "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.", "2022/23"));
        m.put("8820", new Entry("8820", CinSeverity.ERROR, "CINdetails", "The dates on the CIN episodes for this child overlap", "2022/23"));
        m.put("8825Q", new Entry("8825Q", CinSeverity.QUERY, "CINdetails", "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.", "2022/23"));
        m.put("8831", new Entry("8831", CinSeverity.ERROR, "CINdetails", "Activity is recorded against a case marked as a referral with no further action", "2022/23"));
        m.put("8832", new Entry("8832", CinSeverity.ERROR, "ChildProtectionPlans", "Child Protection details provided for a referral with no further action.", "2022/23"));
        m.put("8839", new Entry("8839", CinSeverity.ERROR, "Section47", "Within one CINDetails group there are 2 or more open S47 Assessments", "2022/23"));
        m.put("8840", new Entry("8840", CinSeverity.ERROR, "ChildProtectionPlans", "Child Protection Plan cannot start and end on the same day", "2022/23"));
        m.put("8841", new Entry("8841", CinSeverity.ERROR, "ChildProtectionPlans", "The review date cannot be on the same day or before the Child protection Plan start date.", "2022/23"));
        m.put("8842Q", new Entry("8842Q", CinSeverity.QUERY, "Reviews", "Please check and either amend or provide a reason: Review Record has a missing date", "2022/23"));
        m.put("8863Q", new Entry("8863Q", CinSeverity.QUERY, "Assessments", "An Assessment is shown as starting when there is another Assessment ongoing.", "2022/23"));
        m.put("8866", new Entry("8866", CinSeverity.ERROR, "CINdetails", "Source of Referral is missing or an invalid code", "2022/23"));
        m.put("8867", new Entry("8867", CinSeverity.ERROR, "CINdetails", "CIN episode is shown as closed, however Assessment is not shown as completed", "2022/23"));
        m.put("8868", new Entry("8868", CinSeverity.ERROR, "CINdetails", "CIN episode is shown as closed, however Section 47 enquiry is not shown as completed by ICPC date or ICPC not required flag", "2022/23"));
        m.put("8869", new Entry("8869", CinSeverity.ERROR, "Assessments", "The assessment factors code \u201c21\u201d cannot be used in conjunction with any other assessment factors.", "2022/23"));
        m.put("8870Q", new Entry("8870Q", CinSeverity.QUERY, "Section47", "Please check and either amend or provide a reason: The Target Date for Initial Child Protection Conference should not be a weekend", "2022/23"));
        m.put("8873Q", new Entry("8873Q", CinSeverity.QUERY, "Assessments", "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code \u201c21 No factors identified\u201d has been used for the completed assessment, the reason for closure \u2018RC8\u2019 or 'RC9' should be used.", "2022/23"));
        m.put("8875", new Entry("8875", CinSeverity.ERROR, "Section47", "The Date of Initial Child Protection Conference cannot be a weekend", "2022/23"));
        m.put("8890", new Entry("8890", CinSeverity.ERROR, "CINdetails", "A Section 47 enquiry is shown as starting when there is another Section 47 Enquiry ongoing", "2022/23"));
        m.put("8896", new Entry("8896", CinSeverity.ERROR, "Assessments", "Within one CINDetails group there are 2 or more open Assessments groups", "2022/23"));
        m.put("8897Q", new Entry("8897Q", CinSeverity.QUERY, "Assessments", "Parental or child factors at assessment information is missing from a completed assessment", "2022/23"));
        m.put("8898", new Entry("8898", CinSeverity.ERROR, "Assessments", " The assessment has more than one parental or child factors with the same code", "2022/23"));
        m.put("8905", new Entry("8905", CinSeverity.ERROR, "ChildProtectionPlans", "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)", "2022/23"));
        m.put("8910", new Entry("8910", CinSeverity.ERROR, "ChildProtectionPlans", "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)", "2022/23"));
        m.put("8915", new Entry("8915", CinSeverity.ERROR, "ChildProtectionPlans", "Child Protection Plan shown as starting after the child\u2019s Date of Death", "2022/23"));
        m.put("8920", new Entry("8920", CinSeverity.ERROR, "ChildProtectionPlans", "Child Protection Plan cannot end after the child\u2019s Date of Death", "2022/23"));
        m.put("8925", new Entry("8925", CinSeverity.ERROR, "ChildProtectionPlans", "Child Protection Plan End Date earlier than Start Date", "2022/23"));
        m.put("8930", new Entry("8930", CinSeverity.ERROR, "ChildProtectionPlans", "Child Protection Plan End Date must fall within the census year", "2022/23"));
        m.put("8935", new Entry("8935", CinSeverity.ERROR, "ChildProtectionPlans", "This child is showing more than one open Child Protection plan, i.e. with no End Date", "2022/23"));
        m.put("8940", new Entry("8940", CinSeverity.ERROR, "ChildProtectionPlans", "Child Protection Plan data contains overlapping dates", "2022/23"));
        m.put("8945Q", new Entry("8945Q", CinSeverity.QUERY, "Assessments", "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)", "2024/25"));
        m.put("8950Q", new Entry("8950Q", CinSeverity.QUERY, "Assessments", "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)", "2024/25"));
        ENTRIES = Collections.unmodifiableMap(m);
    }

    private CinRuleCatalog() {
    }

    /** Every rule of the 2025-26 collection, in the order of the rule file. */
    public static Map<String, Entry> all() {
        return ENTRIES;
    }

    /** One rule; fails for a code that is not a 2025-26 rule. */
    public static Entry get(String code) {
        Entry e = ENTRIES.get(code);
        if (e == null) {
            throw new IllegalArgumentException("No CIN rule " + code + " in the 2025-26 collection");
        }
        return e;
    }
}
