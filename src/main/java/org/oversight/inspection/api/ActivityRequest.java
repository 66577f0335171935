package org.oversight.inspection.api;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.oversight.inspection.domain.ActivityCommand;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.OnSiteRange;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;

/**
 * Create or replace an activity. Dates are strings in ISO form (yyyy-mm-dd) so that an impossible date such as
 * 2024-02-31 is reported against its field rather than as an unreadable body.
 */
@Schema(description = "An inspection activity to create or replace")
record ActivityRequest(
        @Schema(example = "FOCUSED_VISIT", requiredMode = Schema.RequiredMode.REQUIRED) String type,
        @Schema(example = "Care leavers") String theme,
        List<String> partnerInspectorates,
        @Schema(example = "2018-10-17") String notificationDate,
        List<Range> onSite,
        @Schema(example = "2018-10-25") String feedbackDate,
        @Schema(example = "2018-11-16") String publicationDate,
        String leadInspector,
        String inspectionTeam,
        String summary,
        @Schema(description = "Grade per judgement: overall, leaders, helpAndProtection, inCare, careLeavers",
                example = "{\"overall\": \"GOOD\"}") Map<String, String> judgements,
        @Schema(description = "For updates: the version you read (optimistic locking)") Integer version) {

    record Range(@Schema(example = "2018-10-24") String start, @Schema(example = "2018-10-24") String end) {
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final Map<String, JudgementArea> AREAS = Map.of("overall", JudgementArea.OVERALL, "leaders",
            JudgementArea.LEADERS, "helpAndProtection", JudgementArea.HELP_AND_PROTECTION, "inCare", JudgementArea.IN_CARE,
            "careLeavers", JudgementArea.CARE_LEAVERS);

    ActivityCommand toCommand() {
        List<FieldProblem> problems = new ArrayList<>();
        ActivityType activityType = null;
        if (type == null || type.isBlank()) {
            problems.add(FieldProblem.of("type", "inspection.error.api.type.required", String.valueOf(List.of(ActivityType.values()))));
        } else {
            try {
                activityType = ActivityType.valueOf(type.trim());
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("type", "inspection.error.api.notOneOf", String.valueOf(type), String.valueOf(List.of(ActivityType.values()))));
            }
        }
        LocalDate notification = date("notificationDate", notificationDate, problems);
        LocalDate feedback = date("feedbackDate", feedbackDate, problems);
        LocalDate publication = date("publicationDate", publicationDate, problems);
        List<OnSiteRange> ranges = new ArrayList<>();
        List<Range> given = onSite == null ? List.of() : onSite;
        for (int i = 0; i < given.size(); i++) {
            Range r = given.get(i);
            String field = "onSite[" + i + "]";
            if (r == null) {
                problems.add(FieldProblem.of(field, "inspection.error.api.range"));
                continue;
            }
            LocalDate start = date(field + ".start", r.start(), problems);
            LocalDate end = date(field + ".end", r.end(), problems);
            if (r.start() == null || r.start().isBlank()) {
                problems.add(FieldProblem.of(field + ".start", "inspection.error.api.required"));
            } else if (r.end() == null || r.end().isBlank()) {
                problems.add(FieldProblem.of(field + ".end", "inspection.error.api.required"));
            } else if (start != null && end != null) {
                if (end.isBefore(start)) {
                    problems.add(FieldProblem.of(field + ".end", "inspection.error.api.endBeforeStart", String.valueOf(field), String.valueOf(start)));
                } else {
                    ranges.add(new OnSiteRange(start, end));
                }
            }
        }
        Map<JudgementArea, Grade> grades = new EnumMap<>(JudgementArea.class);
        if (judgements != null) {
            judgements.forEach((key, value) -> {
                JudgementArea area = AREAS.get(key);
                if (area == null) {
                    problems.add(FieldProblem.of("judgements." + key, "inspection.error.api.notAJudgement", String.valueOf(AREAS.keySet())));
                    return;
                }
                if (value == null || value.isBlank()) {
                    return;
                }
                try {
                    grades.put(area, Grade.valueOf(value.trim()));
                } catch (IllegalArgumentException e) {
                    problems.add(FieldProblem.of("judgements." + key, "inspection.error.api.notOneOf", String.valueOf(value), String.valueOf(List.of(Grade.values()))));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ActivityCommand(activityType, theme, partnerInspectorates == null ? List.of() : partnerInspectorates,
                notification, ranges, feedback, publication, leadInspector, inspectionTeam, summary, grades);
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim(), ISO);
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(field, "inspection.error.api.date", String.valueOf(value)));
            return null;
        }
    }
}
