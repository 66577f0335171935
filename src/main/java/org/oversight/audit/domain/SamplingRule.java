package org.oversight.audit.domain;

import java.util.function.Predicate;

/** Which children a programme samples from, written as data over the child summaries (cohort and overdue rules). */
public enum SamplingRule {
    ALL_CARE_LEAVERS(c -> "CARE_LEAVER".equals(c.cohort())),
    CARE_LEAVERS_PATHWAY_REVIEW_OVERDUE(c -> "CARE_LEAVER".equals(c.cohort()) && c.overdueRules().contains("CL-PATHWAY-REVIEW")),
    CARE_LEAVERS_NOT_IN_TOUCH(c -> "CARE_LEAVER".equals(c.cohort()) && c.overdueRules().contains("CL-KEEPING-IN-TOUCH")),
    ALL_CHILDREN_IN_CARE(c -> "CHILD_IN_CARE".equals(c.cohort())),
    CHILDREN_IN_CARE_REVIEW_OVERDUE(c -> "CHILD_IN_CARE".equals(c.cohort()) && c.overdueRules().contains("CLA-REVIEW")),
    ALL_CHILDREN(c -> true);

    private final Predicate<Candidate> matches;

    SamplingRule(Predicate<Candidate> matches) {
        this.matches = matches;
    }

    public boolean matches(Candidate c) {
        return matches.test(c);
    }

    /** A child as sampling sees them: reference, cohort, team (null when not allocated) and overdue rule ids. */
    public record Candidate(String childRef, String cohort, String team, java.util.List<String> overdueRules) {
    }
}
