package org.oversight.childdata.ssda903;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Messages for the rules this package implements.
 *
 * <p>DfE codes carry the message verbatim from data/child-data/903-rules-2026-27.csv (generated from
 * data-to-insight/csc-validator-be-903 @10ad07c, MIT). RuleMessagesTest checks every DfE entry here against that
 * file, so a change to the rule file shows up as a failing test. Oversight codes (OV-...) are our own.
 */
public final class RuleMessages {

    private static final Map<String, String> MESSAGES;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        // DfE rules (2026-27 rule set), verbatim
        m.put("101", "The child or young person’s reported sex is not valid.");
        m.put("102", "Date of birth is not a valid date.");
        m.put("103", "The ethnicity code is either not valid or has not been entered.");
        m.put("104", "Date for Unaccompanied Asylum-Seeking Children (UASC) status ceased is not a valid date.");
        m.put("131", "Data entry for being in touch after leaving care is invalid.");
        m.put("132", "Data entry for activity after leaving care is invalid.");
        m.put("133", "Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid");
        m.put("141", "Date episode began is not a valid date.");
        m.put("142", "A new episode has started, but the previous episode has not ended.");
        m.put("143", "The reason for new episode code is not a valid code.");
        m.put("144", "The legal status code is not a valid code.");
        m.put("145", "Category of need code is not a valid code.");
        m.put("146", "Placement type code is not a valid code.");
        m.put("147", "Date episode ceased is not a valid date.");
        m.put("148", "Date episode ceased and reason episode ceased must both be coded, or both left blank.");
        m.put("149", "Reason episode ceased code is not valid. ");
        m.put("153", "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.");
        m.put("166", "Date of review is invalid or blank.");
        m.put("167", "Data entry for participation is invalid or blank.");
        m.put("168", "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.");
        m.put("171", "Date of birth of mother's child is not a valid date.");
        m.put("174", "Mother's child date of birth is recorded but sex shows that the child is a male.");
        m.put("178", "Placement provider code is not a valid code.");
        m.put("213", "Placement provider information not required.");
        m.put("233", "Reason for placement change is not required when the episode has not ceased.");
        m.put("301", "Date of birth falls after the year ended.");
        m.put("302", "First episode starts before child was born.");
        m.put("304", "Date unaccompanied asylum-seeking child (UASC) status ceased must be on or before the 18th birthday of a child.");
        m.put("345", "The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.");
        m.put("352", "Child who started to be looked after was aged 18 or over.");
        m.put("354", "Date episode ceased must be on or before the end of the current collection year.");
        m.put("355", "Episode appears to have lasted for less than 24 hours");
        m.put("356", "The date the episode ceased is before the date the same episode started.");
        m.put("357", "If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.");
        m.put("358", "Child with this legal status should not be under 10.");
        m.put("372", "Child in youth custody or prison should be at least 10.");
        m.put("373", "Child placed in a school should be at least 4 years old.");
        m.put("385", "Date episode ceased must be on or before the end of the current collection year.");
        m.put("386", "Reason episode ceased is adopted but child has reached age 18.");
        m.put("388", "Reason episode ceased is coded new episode begins, but there is no continuation episode.");
        m.put("391", "Young person was not 17, 18, 19, 20 or 21 during the current collection year. ");
        m.put("433", "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.");
        m.put("440", "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.");
        m.put("441", "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.");
        m.put("442", "Unique Pupil Number (UPN) field is not completed.");
        m.put("501", "A new episode has started before the end date of the previous episode.");
        m.put("526", "Child is missing a placement provider code for at least one episode.");
        m.put("527", "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.");
        m.put("528", "A placement provider code of PR2 cannot be associated with placements P1, R2 or R5.");
        m.put("529", "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.");
        m.put("530", "A placement provider code of PR4 cannot be associated with placement P1.");
        m.put("531", "A placement provider code of PR5 cannot be associated with placements P1.");
        m.put("550", "A placement provider code of PR0 can only be associated with placement P1.");
        m.put("564", "Child was missing or away from placement without authorisation and the date started is blank.");
        m.put("565", "The date that the child started to be missing or away from placement without authorisation has been completed but whether the child was missing or away from placement without authorisation has not been completed.");
        m.put("567", "The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.");
        m.put("574", "A new missing/away from placement without authorisation period cannot start when the previous missing/away from placement without authorisation period is still open. Missing/away from placement without authorisation periods should also not overlap.");
        m.put("586", "Dates of missing periods are before child’s date of birth.");
        m.put("611", "Date of birth field is blank, but child is a mother.");
        m.put("612", "Date of birth field has been completed but mother field indicates child is not a mother.");
        m.put("1004", "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.");
        m.put("1005", "The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.");
        m.put("1006", "Missing type invalid.");
        m.put("1009", "Reason for placement change is not a valid code.");
        m.put("INT03", "Internal Check: Child in Episodes does not exist in Header.");
        m.put("INT04", "Internal Check: Child in Missing does not exist in Header.");
        m.put("INT06", "Internal Check: Child in OC3 does not exist in Header.");
        m.put("INT08", "Internal Check: Child in Reviews does not exist in Header.");
        m.put("INT09", "Internal Check: Child in UASC does not exist in Header.");
        m.put("INT13", "Internal Check: DOB in Missing is different to DOB in Header.");
        m.put("INT15", "Internal Check: DOB in OC3 is different to DOB in Header.");
        m.put("INT17", "Internal Check: DOB in Reviews is different to DOB in Header.");
        m.put("INT18", "Internal Check: DOB in UASC is different to DOB in Header.");
        m.put("INT21", "Internal Check: SEX in UASC is different to SEX in Header.");
        m.put("INT32", "Internal Check: Child should only exist once in Header.");
        m.put("INT34", "Internal Check: Child should only exist once in OC3.");
        m.put("INT36", "Internal Check: Child should only exist once in UASC.");
        // Oversight rules
        m.put("OV-EMPTY", "The file is empty.");
        m.put("OV-NO-ROWS", "The file has a header row but no data rows.");
        m.put("OV-HEADER", "The header row does not match the SSDA903 table.");
        m.put("OV-TABLE", "The header row does not match any SSDA903 table this reader knows (Header, Episodes, Reviews, OC3, Missing, UASC).");
        m.put("OV-DATE", "The date is not a valid date in dd/mm/yyyy format.");
        m.put("OV-CODE", "The code is not in the SSDA903 code list for this field.");
        m.put("OV-REQUIRED", "This field must be completed.");
        m.put("OV-DUPLICATE", "Duplicate episode: this child already has an episode starting on this date.");
        m.put("OV-ROW", "The row has a different number of fields from the header.");
        m.put("OV-REVIEW-NO-EPISODE", "A review is recorded but the child has no episode of care.");
        m.put("OV-REVIEW-BEFORE-CARE", "The review date is before the child first started to be looked after.");
        m.put("OV-READ", "The file could not be read as CSV.");
        MESSAGES = Collections.unmodifiableMap(m);
    }

    private RuleMessages() {
    }

    /** The message for a rule code; never null. */
    public static String message(String code) {
        return MESSAGES.getOrDefault(code, "Rule " + code);
    }

    /** Every rule code with a message here, DfE first, in a stable order. */
    public static Map<String, String> all() {
        return MESSAGES;
    }
}
