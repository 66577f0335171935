package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a person (or an import) says about an activity, before it is checked and stored. */
public record ActivityCommand(
        ActivityType type,
        String theme,
        List<String> partnerInspectorates,
        LocalDate notificationDate,
        List<OnSiteRange> onSite,
        LocalDate feedbackDate,
        LocalDate publicationDate,
        String leadInspector,
        String inspectionTeam,
        String summary,
        Map<JudgementArea, Grade> judgements) {
}
