/**
 * Case audits: audit programmes (theme, period, auditors, moderators) with a reproducible sample of children drawn
 * from the LA's child-level data through {@code compliance.ChildSummaries} and {@code compliance.JourneySummaries}
 * (children in need, on CP plans, in early help, stepped down); audit forms from versioned templates whose
 * questions are grouped by ILACS judgement area and theme; grading with evidence; moderation with disagreement rates;
 * roll-ups by theme, team and grade over time; and findings that become items of an improvement plan, linked both ways.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case audit",
        allowedDependencies = {"shared", "access", "register", "compliance", "improvement"})
package org.oversight.audit;
