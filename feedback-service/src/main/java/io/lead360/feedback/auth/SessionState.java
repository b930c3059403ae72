package io.lead360.feedback.auth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A sign-in session as {@link SessionPolicy} reasons about it: plain values, no storage. {@link Session}
 * is the same as stored; {@code previousRefreshHashes} are the refresh tokens already spent.
 */
record SessionState(
        String id,
        String personId,
        String refreshHash,
        List<String> previousRefreshHashes,
        LocalDate createdOn,
        Instant expiresAt,
        Instant idleExpiresAt,
        boolean revoked) {

    SessionState {
        previousRefreshHashes = previousRefreshHashes == null ? List.of() : List.copyOf(previousRefreshHashes);
    }
}
