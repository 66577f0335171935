package org.oversight.shared.problem;

/** One thing wrong with one field: the field's name (e.g. {@code onSite[0].end}) and a message for people. */
public record FieldProblem(String field, String message) {

    /** The problem whose words are the message {@code key} of {@code messages.properties}, with its arguments. */
    public static FieldProblem of(String field, String key, Object... args) {
        return new FieldProblem(field, ProblemText.of(key, args));
    }
}
