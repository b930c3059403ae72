package io.lead360.feedback.auth;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.config.FeedbackProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * One-time codes that carry a single sign-on from the gateway's browser redirect to a token request.
 * Stored by hash only; redeeming deletes the code in the same operation, so a code works once even
 * when two redemptions race.
 */
@Component
class SsoCodes {

    @Document(SsoCode.COLLECTION)
    record SsoCode(@Id String codeHash, String personId, Instant expiresAt) {
        static final String COLLECTION = "sso_codes";
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration ttl;

    SsoCodes(MongoTemplate mongo, Clock clock, FeedbackProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.ttl = properties.auth().ssoCodeTtl();
    }

    String issue(String personId) {
        String code = Secrets.random();
        mongo.insert(
                new SsoCode(Secrets.sha256Hex(code), personId, clock.instant().plus(ttl)));
        return code;
    }

    /** The person the code was issued for, once, within its lifetime. */
    Optional<String> redeem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        SsoCode found = mongo.findAndRemove(Query.query(where("_id").is(Secrets.sha256Hex(code))), SsoCode.class);
        if (found == null || !clock.instant().isBefore(found.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found.personId());
    }
}
