package org.oversight.inspection.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** An LA's latest published graded judgements: the inspection they come from and the grade of each area. */
public record LatestJudgements(UUID activityId, ActivityType type, LocalDate startDate, Map<JudgementArea, Grade> grades) {
}
