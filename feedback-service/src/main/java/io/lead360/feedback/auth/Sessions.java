package io.lead360.feedback.auth;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.config.FeedbackProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The store of sign-in sessions (MongoDB {@code sessions}), applying {@link SessionPolicy}. Refresh
 * tokens are handed out once and kept only as hashes.
 */
@Service
public class Sessions {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SessionPolicy policy;

    Sessions(MongoTemplate mongo, Clock clock, FeedbackProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.policy = new SessionPolicy(
                properties.auth().sessionTtl(), properties.auth().sessionIdleTtl());
    }

    /** A new session and its first refresh token (the only time the token exists outside the caller). */
    public record Issued(String sessionId, String personId, String refreshToken, Instant refreshExpiresAt) {

        @Override
        public String toString() { // never log a token by accident
            return "Issued[sessionId=" + sessionId + ", personId=" + personId + "]";
        }
    }

    public Issued start(String personId) {
        String refreshToken = Secrets.random();
        Session session = mongo.insert(
                Session.of(policy.start(Secrets.random(), personId, Secrets.sha256Hex(refreshToken), clock.instant())));
        return new Issued(session.id(), personId, refreshToken, session.refreshExpiresAt());
    }

    /**
     * Spends the refresh token and hands out its successor. Empty when the token is unknown, its
     * session has ended, or it was already spent, in which case the whole session is revoked: either
     * the thief or the rightful holder used it before, and we cannot tell which.
     */
    Optional<Issued> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Optional.empty();
        }
        String hash = Secrets.sha256Hex(refreshToken);
        Instant now = clock.instant();
        Session session = mongo.findOne(Query.query(where("refreshHash").is(hash)), Session.class);
        if (session == null) {
            session = mongo.findOne(Query.query(where("previousRefreshHashes").is(hash)), Session.class);
        }
        if (session == null) {
            return Optional.empty();
        }
        SessionPolicy.Refresh decision = policy.decide(session.state(), hash, now);
        if (decision != SessionPolicy.Refresh.ROTATE) {
            if (decision == SessionPolicy.Refresh.REUSED) {
                revoke(session.id());
            }
            return Optional.empty();
        }
        String next = Secrets.random();
        SessionState rotated = policy.rotated(session.state(), Secrets.sha256Hex(next), now);
        // conditional on the token still being current: of two refreshes with one token exactly one wins
        Session won = mongo.findAndModify(
                Query.query(where("_id")
                        .is(session.id())
                        .and("refreshHash")
                        .is(hash)
                        .and("revoked")
                        .is(false)),
                new Update()
                        .set("refreshHash", rotated.refreshHash())
                        .push("previousRefreshHashes", hash)
                        .set("idleExpiresAt", rotated.idleExpiresAt()),
                FindAndModifyOptions.options().returnNew(true),
                Session.class);
        if (won == null) {
            // the other refresh spent it first: this one is a reuse
            revoke(session.id());
            return Optional.empty();
        }
        return Optional.of(new Issued(won.id(), won.personId(), next, won.refreshExpiresAt()));
    }

    /** The session exists, is not revoked or expired, and belongs to {@code personId}. One read by id. */
    public boolean isLive(String sessionId, String personId) {
        if (sessionId == null || personId == null) {
            return false;
        }
        Session session = mongo.findById(sessionId, Session.class);
        return session != null && policy.isLiveFor(session.state(), personId, clock.instant());
    }

    /** Ends one session (sign-out); ending an ended or unknown session is not an error. */
    public void revoke(String sessionId) {
        mongo.updateFirst(Query.query(where("_id").is(sessionId)), new Update().set("revoked", true), Session.class);
    }

    /** Ends every session of these people at once, e.g. when an administrator deactivates them. */
    public long revokeAllOf(Collection<String> personIds) {
        if (personIds.isEmpty()) {
            return 0;
        }
        return mongo.updateMulti(
                        Query.query(
                                where("personId").in(personIds).and("revoked").is(false)),
                        new Update().set("revoked", true),
                        Session.class)
                .getModifiedCount();
    }
}
