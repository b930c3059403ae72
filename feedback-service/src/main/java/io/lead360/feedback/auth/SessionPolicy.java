package io.lead360.feedback.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules of a sign-in session, without storage: it ends when revoked, {@code ttl} after it began,
 * or {@code idleTtl} after its last refresh. A refresh token works once; presenting a spent one means
 * it was copied, so the whole session ends (OAuth 2.0 Security BCP, refresh token rotation).
 */
final class SessionPolicy {

    /** What a presented refresh token may do. */
    enum Refresh {
        /** the current token of a live session: rotate it */
        ROTATE,
        /** a token this session already spent: someone replays it, end the session */
        REUSED,
        /** the current token, but the session has ended */
        ENDED
    }

    private final Duration ttl;
    private final Duration idleTtl;

    SessionPolicy(Duration ttl, Duration idleTtl) {
        if (ttl.isNegative() || ttl.isZero() || idleTtl.isNegative() || idleTtl.isZero()) {
            throw new IllegalArgumentException("session lifetimes must be positive");
        }
        this.ttl = ttl;
        this.idleTtl = idleTtl;
    }

    SessionState start(String id, String personId, String refreshHash, Instant now) {
        Instant expiresAt = now.plus(ttl);
        return new SessionState(
                id,
                personId,
                refreshHash,
                List.of(),
                LocalDate.ofInstant(now, ZoneOffset.UTC),
                expiresAt,
                idleExpiry(now, expiresAt),
                false);
    }

    boolean isLive(SessionState session, Instant now) {
        return !session.revoked() && now.isBefore(session.expiresAt()) && now.isBefore(session.idleExpiresAt());
    }

    /** A live session of that person: what an access token's {@code sub} and {@code sid} must name. */
    boolean isLiveFor(SessionState session, String personId, Instant now) {
        return Objects.equals(session.personId(), personId) && isLive(session, now);
    }

    /** @return null when the hash is neither the session's current nor a spent token */
    Refresh decide(SessionState session, String presentedHash, Instant now) {
        if (presentedHash.equals(session.refreshHash())) {
            return isLive(session, now) ? Refresh.ROTATE : Refresh.ENDED;
        }
        return session.previousRefreshHashes().contains(presentedHash) ? Refresh.REUSED : null;
    }

    /** The session after a refresh: a new current token, the old one spent, the idle clock restarted. */
    SessionState rotated(SessionState session, String newRefreshHash, Instant now) {
        if (!isLive(session, now)) {
            throw new IllegalStateException("an ended session is never refreshed");
        }
        List<String> spent = new ArrayList<>(session.previousRefreshHashes());
        spent.add(session.refreshHash());
        return new SessionState(
                session.id(),
                session.personId(),
                newRefreshHash,
                spent,
                session.createdOn(),
                session.expiresAt(),
                idleExpiry(now, session.expiresAt()),
                false);
    }

    /** Idle expiry never outlives the absolute one. */
    private Instant idleExpiry(Instant now, Instant expiresAt) {
        Instant idle = now.plus(idleTtl);
        return idle.isBefore(expiresAt) ? idle : expiresAt;
    }
}
