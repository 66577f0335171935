package org.oversight.improvement;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.oversight.improvement.domain.PlanView;
import org.oversight.shared.problem.FieldProblem;

/**
 * The parts of a committee report an officer edits in the browser (or sends to the API) before generating it.
 * Multi-line fields hold one paragraph per blank-line-separated block; list fields one entry per line.
 * <p>
 * Where the report goes is picked from the LA's governance: {@code meetings} are keys of governance meetings
 * ({@link #meetingKey}: the committee's id and the meeting's date, {@code <bodyId>/<yyyy-mm-dd>}). {@code otherCommittees}
 * keeps the "Committee name | date" lines an earlier version was typed with (before meetings were picked from
 * governance) that match no governance meeting, so that nothing typed is lost; a draft never gets new ones.
 * {@code consultees} are the officers consulted, each with a name, a role and the date consulted ({@code yyyy-mm-dd}).
 * {@code helpAndProtection} says whether the report has a section with the LA's help-and-protection figures.
 */
public record ReportDraft(
        List<String> meetings,
        List<String> otherCommittees,
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
        List<Consultee> consultees,
        String authorName,
        String authorTitle,
        String authorPhone,
        String authorEmail,
        Boolean helpAndProtection) implements Serializable {

    /** The classifications a report may have (councils' templates: a public report, or one with exempt information). */
    public static final List<String> CLASSIFICATIONS = List.of("Public", "Non-public");
    /** Whether the report is a key decision, as the audit trail says. */
    public static final List<String> KEY_DECISION = List.of("Yes", "No");

    private static final List<DateTimeFormatter> TYPED_DATES = List.of(DateTimeFormatter.ofPattern("d/M/uuuu", Locale.UK),
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK), DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK),
            DateTimeFormatter.ISO_LOCAL_DATE);

    /** An officer consulted on the report: name, role (job title) and the date consulted as {@code yyyy-mm-dd}, each optional but the role. */
    public record Consultee(String name, String role, String date) implements Serializable {

        public Consultee {
            name = strip(name);
            role = strip(role);
            date = strip(date);
        }

        /** A row left empty (the editor shows empty rows to fill in). */
        public boolean blank() {
            return name.isEmpty() && role.isEmpty() && date.isEmpty();
        }

        /** The date consulted, or null when not given or not a date. */
        public LocalDate day() {
            try {
                return date.isEmpty() ? null : LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    public ReportDraft {
        meetings = meetings == null ? List.of() : meetings.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).distinct().toList();
        otherCommittees = otherCommittees == null ? List.of() : otherCommittees.stream().filter(m -> m != null && !m.isBlank()).map(String::strip).toList();
        consultees = consultees == null ? List.of() : consultees.stream().map(c -> c == null ? new Consultee(null, null, null) : c).toList();
    }

    /** The key of a governance meeting, as {@code meetings} holds it and the editor's checkboxes send it. */
    public static String meetingKey(UUID bodyId, LocalDate date) {
        return bodyId + "/" + date;
    }

    /** The same draft with other consultees (the editor's rows). */
    public ReportDraft withConsultees(List<Consultee> rows) {
        return new ReportDraft(meetings, otherCommittees, subject, classification, reportOf, reportAuthor, purpose, summary, recommendations,
                background, conclusion, appendices, leadOfficer, version, keyDecision, rows, authorName, authorTitle, authorPhone, authorEmail,
                helpAndProtection);
    }

    /** The same draft going to these meetings and kept lines. */
    public ReportDraft withCommittees(List<String> meetings, List<String> otherCommittees) {
        return new ReportDraft(meetings, otherCommittees, subject, classification, reportOf, reportAuthor, purpose, summary, recommendations,
                background, conclusion, appendices, leadOfficer, version, keyDecision, consultees, authorName, authorTitle, authorPhone, authorEmail,
                helpAndProtection);
    }

    /** The same draft with one more meeting picked. */
    public ReportDraft withMeeting(String key) {
        List<String> more = new ArrayList<>(meetings);
        more.add(key);
        return new ReportDraft(more, otherCommittees, subject, classification, reportOf, reportAuthor, purpose, summary, recommendations,
                background, conclusion, appendices, leadOfficer, version, keyDecision, consultees, authorName, authorTitle, authorPhone, authorEmail,
                helpAndProtection);
    }

    /** The officers consulted, without the rows left empty. */
    public List<Consultee> consulted() {
        return consultees.stream().filter(c -> !c.blank()).toList();
    }

    /**
     * What is wrong with the draft, field by field: a subject, the fixed choices from their lists, meetings that are the
     * LA's governance meetings ({@code governance}: their keys), committee lines only among those kept from the last
     * version ({@code keptLines}: none is typed anew), and each officer consulted with a role and a real date
     * not after {@code today} (the field names the row, {@code consultees[0].date}, and the message its number).
     */
    public List<FieldProblem> problems(LocalDate today, Collection<String> governance, Collection<String> keptLines) {
        List<FieldProblem> out = new ArrayList<>();
        for (String m : meetings) {
            if (!governance.contains(m)) {
                out.add(FieldProblem.of("meetings", "report.error.meeting", m));
            }
        }
        for (String line : otherCommittees) {
            if (!keptLines.contains(line)) {
                out.add(FieldProblem.of("otherCommittees", "report.error.otherCommittee", line));
            }
        }
        if (subject == null || subject.isBlank()) {
            out.add(FieldProblem.of("subject", "report.error.subject"));
        }
        if (classification == null || !CLASSIFICATIONS.contains(classification)) {
            out.add(FieldProblem.of("classification", "report.error.classification"));
        }
        if (keyDecision == null || !KEY_DECISION.contains(keyDecision)) {
            out.add(FieldProblem.of("keyDecision", "report.error.keyDecision"));
        }
        for (int i = 0; i < consultees.size(); i++) {
            Consultee c = consultees.get(i);
            if (c.blank()) {
                continue;
            }
            String row = String.valueOf(i + 1);
            if (c.role().isEmpty()) {
                out.add(FieldProblem.of("consultees[" + i + "].role", "report.error.consultee.role", row));
            }
            if (!c.date().isEmpty()) {
                LocalDate day = c.day();
                if (day == null) {
                    out.add(FieldProblem.of("consultees[" + i + "].date", "report.error.consultee.date", row, c.date()));
                } else if (day.isAfter(today)) {
                    out.add(FieldProblem.of("consultees[" + i + "].date", "report.error.consultee.future", row));
                }
            }
        }
        return out;
    }

    /** The picked and kept committees as they were typed in earlier versions: governance meetings it matches, and lines it does not. */
    public record TypedCommittees(List<String> meetings, List<String> unmatched) {
    }

    /**
     * Reads the "Committee name | date" lines of a draft kept before meetings were picked from governance: a line whose
     * name is a governance body's (ignoring case and spaces) and whose date (dd/mm/yyyy, "6 April 2020" or yyyy-mm-dd) is
     * one of its meetings becomes that meeting's key; any other line is kept as typed.
     */
    public static TypedCommittees typedCommittees(String text, List<PlanView.Body> bodies) {
        List<String> matched = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (String line : lines(text)) {
            String[] parts = line.split("\\|", 2);
            String name = parts[0].strip().replaceAll("\\s+", " ");
            LocalDate date = parts.length < 2 ? null : typedDate(parts[1].strip());
            String key = date == null ? null : bodies.stream()
                    .filter(b -> b.name().strip().replaceAll("\\s+", " ").equalsIgnoreCase(name) && b.meetings().contains(date))
                    .findFirst().map(b -> meetingKey(b.id(), date)).orElse(null);
            if (key == null) {
                unmatched.add(line);
            } else if (!matched.contains(key)) {
                matched.add(key);
            }
        }
        return new TypedCommittees(matched, unmatched);
    }

    /**
     * Reads the "Officer title | comments sought | comments included" lines of a draft kept before consultations had
     * fields: each becomes an officer consulted with that title as role (the Yes/No columns have no place now).
     */
    public static List<Consultee> typedConsultations(String text) {
        return rows(text, 1).stream().map(r -> new Consultee(null, r[0], null)).toList();
    }

    static LocalDate typedDate(String text) {
        for (DateTimeFormatter f : TYPED_DATES) {
            try {
                return LocalDate.parse(text, f.withResolverStyle(java.time.format.ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null;
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

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
