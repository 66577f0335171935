package org.oversight.inspection.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.oversight.shared.problem.ProblemText;
import org.oversight.inspection.domain.ActivityCommand;
import org.oversight.inspection.domain.ActivityType;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.InspectionActivity;
import org.oversight.inspection.domain.JudgementArea;
import org.oversight.inspection.domain.OnSiteRange;
import org.oversight.shared.web.DateInput;
import org.oversight.shared.web.FormErrors;

/** The create/edit activity page's form. Never bound to an entity; turned into an {@link ActivityCommand}. */
public class ActivityForm {

    /** Field ids in page order, for the error summary. */
    static final List<String> FIELD_ORDER = List.of("type", "theme", "partnerInspectorates", "notificationDate-day",
            "range1Start-day", "range1End-day", "range2Start-day", "range2End-day", "feedbackDate-day", "publicationDate-day",
            "leadInspector", "inspectionTeam", "judgement-OVERALL", "judgement-LEADERS", "judgement-HELP_AND_PROTECTION",
            "judgement-IN_CARE", "judgement-CARE_LEAVERS", "summary");

    private String type;
    private String theme;
    private String partnerInspectorates;
    private DateInput notificationDate = new DateInput();
    private DateInput range1Start = new DateInput();
    private DateInput range1End = new DateInput();
    private DateInput range2Start = new DateInput();
    private DateInput range2End = new DateInput();
    private DateInput feedbackDate = new DateInput();
    private DateInput publicationDate = new DateInput();
    private String leadInspector;
    private String inspectionTeam;
    private String summary;
    private Map<String, String> judgements = new HashMap<>();
    private int version;

    static ActivityForm of(InspectionActivity a) {
        ActivityForm f = new ActivityForm();
        f.type = a.type().name();
        f.theme = a.theme();
        f.partnerInspectorates = String.join(", ", a.partnerInspectorates());
        f.notificationDate = DateInput.of(a.notificationDate());
        if (!a.onSite().isEmpty()) {
            f.range1Start = DateInput.of(a.onSite().get(0).start());
            f.range1End = DateInput.of(a.onSite().get(0).end());
        }
        if (a.onSite().size() > 1) {
            f.range2Start = DateInput.of(a.onSite().get(1).start());
            f.range2End = DateInput.of(a.onSite().get(1).end());
        }
        f.feedbackDate = DateInput.of(a.feedbackDate());
        f.publicationDate = DateInput.of(a.publicationDate());
        f.leadInspector = a.leadInspector();
        f.inspectionTeam = a.inspectionTeam();
        f.summary = a.summary();
        a.judgements().forEach((area, grade) -> f.judgements.put(area.name(), grade.name()));
        f.version = a.version();
        return f;
    }

    /** The command, or null with {@code errors} filled in when a field cannot be read. */
    ActivityCommand toCommand(FormErrors errors) {
        ActivityType activityType = null;
        if (type == null || type.isBlank()) {
            errors.add("type", ProblemText.of("inspection.error.type"));
        } else {
            try {
                activityType = ActivityType.valueOf(type);
            } catch (IllegalArgumentException e) {
                errors.add("type", ProblemText.of("inspection.error.type"));
            }
        }
        LocalDate notification = date(notificationDate, "Date of notification", "notificationDate-day", errors);
        LocalDate start1 = date(range1Start, "First day on site", "range1Start-day", errors);
        LocalDate end1 = date(range1End, "Last day on site", "range1End-day", errors);
        LocalDate start2 = date(range2Start, "First day of the second on-site period", "range2Start-day", errors);
        LocalDate end2 = date(range2End, "Last day of the second on-site period", "range2End-day", errors);
        LocalDate feedback = date(feedbackDate, "Feedback date", "feedbackDate-day", errors);
        LocalDate publication = date(publicationDate, "Publication date", "publicationDate-day", errors);
        List<OnSiteRange> ranges = new ArrayList<>();
        range(start1, end1, "range1Start-day", "range1End-day", "First day on site", "Last day on site", errors, ranges);
        range(start2, end2, "range2Start-day", "range2End-day", "First day of the second on-site period",
                "Last day of the second on-site period", errors, ranges);
        if (ranges.isEmpty() && start2 != null) {
            errors.add("range1Start-day", ProblemText.of("inspection.error.range1.beforeRange2"));
        }
        Map<JudgementArea, Grade> grades = new EnumMap<>(JudgementArea.class);
        judgements.forEach((area, grade) -> {
            if (grade == null || grade.isBlank()) {
                return;
            }
            try {
                grades.put(JudgementArea.valueOf(area), Grade.valueOf(grade));
            } catch (IllegalArgumentException e) {
                errors.add("judgement-" + area, ProblemText.of("inspection.error.judgement"));
            }
        });
        if (leadInspector != null && leadInspector.length() > 200) {
            errors.add("leadInspector", ProblemText.of("inspection.error.leadInspector"));
        }
        if (summary != null && summary.length() > 10000) {
            errors.add("summary", ProblemText.of("inspection.error.summary"));
        }
        if (errors.any()) {
            return null;
        }
        List<String> partners = partnerInspectorates == null ? List.of()
                : Arrays.stream(partnerInspectorates.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new ActivityCommand(activityType, theme, partners, notification, ranges, feedback, publication,
                leadInspector, inspectionTeam, summary, grades);
    }

    /** The page field that shows a problem the domain rules found. */
    static String fieldId(String domainField) {
        return switch (domainField) {
            case "notificationDate" -> "notificationDate-day";
            case "onSite[0].start" -> "range1Start-day";
            case "onSite[0].end" -> "range1End-day";
            case "onSite[1].start" -> "range2Start-day";
            case "onSite[1].end" -> "range2End-day";
            case "feedbackDate" -> "feedbackDate-day";
            case "publicationDate" -> "publicationDate-day";
            case "judgements" -> "judgement-OVERALL";
            case "version" -> "type";
            default -> domainField.startsWith("judgements.") ? "judgement-" + domainField.substring("judgements.".length()) : domainField;
        };
    }

    private static LocalDate date(DateInput input, String label, String id, FormErrors errors) {
        try {
            return input == null ? null : input.toDate(label);
        } catch (IllegalArgumentException e) {
            errors.add(id, e.getMessage());
            return null;
        }
    }

    private static void range(LocalDate start, LocalDate end, String startId, String endId, String startLabel, String endLabel,
                              FormErrors errors, List<OnSiteRange> ranges) {
        if (errors.has(startId) || errors.has(endId)) {
            return;
        }
        if (start == null && end == null) {
            return;
        }
        if (start == null) {
            errors.add(startId, ProblemText.of("inspection.error.dateRange.missing", String.valueOf(startLabel.toLowerCase())));
        } else if (end == null) {
            errors.add(endId, ProblemText.of("inspection.error.dateRange.missing", String.valueOf(endLabel.toLowerCase())));
        } else if (end.isBefore(start)) {
            errors.add(endId, ProblemText.of("inspection.error.dateRange.order", String.valueOf(endLabel), String.valueOf(startLabel.toLowerCase())));
        } else {
            ranges.add(new OnSiteRange(start, end));
        }
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getTheme() { return theme; }
    public void setTheme(String theme) { this.theme = theme; }
    public String getPartnerInspectorates() { return partnerInspectorates; }
    public void setPartnerInspectorates(String partnerInspectorates) { this.partnerInspectorates = partnerInspectorates; }
    public DateInput getNotificationDate() { return notificationDate; }
    public void setNotificationDate(DateInput notificationDate) { this.notificationDate = notificationDate; }
    public DateInput getRange1Start() { return range1Start; }
    public void setRange1Start(DateInput range1Start) { this.range1Start = range1Start; }
    public DateInput getRange1End() { return range1End; }
    public void setRange1End(DateInput range1End) { this.range1End = range1End; }
    public DateInput getRange2Start() { return range2Start; }
    public void setRange2Start(DateInput range2Start) { this.range2Start = range2Start; }
    public DateInput getRange2End() { return range2End; }
    public void setRange2End(DateInput range2End) { this.range2End = range2End; }
    public DateInput getFeedbackDate() { return feedbackDate; }
    public void setFeedbackDate(DateInput feedbackDate) { this.feedbackDate = feedbackDate; }
    public DateInput getPublicationDate() { return publicationDate; }
    public void setPublicationDate(DateInput publicationDate) { this.publicationDate = publicationDate; }
    public String getLeadInspector() { return leadInspector; }
    public void setLeadInspector(String leadInspector) { this.leadInspector = leadInspector; }
    public String getInspectionTeam() { return inspectionTeam; }
    public void setInspectionTeam(String inspectionTeam) { this.inspectionTeam = inspectionTeam; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public Map<String, String> getJudgements() { return judgements; }
    public void setJudgements(Map<String, String> judgements) { this.judgements = judgements; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
