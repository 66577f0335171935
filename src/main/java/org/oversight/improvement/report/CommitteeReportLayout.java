package org.oversight.improvement.report;

import java.util.ArrayList;
import java.util.List;
import org.oversight.improvement.report.Block.Bullets;
import org.oversight.improvement.report.Block.Cell;
import org.oversight.improvement.report.Block.Heading;
import org.oversight.improvement.report.Block.Numbered;
import org.oversight.improvement.report.Block.Para;
import org.oversight.improvement.report.Block.ParaStyle;
import org.oversight.improvement.report.Block.Row;
import org.oversight.improvement.report.Block.Table;
import org.oversight.improvement.report.Block.Tone;
import org.oversight.improvement.report.CommitteeReportContent.ActionLine;
import org.oversight.improvement.report.CommitteeReportContent.AuditTrail;
import org.oversight.improvement.report.CommitteeReportContent.AuthorSignOff;
import org.oversight.improvement.report.CommitteeReportContent.CommitteeDate;
import org.oversight.improvement.report.CommitteeReportContent.Consultation;
import org.oversight.improvement.report.CommitteeReportContent.JudgementFinding;
import org.oversight.improvement.report.CommitteeReportContent.Proposal;

/**
 * Lays out a committee report in the shape of the City of London / Southwark templates. All wording
 * comes from the content record except the template's fixed headings and labels.
 */
final class CommitteeReportLayout {

    static final List<String> ACTION_HEADERS =
            List.of("Action", "Owner", "Due", "Status", "RAG", "Latest progress", "Measure of success");
    static final List<String> FUNNEL_HEADERS = List.of("Step", "In the period", "Of the step before");
    static final List<String> MEASURE_HEADERS = List.of("Measure", "Number", "Per cent", "Target", "Distance to target");
    static final List<String> CONSULTATION_HEADERS = List.of("Role", "Officer", "Date consulted");
    static final String CONSULTATION_CAPTION = "CONSULTATION WITH OTHER OFFICERS / DIRECTORATES / CABINET MEMBER";

    private CommitteeReportLayout() {
    }

    static LaidOutDocument layout(CommitteeReportContent c) {
        List<Block> b = new ArrayList<>();
        b.add(new Para(null, c.laName(), ParaStyle.LETTERHEAD));
        b.add(new Heading(1, c.subject()));
        b.add(coverTable(c));

        if (!c.summary().isEmpty()) {
            b.add(new Heading(2, "Summary"));
            c.summary().forEach(p -> b.add(Para.of(p)));
        }
        if (!c.recommendations().isEmpty()) {
            b.add(new Heading(2, "Recommendation(s)"));
            b.add(Para.of("Members are asked to:"));
            b.add(new Bullets(c.recommendations()));
        }

        b.add(new Heading(2, "Main Report"));
        int[] number = {0};
        if (!c.background().isEmpty()) {
            b.add(new Heading(3, "Background"));
            c.background().forEach(p -> b.add(new Numbered(++number[0], p)));
        }
        if (!c.findings().isEmpty()) {
            b.add(new Heading(3, "Ofsted findings"));
            for (JudgementFinding f : c.findings()) {
                b.add(new Heading(4, Text.joinNonBlank(": ", f.judgement(), f.grade())));
                f.paragraphs().forEach(p -> b.add(new Numbered(++number[0], p)));
            }
        }
        if (!c.proposals().isEmpty()) {
            b.add(new Heading(3, "Proposals"));
            for (Proposal p : c.proposals()) {
                b.add(new Heading(4, p.planItemTitle()));
                b.add(new Numbered(++number[0], "Ofsted finding: " + Text.quoted(p.finding())));
                if (p.actions().isEmpty()) {
                    b.add(Para.of("No actions have been recorded for this item yet."));
                } else {
                    b.add(actionsTable(p));
                }
            }
        }
        if (c.helpAndProtection() != null) {
            CommitteeReportContent.HelpAndProtection hp = c.helpAndProtection();
            b.add(new Heading(3, "Help and protection"));
            hp.paragraphs().forEach(p -> b.add(new Numbered(++number[0], p)));
            if (!hp.funnel().isEmpty()) {
                b.add(new Table("The front door: contacts to child protection plans", FUNNEL_HEADERS,
                        hp.funnel().stream().map(f -> Row.of(f.step(), f.count(), f.conversion())).toList(), List.of(50, 25, 25), "funnel"));
            }
            if (!hp.measures().isEmpty()) {
                b.add(new Table("Help and protection measures and distance to target", MEASURE_HEADERS,
                        hp.measures().stream().map(m -> Row.of(m.measure(), m.figure(), m.percent(), m.target(), m.distance())).toList(),
                        List.of(40, 15, 13, 14, 18), "measures"));
            }
        }
        if (!c.conclusion().isEmpty()) {
            b.add(new Heading(3, "Conclusion"));
            c.conclusion().forEach(p -> b.add(new Numbered(++number[0], p)));
        }

        if (!c.appendices().isEmpty()) {
            b.add(new Heading(2, "Appendices"));
            b.add(new Bullets(c.appendices()));
        }
        signOff(c.authorSignOff(), b);
        auditTrail(c.auditTrail(), b);

        return new LaidOutDocument(c.subject(), c.laName(),
                Text.joinNonBlank(" – ", "Committee report", c.purpose()), b);
    }

    private static Table coverTable(CommitteeReportContent c) {
        List<Row> rows = new ArrayList<>();
        for (CommitteeDate d : c.committees()) {
            rows.add(Row.of(d.committee(), d.date()));
        }
        rows.add(new Row(new Cell("Subject:", c.subject(), Tone.NONE), List.of(Cell.of(c.classification())), false));
        rows.add(new Row(new Cell("Report of:", c.reportOf(), Tone.NONE), List.of(Cell.of(c.purpose())), false));
        rows.add(new Row(new Cell("Report author:", c.reportAuthor(), Tone.NONE), List.of(Cell.of(null)), false));
        return new Table("Committees, meeting dates and report details", List.of("Committee(s):", "Date(s):"),
                rows, List.of(70, 30), "cover");
    }

    private static Table actionsTable(Proposal p) {
        List<Row> rows = new ArrayList<>();
        for (ActionLine a : p.actions()) {
            rows.add(new Row(Cell.of(a.description()), List.of(
                    Cell.of(a.owner()), Cell.of(a.due()), Cell.of(a.status()),
                    new Cell(null, a.rag(), Tone.ofRag(a.rag())),
                    Cell.of(a.latestProgress()), Cell.of(a.measure())), true));
        }
        return new Table("Actions for " + p.planItemTitle(), ACTION_HEADERS, rows,
                List.of(19, 12, 11, 10, 8, 19, 21), "actions");
    }

    private static void signOff(AuthorSignOff s, List<Block> b) {
        if (s == null) {
            return;
        }
        b.add(new Para(s.name(), null, ParaStyle.SIGN_OFF));
        if (Text.hasText(s.title())) {
            b.add(new Para(null, s.title(), ParaStyle.SIGN_OFF));
        }
        if (Text.hasText(s.phone())) {
            b.add(new Para("T:", s.phone(), ParaStyle.SIGN_OFF));
        }
        if (Text.hasText(s.email())) {
            b.add(new Para("E:", s.email(), ParaStyle.SIGN_OFF));
        }
    }

    private static void auditTrail(AuditTrail a, List<Block> b) {
        if (a == null) {
            return;
        }
        b.add(new Heading(2, "AUDIT TRAIL"));
        List<Row> rows = new ArrayList<>();
        addIfPresent(rows, "Lead Officer", a.leadOfficer());
        addIfPresent(rows, "Report Author", a.reportAuthor());
        addIfPresent(rows, "Version", a.version());
        addIfPresent(rows, "Dated", a.dated());
        addIfPresent(rows, "Key Decision?", a.keyDecision());
        if (!rows.isEmpty()) {
            b.add(new Table("Audit trail", List.of(), rows, List.of(35, 65), "audit"));
        }
        if (!a.consultations().isEmpty()) {
            List<Row> consulted = a.consultations().stream()
                    .map((Consultation x) -> Row.of(x.role(), x.name(), x.date()))
                    .toList();
            b.add(new Table(CONSULTATION_CAPTION,
                    CONSULTATION_HEADERS, consulted,
                    List.of(40, 35, 25), "consultation"));
        }
        if (Text.hasText(a.dateSentToConstitutionalTeam())) {
            b.add(new Para("Date final report sent to Constitutional Team:", a.dateSentToConstitutionalTeam(),
                    ParaStyle.NORMAL));
        }
    }

    private static void addIfPresent(List<Row> rows, String label, String value) {
        if (Text.hasText(value)) {
            rows.add(Row.of(label, value));
        }
    }
}
