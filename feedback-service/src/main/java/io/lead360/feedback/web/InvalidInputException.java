package io.lead360.feedback.web;

import java.util.List;

/** Input that passed parsing but breaks a rule; answered with 400 and the list of errors. */
public class InvalidInputException extends RuntimeException {

    private final List<InputError> errors;

    public InvalidInputException(String detail, List<InputError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
