package io.lead360.service;

import io.lead360.service.problem.ProblemType;
import io.lead360.service.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * MongoDB is unreachable (stopped, restarting, network; DataAccessResourceFailureException,
 * MongoTimeoutException, MongoSocketException): a temporary condition, so each service's error advice
 * answers 503 with Retry-After rather than a 500; the driver reconnects by itself.
 */
public final class StoreUnavailable {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailable.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    private StoreUnavailable() {}

    public static ResponseEntity<ProblemDetail> response(Exception failure) {
        log.warn("MongoDB unavailable: {}", failure.toString());
        ProblemDetail problem =
                Problems.of(ProblemType.SERVICE_UNAVAILABLE, "The data store is unavailable; try again shortly");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
