package org.oversight.selfeval;

import java.util.List;

import org.oversight.inspection.ActivityLinks;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.InspectionActivity;
import org.springframework.stereotype.Component;

/** On an annual engagement meeting's page (the single record), the self-evaluation the meeting reviewed. */
@Component
class SelfEvaluationActivityLinks implements ActivityLinks {

    private final SelfEvaluations selfEvaluations;

    SelfEvaluationActivityLinks(SelfEvaluations selfEvaluations) {
        this.selfEvaluations = selfEvaluations;
    }

    @Override
    public List<Link> linksFor(InspectionActivity activity) {
        if (activity.type() != ActivityType.ANNUAL_ENGAGEMENT_MEETING) {
            return List.of();
        }
        return selfEvaluations.yearOfActivity(activity.laId(), activity.id())
                .map(year -> List.of(new Link("self-evaluation-link", "Self-evaluation " + year + " reviewed at this meeting",
                        "/local-authorities/" + activity.laUrn() + "/self-evaluations/" + year)))
                .orElse(List.of());
    }
}
