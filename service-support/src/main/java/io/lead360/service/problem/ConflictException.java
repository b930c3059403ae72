package io.lead360.service.problem;

/** The request is valid but the resource's state does not allow it (409). */
public class ConflictException extends ProblemException {

    /** With the status's reason phrase as the title. */
    public ConflictException(String detail) {
        super(ProblemType.CONFLICT, null, detail);
    }

    public ConflictException(String title, String detail) {
        super(ProblemType.CONFLICT, title, detail);
    }

    @Override
    public ConflictException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
