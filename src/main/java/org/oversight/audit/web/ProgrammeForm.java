package org.oversight.audit.web;

import java.util.ArrayList;
import java.util.List;

import org.oversight.shared.web.DateInput;

/** The new-programme form as typed. */
public class ProgrammeForm {
    private String title;
    private String templateId;
    private DateInput periodStart = new DateInput();
    private DateInput periodEnd = new DateInput();
    private List<String> auditors = new ArrayList<>();
    private List<String> moderators = new ArrayList<>();
    private String rule;
    private String method = "RANDOM";
    private String sampleSize = "10";
    private String seed;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getTemplateId() { return templateId; }
    public void setTemplateId(String templateId) { this.templateId = templateId; }
    public DateInput getPeriodStart() { return periodStart; }
    public void setPeriodStart(DateInput periodStart) { this.periodStart = periodStart; }
    public DateInput getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(DateInput periodEnd) { this.periodEnd = periodEnd; }
    public List<String> getAuditors() { return auditors; }
    public void setAuditors(List<String> auditors) { this.auditors = auditors; }
    public List<String> getModerators() { return moderators; }
    public void setModerators(List<String> moderators) { this.moderators = moderators; }
    public String getRule() { return rule; }
    public void setRule(String rule) { this.rule = rule; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public String getSampleSize() { return sampleSize; }
    public void setSampleSize(String sampleSize) { this.sampleSize = sampleSize; }
    public String getSeed() { return seed; }
    public void setSeed(String seed) { this.seed = seed; }
}
