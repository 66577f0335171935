package org.oversight.improvement.report;

import java.util.ArrayList;
import java.util.List;
import org.oversight.improvement.report.Block.Cell;
import org.oversight.improvement.report.Block.Heading;
import org.oversight.improvement.report.Block.Para;
import org.oversight.improvement.report.Block.ParaStyle;
import org.oversight.improvement.report.Block.Row;
import org.oversight.improvement.report.Block.Table;
import org.oversight.improvement.report.WrittenStatementContent.Action;
import org.oversight.improvement.report.WrittenStatementContent.FindingResponse;
import org.oversight.improvement.report.WrittenStatementContent.PlanItem;

/** Lays out a written statement of action: details, then each finding in order with its plan items. */
final class WrittenStatementLayout {

    static final String TITLE = "Written statement of action";

    private WrittenStatementLayout() {
    }

    static LaidOutDocument layout(WrittenStatementContent c) {
        List<Block> b = new ArrayList<>();
        b.add(new Para(null, c.laName(), ParaStyle.LETTERHEAD));
        b.add(new Heading(1, TITLE));
        List<Row> details = new ArrayList<>();
        details.add(Row.of("Local authority", c.laName()));
        addIfPresent(details, "Inspection", c.inspectionType());
        addIfPresent(details, "Inspection dates", c.inspectionDates());
        addIfPresent(details, "Date of statement", c.statementDate());
        b.add(new Table("Statement details", List.of(), details, List.of(30, 70), "details"));
        c.introduction().forEach(p -> b.add(Para.of(p)));

        int n = 0;
        for (FindingResponse f : c.findings()) {
            b.add(new Heading(2, "Finding " + (++n)));
            b.add(new Para(null, f.finding(), ParaStyle.QUOTE));
            if (f.planItems().isEmpty()) {
                b.add(Para.of("No plan items have been recorded for this finding yet."));
            }
            for (PlanItem item : f.planItems()) {
                b.add(new Heading(3, item.title()));
                if (item.actions().isEmpty()) {
                    b.add(Para.of("No actions have been recorded for this item yet."));
                    continue;
                }
                List<Row> rows = new ArrayList<>();
                for (Action a : item.actions()) {
                    rows.add(new Row(Cell.of(a.description()),
                            List.of(Cell.of(a.owner()), Cell.of(a.due()), Cell.of(a.measure())), true));
                }
                b.add(new Table("Actions for " + item.title(),
                        List.of("Action", "Owner", "Due", "Measure of success"), rows,
                        List.of(38, 17, 13, 32), "actions"));
            }
        }
        String title = Text.joinNonBlank(" – ", c.laName(), TITLE);
        return new LaidOutDocument(title, c.laName(), Text.joinNonBlank(", ", c.inspectionType(), c.inspectionDates()), b);
    }

    private static void addIfPresent(List<Row> rows, String label, String value) {
        if (Text.hasText(value)) {
            rows.add(Row.of(label, value));
        }
    }
}
