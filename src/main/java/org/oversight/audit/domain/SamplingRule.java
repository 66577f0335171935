package org.oversight.audit.domain;

import java.util.function.Predicate;

/**
 * Which children a programme samples from, written as data over the child summaries: cohort and overdue rules for
 * children in care and care leavers (SSDA903 data), and the help-and-protection groups of the whole-journey data
 * ({@code JourneySummaries.Group}: CHILD_IN_NEED, CHILD_PROTECTION, EARLY_HELP, STEPPED_DOWN) on the data's date.
 * Each rule's wording is {@code audit.rule.<name>} in messages.properties, shown where a rule is chosen and on the
 * programme.
 */
public enum SamplingRule {
    ALL_CARE_LEAVERS(c -> "CARE_LEAVER".equals(c.cohort())),
    CARE_LEAVERS_PATHWAY_REVIEW_OVERDUE(c -> "CARE_LEAVER".equals(c.cohort()) && c.overdueRules().contains("CL-PATHWAY-REVIEW")),
    CARE_LEAVERS_NOT_IN_TOUCH(c -> "CARE_LEAVER".equals(c.cohort()) && c.overdueRules().contains("CL-KEEPING-IN-TOUCH")),
    ALL_CHILDREN_IN_CARE(c -> "CHILD_IN_CARE".equals(c.cohort())),
    CHILDREN_IN_CARE_REVIEW_OVERDUE(c -> "CHILD_IN_CARE".equals(c.cohort()) && c.overdueRules().contains("CLA-REVIEW")),
    /** An open child-in-need plan or an open child-in-need episode (referral not closed), including those on CP plans. */
    CHILDREN_IN_NEED(c -> c.groups().contains("CHILD_IN_NEED")),
    CHILDREN_ON_CP_PLANS(c -> c.groups().contains("CHILD_PROTECTION")),
    CHILDREN_IN_EARLY_HELP(c -> c.groups().contains("EARLY_HELP")),
    /** A case closed with step-down to early help in the 12 months to the data's date. */
    STEPPED_DOWN_TO_EARLY_HELP(c -> c.groups().contains("STEPPED_DOWN")),
    ALL_CHILDREN(c -> true);

    private final Predicate<Candidate> matches;

    SamplingRule(Predicate<Candidate> matches) {
        this.matches = matches;
    }

    public boolean matches(Candidate c) {
        return matches.test(c);
    }

    /**
     * A child as sampling sees them: reference, cohort, team (null when not allocated), overdue rule ids and
     * help-and-protection groups.
     */
    public record Candidate(String childRef, String cohort, String team, java.util.List<String> overdueRules, java.util.Set<String> groups) {
        public Candidate {
            overdueRules = overdueRules == null ? java.util.List.of() : overdueRules;
            groups = groups == null ? java.util.Set.of() : groups;
        }

        public Candidate(String childRef, String cohort, String team, java.util.List<String> overdueRules) {
            this(childRef, cohort, team, overdueRules, java.util.Set.of());
        }
    }
}
