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
