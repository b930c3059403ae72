package io.lead360.analytics.profile;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The profile answers that are not a profile; rendered as problem+json by the service's advice. */
final class ProfileProblems {

    private ProfileProblems() {
    }

    static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "Profile not found", detail);
    }

    static ErrorResponseException forbidden() {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Only the subject or an administrator may see this profile");
    }

    static ErrorResponseException notClosed(String cycleId) {
        return problem(HttpStatus.CONFLICT, "Cycle still open",
                "Cycle " + cycleId + " is open: no scores are shown before it is closed");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
