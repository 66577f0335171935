package org.oversight.shared.problem;

/** One thing wrong with one field: the field's name (e.g. {@code onSite[0].end}) and a message for people. */
public record FieldProblem(String field, String message) {
}
