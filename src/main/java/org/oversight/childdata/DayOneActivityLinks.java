package org.oversight.childdata;

import java.util.List;

import org.oversight.inspection.ActivityLinks;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.InspectionActivity;
import org.springframework.stereotype.Component;

/** On a standard or short inspection's page, for the LA's managers: the day-one page with its Annex A pack. */
@Component
class DayOneActivityLinks implements ActivityLinks {

    private final DayOnePack pack;

    DayOneActivityLinks(DayOnePack pack) {
        this.pack = pack;
    }

    @Override
    public List<Link> linksFor(InspectionActivity activity) {
        if ((activity.type() != ActivityType.STANDARD_INSPECTION && activity.type() != ActivityType.SHORT_INSPECTION) || !pack.mayUse(activity.laId())) {
            return List.of();
        }
        return List.of(new Link("day-one-link", activity.notificationDate() == null
                ? "Day one: the Annex A pack (available once the notification date is recorded)"
                : "Day one: headline figures and the Annex A pack", "/activities/" + activity.id() + "/day-one"));
    }
}
