package org.oversight.improvement.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.oversight.shared.problem.ProblemText;
import org.oversight.improvement.domain.Measure;
import org.oversight.shared.web.DateInput;
import org.oversight.shared.web.FormErrors;

/** The add-action form: what, who, by when, and how its impact is measured. */
public class ActionForm {

    static final List<String> FIELD_ORDER = List.of("description", "ownerId", "dueDate-day", "status", "measureName", "baseline", "target", "current");

    private String description;
    private String ownerId;
    private DateInput dueDate = new DateInput();
    private String status = "NOT_STARTED";
    private String measureName;
    private String baseline;
    private String target;
    private String current;

    UUID owner() {
        try {
            return ownerId == null || ownerId.isBlank() ? null : UUID.fromString(ownerId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    LocalDate dueDate(FormErrors errors) {
        try {
            return dueDate.toDate("Due date");
        } catch (IllegalArgumentException e) {
            errors.add("dueDate-day", e.getMessage());
            return null;
        }
    }

    /** The measure, or null when all its boxes are empty. */
    Measure measure(FormErrors errors) {
        boolean any = notBlank(measureName) || notBlank(baseline) || notBlank(target) || notBlank(current);
        if (!any) {
            return null;
        }
        BigDecimal b = number(baseline, "baseline", "The baseline", errors);
        BigDecimal t = number(target, "target", "The target", errors);
        BigDecimal c = number(current, "current", "The current value", errors);
        return new Measure(measureName == null ? null : measureName.trim(), b, t, c, null);
    }

    static BigDecimal number(String text, String field, String label, FormErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace("%", "").replace(",", ""));
        } catch (NumberFormatException e) {
            errors.add(field, ProblemText.of("improvement.error.notANumber", String.valueOf(label)));
            return null;
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getOwnerId() { return ownerId; }
    public void setOwnerId(String ownerId) { this.ownerId = ownerId; }
    public DateInput getDueDate() { return dueDate; }
    public void setDueDate(DateInput dueDate) { this.dueDate = dueDate; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getMeasureName() { return measureName; }
    public void setMeasureName(String measureName) { this.measureName = measureName; }
    public String getBaseline() { return baseline; }
    public void setBaseline(String baseline) { this.baseline = baseline; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
}
