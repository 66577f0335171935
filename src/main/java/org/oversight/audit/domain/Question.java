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
 */
public record Question(String id, JudgementArea area, String theme, String text, String guidance, String source) {
}
