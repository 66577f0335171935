package org.oversight.voice;

import java.util.List;

import org.oversight.compliance.ChildSummaries.Cohort;

/**
 * The sections of a care leaver's pathway plan and of a child in care's care plan (Care Planning, Placement and Case
 * Review Regulations 2010 and the Care Leavers Regulations 2010, in the young person's words), of a child protection or
 * child-in-need plan (Working Together to Safeguard Children 2023: what needs to change, keeping safe, the child's
 * health, learning and family, in their words), and
 * {@link #WHAT_MATTERS}, what matters to them. Titles and prompts are in messages.properties (voice.section.*).
 */
public enum PlanSection {
    ACCOMMODATION, EET, HOME, EDUCATION, HEALTH, MONEY, RELATIONSHIPS, FAMILY, IDENTITY, INDEPENDENCE, SAFETY, WHAT_MATTERS;

    private static final List<PlanSection> PATHWAY = List.of(ACCOMMODATION, EET, HEALTH, MONEY, RELATIONSHIPS, IDENTITY);
    private static final List<PlanSection> CARE = List.of(HOME, EDUCATION, HEALTH, FAMILY, IDENTITY, INDEPENDENCE);
    private static final List<PlanSection> CHILD_PLAN = List.of(SAFETY, HOME, FAMILY, EDUCATION, HEALTH);

    /** The plan's sections for this cohort, in the order the plan shows them (not {@link #WHAT_MATTERS}). */
    public static List<PlanSection> of(Cohort cohort) {
        return switch (cohort) {
            case CARE_LEAVER -> PATHWAY;
            case CHILD_IN_CARE -> CARE;
            case CHILD_PROTECTION, CHILD_IN_NEED -> CHILD_PLAN;
        };
    }

    /** The section with this code (any case, dashes for underscores) if it belongs to the cohort's plan or is what matters. */
    public static java.util.Optional<PlanSection> find(Cohort cohort, String code) {
        if (code == null) {
            return java.util.Optional.empty();
        }
        String normal = code.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (PlanSection s : values()) {
            if (s.name().equals(normal) && (s == WHAT_MATTERS || of(cohort).contains(s))) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }

    /** The code used in addresses: lower case with dashes. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
