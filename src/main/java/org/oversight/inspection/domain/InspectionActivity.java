package org.oversight.inspection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One Ofsted activity at one LA, as stored. */
public record InspectionActivity(
        UUID id,
        UUID laId,
        int laUrn,
        String laName,
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
        Map<JudgementArea, Grade> judgements,
        List<Finding> findings,
        String source,
        int version,
        Instant updatedAt,
        String updatedBy,
        String documentSha256) {

    /** First on-site day (the date that decides the judgement set). */
    public LocalDate startDate() {
        return onSite.isEmpty() ? null : onSite.getFirst().start();
    }

    /** Last on-site day. */
    public LocalDate endDate() {
        return onSite.isEmpty() ? null : onSite.getLast().end();
    }

    public ActivityStatus status(LocalDate today) {
        if (!type.published()) {
            LocalDate held = endDate() != null ? endDate() : notificationDate;
            return held != null && !held.isAfter(today) ? ActivityStatus.COMPLETED : ActivityStatus.PLANNED;
        }
        if (publicationDate != null && !publicationDate.isAfter(today)) {
            return ActivityStatus.PUBLISHED;
        }
        if (publicationDate == null && documentSha256 != null && "IMPORT".equals(source)) {
            // Read from a document Ofsted published, whose publication date was not printed in it.
            return ActivityStatus.PUBLISHED;
        }
        if (startDate() != null && !startDate().isAfter(today)) {
            return endDate().isBefore(today) ? ActivityStatus.AWAITING_PUBLICATION : ActivityStatus.ON_SITE;
        }
        if (notificationDate != null && !notificationDate.isAfter(today)) {
            return ActivityStatus.NOTIFIED;
        }
        return ActivityStatus.PLANNED;
    }

    /** Published activities (and their judgements and findings) are public; everything else is LA-internal. */
    public boolean publiclyVisible(LocalDate today) {
        return status(today) == ActivityStatus.PUBLISHED;
    }

    public Optional<JudgementEra> era(JudgementSet judgementSet) {
        return judgementSet.eraFor(type, startDate());
    }

    public List<Finding> findings(FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    public boolean hasPriorityActions() {
        return findings.stream().anyMatch(f -> f.kind() == FindingKind.PRIORITY_ACTION);
    }

    /** The "What needs to improve" items: areas for improvement and recommendations. */
    public List<Finding> improvementItems() {
        return findings.stream()
                .filter(f -> f.kind() == FindingKind.AREA_FOR_IMPROVEMENT || f.kind() == FindingKind.RECOMMENDATION).toList();
    }
}
