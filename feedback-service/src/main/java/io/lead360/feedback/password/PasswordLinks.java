package io.lead360.feedback.password;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.auth.Secrets;
import io.lead360.feedback.config.FeedbackProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Single-use set-password links: a 256-bit random token, stored only as its SHA-256 (as refresh tokens
 * are), valid for as long as the mail that carries it says; redeeming one deletes it in the same operation,
 * so it works exactly once.
 */
@Component
public class PasswordLinks {

    static final String COLLECTION = "password_links";

    private final MongoTemplate mongo;
    private final FeedbackProperties.Mail settings;
    private final Clock clock;

    PasswordLinks(MongoTemplate mongo, FeedbackProperties properties, Clock clock) {
        this.mongo = mongo;
        this.settings = properties.mail();
        this.clock = clock;
    }

    /** A new link for the person, working for {@code ttl}: the address to put in a mail. */
    public String create(String personId, Duration ttl) {
        String token = Secrets.random();
        Instant now = clock.instant();
        mongo.insert(
                new Document("_id", Secrets.sha256Hex(token))
                        .append("personId", personId)
                        .append("createdAt", Date.from(now))
                        .append("expiresAt", Date.from(now.plus(ttl))),
                COLLECTION);
        return settings.publicUrl() + "/#/set-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** The person the link was for, if it exists and has not expired; it is gone afterwards either way. */
    Optional<String> redeem(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        Document link =
                mongo.findAndRemove(Query.query(where("_id").is(Secrets.sha256Hex(token))), Document.class, COLLECTION);
        if (link == null || link.getDate("expiresAt").toInstant().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.ofNullable(link.getString("personId"));
    }

    /** Expired links are of no use to anyone: gone (a scheduled call). */
    long purgeExpired() {
        return mongo.remove(Query.query(where("expiresAt").lt(Date.from(clock.instant()))), COLLECTION)
                .getDeletedCount();
    }
}
