package org.oversight.inspection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.oversight.inspection.SingleRecordService.RegisterRow;
import org.oversight.inspection.domain.Grade;
import org.oversight.inspection.domain.JudgementArea;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The latest judgements of register rows as the tables of the national picture and the single record show them: for
 * each judgement area in order, the grade's tag or null where there is none. The tags are made once, so a table of
 * 153 LAs neither inserts a template fragment nor looks a message up for each of its 765 cells (issue 15).
 */
@Component
public class GradeCells {

    /**
     * A grade as a tag: the CSS class and label of the {@code grade} fragment of fragments/govuk.html, whose markup
     * the tables that use these write out the same way.
     */
    public record GradeCell(String cssClass, String label) {
    }

    private final Map<Grade, GradeCell> byGrade = new EnumMap<>(Grade.class);

    public GradeCells(MessageSource messages) {
        for (Grade grade : Grade.values()) {
            byGrade.put(grade, new GradeCell("app-grade app-grade--" + grade.name(), messages.getMessage(grade.labelKey(), null, Locale.UK)));
        }
    }

    /** The row's grade for each judgement area, in {@link JudgementArea#values()} order; null where it has none. */
    public List<GradeCell> of(RegisterRow row) {
        List<GradeCell> cells = new ArrayList<>(JudgementArea.values().length);
        for (JudgementArea area : JudgementArea.values()) {
            Grade grade = row.grade(area);
            cells.add(grade == null ? null : byGrade.get(grade));
        }
        return Collections.unmodifiableList(cells);
    }
}
