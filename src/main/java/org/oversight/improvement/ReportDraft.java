package org.oversight.improvement;

import java.util.Arrays;
import java.util.List;

/**
 * The parts of a committee report an officer edits in the browser before generating it. Multi-line fields hold one
 * paragraph per blank-line-separated block; list fields one entry per line; committees "Committee name | date" and
 * consultations "Officer title | Yes/No | Yes/No" per line, as in the councils' templates. {@code helpAndProtection}
 * says whether the report has a section with the LA's help-and-protection figures (a tick box).
 */
public record ReportDraft(
        String committees,
        String subject,
        String classification,
        String reportOf,
        String reportAuthor,
        String purpose,
        String summary,
        String recommendations,
        String background,
        String conclusion,
        String appendices,
        String leadOfficer,
        String version,
        String keyDecision,
        String consultations,
        String authorName,
        String authorTitle,
        String authorPhone,
        String authorEmail,
        Boolean helpAndProtection) {

    /** The classifications a report may have (councils' templates: a public report, or one with exempt information). */
    public static final List<String> CLASSIFICATIONS = List.of("Public", "Non-public");
    /** Whether the report is a key decision, as the audit trail says. */
    public static final List<String> KEY_DECISION = List.of("Yes", "No");

    /** What is wrong with the draft, field by field: a subject, and the fixed choices from their lists. */
    public List<org.oversight.shared.problem.FieldProblem> problems() {
        List<org.oversight.shared.problem.FieldProblem> out = new java.util.ArrayList<>();
        if (subject == null || subject.isBlank()) {
            out.add(org.oversight.shared.problem.FieldProblem.of("subject", "report.error.subject"));
        }
        if (classification == null || !CLASSIFICATIONS.contains(classification)) {
            out.add(org.oversight.shared.problem.FieldProblem.of("classification", "report.error.classification"));
        }
        if (keyDecision == null || !KEY_DECISION.contains(keyDecision)) {
            out.add(org.oversight.shared.problem.FieldProblem.of("keyDecision", "report.error.keyDecision"));
        }
        return out;
    }

    /** The rows each text field's box needs (the long-text fields at least 6, the others at least 2). */
    public java.util.Map<String, Integer> textRows() {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (var component : ReportDraft.class.getRecordComponents()) {
            if (component.getType() == String.class) {
                try {
                    String name = component.getName();
                    int min = name.equals("summary") || name.equals("background") || name.equals("conclusion") ? 6 : 2;
                    out.put(name, textRows((String) component.getAccessor().invoke(this), min));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /** Rows a text box needs to show its text without scrolling (about 90 characters a row), between min and 20. */
    public static int textRows(String text, int min) {
        if (text == null || text.isEmpty()) {
            return min;
        }
        int rows = 0;
        for (String line : text.replace("\r", "").split("\n", -1)) {
            rows += Math.max(1, (line.length() + 89) / 90);
        }
        return Math.clamp(rows + 1, min, 20);
    }

    /** Whether the report includes the help-and-protection section (a draft kept before the section existed has none). */
    public boolean includesHelpAndProtection() {
        return Boolean.TRUE.equals(helpAndProtection);
    }

    static List<String> paragraphs(String text) {
        return text == null ? List.of() : Arrays.stream(text.replace("\r", "").split("\n\\s*\n")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.replace("\r", "").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String[]> rows(String text, int columns) {
        return lines(text).stream().map(line -> {
            String[] parts = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            return Arrays.copyOf(parts, Math.max(columns, parts.length));
        }).toList();
    }
}
