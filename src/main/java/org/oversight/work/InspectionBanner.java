package org.oversight.work;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.oversight.inspection.domain.ActivityStatus;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.shared.calendar.WorkingDayCalendar;

/**
 * The inspection activity an LA is in the middle of, as one line at the top of its people's work: on site (working day
 * n of m), notified (working days since notification, and when inspectors are expected), or awaiting the report.
 *
 * @param stage      ON_SITE, NOTIFIED or AWAITING_PUBLICATION
 * @param day        on site: the working day of the visit (1 on the first day); notified: working days since the notification
 * @param days       on site: the visit's working days; notified: working days until the first on-site day (0 when not known)
 * @param onSiteFrom the first on-site day, recorded or expected (notice period after notification), or null
 */
public record InspectionBanner(ActivityStatus stage, InspectionActivity activity, int day, int days, LocalDate onSiteFrom,
                               boolean onSiteExpected) {

    /**
     * The activity to show, most pressing first: on site, then notified, then awaiting publication (the latest of each).
     *
     * @param noticeDays working days of notice for the activity's type (0 where there is no rule)
     */
    static Optional<InspectionBanner> of(List<InspectionActivity> activities, LocalDate today, WorkingDayCalendar calendar,
                                         java.util.function.ToIntFunction<InspectionActivity> noticeDays) {
        for (ActivityStatus stage : List.of(ActivityStatus.ON_SITE, ActivityStatus.NOTIFIED, ActivityStatus.AWAITING_PUBLICATION)) {
            Optional<InspectionActivity> found = activities.stream().filter(a -> a.type().published() && a.status(today) == stage)
                    .max(java.util.Comparator.comparing(a -> a.startDate() != null ? a.startDate() : a.notificationDate()));
            if (found.isEmpty()) {
                continue;
            }
            InspectionActivity a = found.get();
            return Optional.of(switch (stage) {
                case ON_SITE -> new InspectionBanner(stage, a, onSiteDay(a, today, calendar), onSiteDays(a, calendar), a.startDate(), false);
                case NOTIFIED -> {
                    int since = calendar.workingDaysBetween(a.notificationDate(), today);
                    int notice = noticeDays.applyAsInt(a);
                    LocalDate from = a.startDate() != null ? a.startDate()
                            : notice > 0 ? calendar.addWorkingDays(a.notificationDate(), notice) : null;
                    int until = from == null ? 0 : Math.max(0, calendar.workingDaysBetween(today, from));
                    yield new InspectionBanner(stage, a, since, until, from, a.startDate() == null);
                }
                default -> new InspectionBanner(stage, a, 0, 0, a.startDate(), false);
            });
        }
        return Optional.empty();
    }

    /** The working day of the visit today, counting only days inside its on-site ranges (a split inspection too). */
    private static int onSiteDay(InspectionActivity a, LocalDate today, WorkingDayCalendar calendar) {
        int day = 0;
        for (var range : a.onSite()) {
            for (LocalDate d = range.start(); !d.isAfter(range.end()) && !d.isAfter(today); d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d)) {
                    day++;
                }
            }
        }
        return Math.max(1, day);
    }

    private static int onSiteDays(InspectionActivity a, WorkingDayCalendar calendar) {
        int days = 0;
        for (var range : a.onSite()) {
            for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d)) {
                    days++;
                }
            }
        }
        return Math.max(1, days);
    }
}
