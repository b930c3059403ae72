package io.lead360.service.problem;

/** Nothing exists at this address for the caller (404). */
public class NotFoundException extends ProblemException {

    /** With the status's reason phrase as the title. */
    public NotFoundException(String detail) {
        super(ProblemType.NOT_FOUND, null, detail);
    }

    public NotFoundException(String title, String detail) {
        super(ProblemType.NOT_FOUND, title, detail);
    }

    @Override
    public NotFoundException with(String name, Object value) {
        super.with(name, value);
        return this;
    }
}
