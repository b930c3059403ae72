package io.lead360.feedback.auth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A sign-in session as stored (collection {@code sessions}; other services read this shape). Only
 * SHA-256 hashes of refresh tokens are kept: a copy of the database does not let anyone sign in.
 * {@code createdOn} is a day, not an instant, so sessions cannot be lined up with response times.
 */
@Document(Session.COLLECTION)
record Session(
        @Id String id,
        String personId,
        String refreshHash,
        List<String> previousRefreshHashes,
        LocalDate createdOn,
        Instant expiresAt,
        Instant idleExpiresAt,
        boolean revoked) {

    static final String COLLECTION = "sessions";

    Session {
        previousRefreshHashes = previousRefreshHashes == null ? List.of() : List.copyOf(previousRefreshHashes);
    }

    static Session of(SessionState s) {
        return new Session(
                s.id(),
                s.personId(),
                s.refreshHash(),
                s.previousRefreshHashes(),
                s.createdOn(),
                s.expiresAt(),
                s.idleExpiresAt(),
                s.revoked());
    }

    /** The values {@link SessionPolicy} decides on. */
    SessionState state() {
        return new SessionState(
                id, personId, refreshHash, previousRefreshHashes, createdOn, expiresAt, idleExpiresAt, revoked);
    }

    /** When the current refresh token stops working unless it is used first. */
    Instant refreshExpiresAt() {
        return idleExpiresAt.isBefore(expiresAt) ? idleExpiresAt : expiresAt;
    }
}
