package org.oversight.selfeval;

import java.util.List;

import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;

/** Someone saved the same text after the editor opened it: nothing was written (the API answers 409, the page shows both). */
public class EditConflictException extends InvalidInputException {

    public EditConflictException(FieldProblem problem) {
        super(List.of(problem));
    }
}
