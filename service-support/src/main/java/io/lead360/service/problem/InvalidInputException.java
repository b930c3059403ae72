package io.lead360.service.problem;

import java.util.List;

/** Input that passed parsing but breaks a rule; answered with 400 and the list of invalid fields. */
public class InvalidInputException extends ProblemException {

    private final List<InvalidField> errors;

    public InvalidInputException(String detail, List<InvalidField> errors) {
        super(ProblemType.INVALID_INPUT, Problems.INVALID_REQUEST, detail);
        this.errors = List.copyOf(errors);
        with(Problems.ERRORS, this.errors);
    }

    public List<InvalidField> errors() {
        return errors;
    }
}
