package io.lead360.feedback.web;

/** The request is valid but the resource's state does not allow it (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
