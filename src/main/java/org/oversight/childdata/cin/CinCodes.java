package org.oversight.childdata.cin;

import java.util.Set;

/** The CIN census code lists (2025-26) that other readers of the same data check against: the rules' own sets. */
public final class CinCodes {

    private CinCodes() {
    }

    /** Sex: M, F or U (rule 4180). */
    public static final Set<String> SEXES = ChildRules.SEXES;
    /** Ethnicity (rule 4220). */
    public static final Set<String> ETHNICITIES = ChildRules.ETHNICITIES;
    /** Disability (rule 8540). */
    public static final Set<String> DISABILITIES = ChildRules.DISABILITIES;
    /** Why a child has no UPN: UN1 to UN7 (N00135). */
    public static final Set<String> UPN_UNKNOWN = Set.of("UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7");
    /** Source of referral (rule 8568). */
    public static final Set<String> REFERRAL_SOURCES = EpisodeRules.REFERRAL_SOURCES;
    /** Reason for closure: RC1 to RC9. */
    public static final Set<String> CLOSURE_REASONS = EpisodeRules.CLOSURE_REASONS;
    /** Factors identified at the end of assessment. */
    public static final Set<String> FACTORS = AssessmentRules.FACTORS;
}
