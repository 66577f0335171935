package org.oversight.inspection.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Working-day intervals behind every deadline (domain/ilacs.md §6.1). Configuration, because several are
 * unconfirmed ([U]) or measured ([E]) rather than written rules.
 */
@ConfigurationProperties("oversight.deadlines")
public record DeadlineRules(
        @DefaultValue("30") int reportPublication,
        @DefaultValue("30") int letterPublication,
        @DefaultValue("30") int laPublication,
        @DefaultValue("20") int draftPlanAfterPriorityActions,
        @DefaultValue("70") int actionPlan,
        @DefaultValue("5") int inspectionNotice,
        @DefaultValue("5") int focusedVisitNotice,
        @DefaultValue("10") int jtaiNotice) {

    public static DeadlineRules defaults() {
        return new DeadlineRules(30, 30, 30, 20, 70, 5, 5, 10);
    }

    /** Working days of notice before on-site work starts, or 0 where there is no rule. */
    public int noticeFor(ActivityType type) {
        return switch (type) {
            case STANDARD_INSPECTION, SHORT_INSPECTION, SIF_INSPECTION -> inspectionNotice;
            case FOCUSED_VISIT, MONITORING_VISIT -> focusedVisitNotice;
            case JTAI -> jtaiNotice;
            case ANNUAL_ENGAGEMENT_MEETING, SELF_EVALUATION -> 0;
        };
    }
}
