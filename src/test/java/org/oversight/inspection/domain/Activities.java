package org.oversight.inspection.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fluent builder of activities for unit tests, with deterministic defaults. */
final class Activities {

    private ActivityType type = ActivityType.STANDARD_INSPECTION;
    private LocalDate notification;
    private final List<OnSiteRange> ranges = new ArrayList<>();
    private LocalDate publication;
    private final Map<JudgementArea, Grade> judgements = new EnumMap<>(JudgementArea.class);
    private final List<Finding> findings = new ArrayList<>();

    static Activities anActivity(ActivityType type) {
        Activities a = new Activities();
        a.type = type;
        return a;
    }

    Activities notified(LocalDate date) {
        notification = date;
        return this;
    }

    Activities onSite(LocalDate start, LocalDate end) {
        ranges.add(new OnSiteRange(start, end));
        return this;
    }

    Activities published(LocalDate date) {
        publication = date;
        return this;
    }

    Activities graded(JudgementArea area, Grade grade) {
        judgements.put(area, grade);
        return this;
    }

    Activities with(FindingKind kind, String text) {
        findings.add(new Finding(UUID.randomUUID(), kind, findings.size() + 1, text, null));
        return this;
    }

    InspectionActivity build() {
        return new InspectionActivity(UUID.randomUUID(), UUID.randomUUID(), 80450, "City of London", type, null, List.of(),
                notification, List.copyOf(ranges), null, publication, null, null, null, Map.copyOf(judgements),
                List.copyOf(findings), "MANUAL", 0, Instant.EPOCH, "test", null);
    }
}
