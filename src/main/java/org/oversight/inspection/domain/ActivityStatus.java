package org.oversight.inspection.domain;

/**
 * Where an activity is in its life: planned → notified → on site → awaiting publication → published.
 * Activities that Ofsted does not publish (engagement meeting, self-evaluation) end as completed.
 * Derived from the dates, so it can never disagree with them.
 */
public enum ActivityStatus {
    PLANNED, NOTIFIED, ON_SITE, AWAITING_PUBLICATION, PUBLISHED, COMPLETED;

    public String labelKey() {
        return "activity.status." + name();
    }
}
