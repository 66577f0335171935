package org.oversight.childdata.cin;

import java.util.List;

/**
 * One CIN census return as the XML holds it ({@code Message/Header} and {@code Message/Children/Child}), field for field.
 * Codes and flags keep the text the file had (trimmed), so that validation can quote a wrong value; a field that is
 * absent (or empty) is null; lists are never null. Field names follow the DfE data items, shown beside each in the
 * element name the XML uses.
 *
 * @param header   the collection and source details
 * @param children every {@code Child} in file order
 */
public record CinCensus(Header header, List<Child> children) {

    public CinCensus {
        header = header == null ? Header.EMPTY : header;
        children = List.copyOf(children);
    }

    /**
     * {@code Header/CollectionDetails} and {@code Header/Source}.
     *
     * @param collection    {@code Collection}: "CIN"
     * @param year          {@code Year}: the collection year as written (e.g. "2026")
     * @param referenceDate {@code ReferenceDate} (N00603): the census date, 31 March of the collection year
     * @param sourceLevel   {@code SourceLevel}: "L"
     * @param lea           {@code LEA}: the LA's three-digit DfE code
     * @param softwareCode  {@code SoftwareCode}
     * @param release       {@code Release}
     * @param serialNo      {@code SerialNo}
     * @param dateTime      {@code DateTime}: when the file was made, as written
     */
    public record Header(String collection, String year, CinDate referenceDate, String sourceLevel, String lea,
                         String softwareCode, String release, String serialNo, String dateTime) {

        public static final Header EMPTY = new Header(null, null, null, null, null, null, null, null, null);
    }

    /**
     * {@code Child}: its identifiers, characteristics and CIN episodes.
     *
     * @param laChildId               {@code LAchildID} (N00097)
     * @param upn                     {@code UPN} (N00001), unique pupil number
     * @param formerUpn               {@code FormerUPN} (N00002)
     * @param upnUnknown              {@code UPNunknown} (N00135): UN1–UN7, why there is no UPN
     * @param personBirthDate         {@code PersonBirthDate} (N00066)
     * @param expectedPersonBirthDate {@code ExpectedPersonBirthDate} (N00098), for an unborn child
     * @param genderCurrent           {@code GenderCurrent} (N00065), used before 2024-25 (1, 2, 0, 9)
     * @param sex                     {@code Sex} (N00783), from 2024-25 (M, F, U)
     * @param personDeathDate         {@code PersonDeathDate} (N00108)
     * @param ethnicity               {@code ChildCharacteristics/Ethnicity} (N00177)
     * @param disabilities            {@code ChildCharacteristics/Disabilities/Disability} (N00099), in file order
     * @param cinDetails              every {@code CINdetails} module (a CIN episode), in file order
     */
    public record Child(String laChildId, String upn, String formerUpn, String upnUnknown, CinDate personBirthDate,
                        CinDate expectedPersonBirthDate, String genderCurrent, String sex, CinDate personDeathDate,
                        String ethnicity, List<String> disabilities, List<CinDetails> cinDetails) {

        public Child {
            disabilities = List.copyOf(disabilities);
            cinDetails = List.copyOf(cinDetails);
        }
    }

    /**
     * {@code CINdetails}: one episode of need, from referral to closure.
     *
     * @param referralDate     {@code CINreferralDate} (N00100)
     * @param referralSource   {@code ReferralSource} (N00152)
     * @param primaryNeedCode  {@code PrimaryNeedCode} (N00101): N0–N9
     * @param closureDate      {@code CINclosureDate} (N00102)
     * @param reasonForClosure {@code ReasonForClosure} (N00103): RC1–RC9
     * @param dateOfInitialCpc {@code DateOfInitialCPC} (N00110) recorded on the episode
     * @param referralNfa      {@code ReferralNFA} (N00112): true/1 when the referral led to no further action
     * @param assessments      {@code Assessments} modules
     * @param cinPlans         {@code CINPlanDates} modules
     * @param section47s       {@code Section47} modules
     * @param protectionPlans  {@code ChildProtectionPlans} modules
     * @param preProceedings   {@code PreProceedingsandFGDM} modules (new in 2026; no rule reads them yet)
     */
    public record CinDetails(CinDate referralDate, String referralSource, String primaryNeedCode, CinDate closureDate,
                             String reasonForClosure, CinDate dateOfInitialCpc, String referralNfa,
                             List<Assessment> assessments, List<CinPlan> cinPlans, List<Section47> section47s,
                             List<ProtectionPlan> protectionPlans, List<PreProceedings> preProceedings) {

        public CinDetails {
            assessments = List.copyOf(assessments);
            cinPlans = List.copyOf(cinPlans);
            section47s = List.copyOf(section47s);
            protectionPlans = List.copyOf(protectionPlans);
            preProceedings = List.copyOf(preProceedings);
        }
    }

    /**
     * {@code Assessments}.
     *
     * @param actualStartDate    {@code AssessmentActualStartDate} (N00159)
     * @param internalReviewDate {@code AssessmentInternalReviewDate}
     * @param authorisationDate  {@code AssessmentAuthorisationDate} (N00160): when the assessment was completed
     * @param factors            {@code FactorsIdentifiedAtAssessment/AssessmentFactors} (N00181), in file order
     */
    public record Assessment(CinDate actualStartDate, CinDate internalReviewDate, CinDate authorisationDate,
                             List<String> factors) {

        public Assessment {
            factors = List.copyOf(factors);
        }
    }

    /**
     * {@code CINPlanDates}.
     *
     * @param startDate {@code CINPlanStartDate} (N00689)
     * @param endDate   {@code CINPlanEndDate} (N00690)
     */
    public record CinPlan(CinDate startDate, CinDate endDate) {
    }

    /**
     * {@code Section47}: an enquiry under section 47 of the Children Act 1989.
     *
     * @param actualStartDate  {@code S47ActualStartDate} (N00148)
     * @param initialCpcTarget {@code InitialCPCtarget} (N00109)
     * @param dateOfInitialCpc {@code DateOfInitialCPC} (N00110)
     * @param icpcNotRequired  {@code ICPCnotRequired} (N00111): true/1 when no conference was needed
     */
    public record Section47(CinDate actualStartDate, CinDate initialCpcTarget, CinDate dateOfInitialCpc,
                            String icpcNotRequired) {
    }

    /**
     * {@code ChildProtectionPlans}.
     *
     * @param startDate              {@code CPPstartDate} (N00105)
     * @param endDate                {@code CPPendDate} (N00115)
     * @param initialCategoryOfAbuse {@code InitialCategoryOfAbuse} (N00113)
     * @param latestCategoryOfAbuse  {@code LatestCategoryOfAbuse} (N00114)
     * @param numberOfPreviousCpp    {@code NumberOfPreviousCPP} (N00106), as written
     * @param reviewDates            {@code Reviews/CPPreviewDate} (N00116), in file order
     */
    public record ProtectionPlan(CinDate startDate, CinDate endDate, String initialCategoryOfAbuse,
                                 String latestCategoryOfAbuse, String numberOfPreviousCpp, List<CinDate> reviewDates) {

        public ProtectionPlan {
            reviewDates = List.copyOf(reviewDates);
        }
    }

    /** {@code PreProceedingsandFGDM}: pre-proceedings and family group decision making, as written. */
    public record PreProceedings(CinDate ppStartDate, CinDate lbpSentDate, String fgdmMeetingOffer,
                                 String fgdmMeetingFac, CinDate initialPpMeetingDate, String reviewMeetingsCount,
                                 CinDate stepDecisionDate, String ppOutcome, CinDate courtAppDate,
                                 CinDate letterInitCpDate) {
    }
}
