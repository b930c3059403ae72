package io.lead360.feedback.person;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An import job as stored, so that any instance can answer for it: counts, the result or the failure, and
 * who started it. Never a password or a hash: those stay in the memory of the instance that runs it.
 * {@code updatedAt} is its heartbeat; {@code expiresAt} is what the TTL index removes it by.
 */
@Document(ImportJob.COLLECTION)
record ImportJob(
        @Id String id,
        String actorId,
        ImportJobView.Status status,
        int people,
        int passwords,
        int hashed,
        ImportResult result,
        ImportJobView.Failure problem,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt) {

    static final String COLLECTION = "importJobs";

    ImportJobView view() {
        return new ImportJobView(id, status, people, passwords, hashed, createdAt, updatedAt, result, problem);
    }
}
