package io.lead360.analytics.profile;

import io.lead360.events.Relationship;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The profile answers that are not a profile; rendered as problem+json by the service's advice. */
public final class ProfileProblems {

    private ProfileProblems() {}

    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "Profile not found", detail);
    }

    static ErrorResponseException forbidden() {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Only the subject or an administrator may see this profile");
    }

    /** Administrators watch a running cycle by its response counts; scores wait for the close. */
    public static ErrorResponseException notClosed(String cycleId, Map<Relationship, Integer> responses) {
        ErrorResponseException problem = problem(
                HttpStatus.CONFLICT,
                "Cycle still open",
                "Cycle " + cycleId + " is open: no scores are shown before it is closed");
        if (responses != null) {
            problem.getBody().setProperty("responses", responses);
        }
        return problem;
    }

    /** The cycle closed with more responses than analytics has applied so far. */
    public static ErrorResponseException stillPreparing(String cycleId) {
        return problem(
                HttpStatus.CONFLICT,
                "Results are still being prepared",
                "Results are still being prepared for cycle " + cycleId + "; try again shortly");
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
