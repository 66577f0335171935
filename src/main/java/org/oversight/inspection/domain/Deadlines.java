package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * Works out an activity's deadlines in England and Wales working days:
 * <ul>
 *   <li>expected on-site start: the notice period after notification (5 WD for inspections and focused visits, 10 for JTAIs);</li>
 *   <li>expected publication: 30 WD after the last on-site day (the measured median for reports);</li>
 *   <li>the LA's own publication of an inspection report: 30 WD after receiving it (SI 2007/462 reg 2);</li>
 *   <li>draft action plan: 20 WD after a letter with areas for priority action;</li>
 *   <li>action plan / written statement of action: 70 WD after publication, for every graded inspection,
 *       every JTAI (the partnership plan) and every visit with areas for priority action.</li>
 * </ul>
 * Before publication the plan deadlines are counted from the expected publication date and marked estimated.
 */
public final class Deadlines {

    private final WorkingDayCalendar calendar;
    private final DeadlineRules rules;

    public Deadlines(WorkingDayCalendar calendar, DeadlineRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    public List<Deadline> of(InspectionActivity activity) {
        ActivityType type = activity.type();
        List<Deadline> result = new ArrayList<>();
        if (!type.published()) {
            return result;
        }
        int notice = rules.noticeFor(type);
        if (activity.notificationDate() != null && activity.onSite().isEmpty() && notice > 0) {
            result.add(new Deadline(Deadline.Kind.EXPECTED_ON_SITE, calendar.addWorkingDays(activity.notificationDate(), notice),
                    notice, activity.notificationDate(), "deadline.from.notification", false));
        }
        LocalDate publication = activity.publicationDate();
        boolean estimated = false;
        String fromKey = "deadline.from.publication";
        if (publication == null && activity.endDate() != null) {
            int days = type.report() ? rules.reportPublication() : rules.letterPublication();
            publication = calendar.addWorkingDays(activity.endDate(), days);
            result.add(new Deadline(Deadline.Kind.EXPECTED_PUBLICATION, publication, days, activity.endDate(),
                    "deadline.from.lastOnSiteDay", false));
            estimated = true;
            fromKey = "deadline.from.expectedPublication";
        }
        if (publication == null) {
            return result;
        }
        if (type.report()) {
            result.add(new Deadline(Deadline.Kind.LA_PUBLICATION, calendar.addWorkingDays(publication, rules.laPublication()),
                    rules.laPublication(), publication, fromKey, estimated));
        }
        if (activity.hasPriorityActions()) {
            result.add(new Deadline(Deadline.Kind.DRAFT_ACTION_PLAN,
                    calendar.addWorkingDays(publication, rules.draftPlanAfterPriorityActions()),
                    rules.draftPlanAfterPriorityActions(), publication, fromKey, estimated));
        }
        if (type.report() || type == ActivityType.JTAI || activity.hasPriorityActions()) {
            result.add(new Deadline(Deadline.Kind.ACTION_PLAN, calendar.addWorkingDays(publication, rules.actionPlan()),
                    rules.actionPlan(), publication, fromKey, estimated));
        }
        return result;
    }

    /** Working days from today to a due date: positive while there is time left, negative once overdue. */
    public int workingDaysRemaining(LocalDate today, LocalDate due) {
        return calendar.workingDaysBetween(today, due);
    }

    /**
     * Where a deadline stands today (see {@link DeadlineState}).
     *
     * @param planMadeOn  the date the first plan answering the activity was made, or null
     * @param trackedFrom the first day Oversight held the LA's own records, or null
     */
    public DeadlineState state(Deadline deadline, LocalDate today, LocalDate planMadeOn, LocalDate trackedFrom) {
        return DeadlineState.of(deadline, today, workingDaysRemaining(today, deadline.due()),
                deadline.kind().metByPlan() ? planMadeOn : null, trackedFrom);
    }
}
