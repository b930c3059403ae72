package io.lead360.service.problem;

/** The caller is known but may not do this (403). */
public class ForbiddenException extends ProblemException {

    /** With the status's reason phrase as the title. */
    public ForbiddenException(String detail) {
        super(ProblemType.FORBIDDEN, null, detail);
    }

    public ForbiddenException(String title, String detail) {
        super(ProblemType.FORBIDDEN, title, detail);
    }

    @Override
    public ForbiddenException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
