package org.oversight.improvement.report;

import java.util.List;
import java.util.Objects;

/**
 * The written statement of action a local authority sends to Ofsted after an inspection, as display
 * text. Findings are shown in the order of {@link #findings()}, which should be the order of the
 * inspection report's recommendations.
 *
 * @param laName          local authority name
 * @param inspectionType  e.g. "Inspection of local authority children's services (ILACS)"
 * @param inspectionDates e.g. "2 to 13 March 2020"
 * @param statementDate   date of this statement as display text
 * @param introduction    optional opening paragraphs (may be empty)
 * @param findings        one entry per inspection finding, in the inspection report's order
 */
public record WrittenStatementContent(
        String laName,
        String inspectionType,
        String inspectionDates,
        String statementDate,
        List<String> introduction,
        List<FindingResponse> findings) {

    /** Copies the lists and checks the fields every statement needs. */
    public WrittenStatementContent {
        Objects.requireNonNull(laName, "laName");
        introduction = CommitteeReportContent.copy(introduction);
        findings = CommitteeReportContent.copy(findings);
    }

    /**
     * An inspection finding and the plan items that answer it.
     *
     * @param finding   the finding or recommendation text
     * @param planItems improvement plan items for this finding
     */
    public record FindingResponse(String finding, List<PlanItem> planItems) {
        /** Copies the plan items. */
        public FindingResponse {
            planItems = CommitteeReportContent.copy(planItems);
        }
    }

    /**
     * An improvement plan item and its actions.
     *
     * @param title   plan item title
     * @param actions the item's actions
     */
    public record PlanItem(String title, List<Action> actions) {
        /** Copies the actions. */
        public PlanItem {
            actions = CommitteeReportContent.copy(actions);
        }
    }

    /**
     * One action in the statement.
     *
     * @param description what will be done
     * @param owner       who is responsible
     * @param due         due date as display text
     * @param measure     measure of success, may be {@code null}
     */
    public record Action(String description, String owner, String due, String measure) {
    }
}
