package org.oversight.audit.domain;

/**
 * One question of an audit form.
 *
 * @param id       stable within the template family, e.g. {@code CL2}
 * @param area     the ILACS judgement area
 * @param theme    the evaluation-criteria theme within the area, e.g. "Pathway plans"
 * @param text     what the auditor answers
 * @param guidance what good looks like, for the auditor
 * @param source   the inspection finding the question comes from (seed and quotation)
 * @param figures  the help-and-protection front-door measures ({@code FrontDoor.Measure} names) the question bears on,
 *                 shown beside it with the LA's figures; empty when none
 */
public record Question(String id, JudgementArea area, String theme, String text, String guidance, String source, java.util.List<String> figures) {

    public Question {
        figures = figures == null ? java.util.List.of() : java.util.List.copyOf(figures);
    }

    public Question(String id, JudgementArea area, String theme, String text, String guidance, String source) {
        this(id, area, theme, text, guidance, source, java.util.List.of());
    }
}
