package io.lead360.feedback.person;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An import that runs off the request thread, as its administrator follows it: RUNNING with how many of its
 * passwords are hashed, then DONE with the answer a synchronous import gives, or FAILED with a problem.
 *
 * @param people    the rows of the file
 * @param passwords the new passwords the import hashes (the slow part)
 * @param hashed    how many of them are hashed, as last written (every few seconds)
 * @param result    when DONE: what the import did, as {@code POST /api/people/import} answers with 200
 * @param problem   when FAILED: why, as problem+json fields ({@code type}, {@code title}, {@code status},
 *                  {@code detail})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportJobView(
        String id,
        Status status,
        int people,
        int passwords,
        int hashed,
        Instant createdAt,
        Instant updatedAt,
        ImportResult result,
        Failure problem) {

    public enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    /** Why a job failed, in the fields of a problem detail. */
    public record Failure(String type, String title, int status, String detail) {}
}
