package io.lead360.gateway.sso;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A sign-in code that is unknown, already used or older than its 60 seconds; answered as 401 problem+json. */
class InvalidSsoCodeException extends ErrorResponseException {

    InvalidSsoCodeException() {
        super(HttpStatus.UNAUTHORIZED, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED, "The sign-in code is invalid, expired or already used");
        problem.setTitle("Invalid sign-in code");
        return problem;
    }
}
