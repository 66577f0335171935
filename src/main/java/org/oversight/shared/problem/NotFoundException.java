package org.oversight.shared.problem;

/** Something asked for by id or code does not exist: a 404 page, or a 404 ProblemDetail in the API. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
