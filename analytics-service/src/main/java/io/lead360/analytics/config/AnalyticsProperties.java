package io.lead360.analytics.config;

import io.lead360.service.config.HttpLimits;
import io.lead360.service.config.MongoTimeouts;
import io.lead360.service.config.TokenCheck;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every analytics-service setting, under {@code lead360}.
 *
 * @param production {@code LEAD360_PRODUCTION}, shared by every service: each refuses to start with
 *                   missing or demo secrets. analytics-service's one secret is its signing key
 *                   ({@link Feedback#signingKeyFile()}): in production it must already exist.
 */
@ConfigurationProperties("lead360")
public record AnalyticsProperties(
        /* how tokens are checked, the MongoDB client's fail-fast timeouts and the body limits: service-support's */
        @DefaultValue TokenCheck auth,
        @DefaultValue Kafka kafka,
        @DefaultValue Rebuild rebuild,
        @DefaultValue MongoTimeouts mongo,
        @DefaultValue HttpLimits http,
        @DefaultValue Feedback feedback,
        @DefaultValue("false") boolean production,
        @DefaultValue Operations operations,
        @DefaultValue Profiles profiles) {

    /**
     * @param partitions   partitions of the topics (and their dead-letter topics) the service creates
     * @param replicas     replication factor of those topics
     * @param maxAttempts  deliveries of a failing record before it goes to the dead-letter topic
     * @param retryBackOff pause between those deliveries (and the first pause while MongoDB or the keys are away)
     * @param transientMaxBackOff longest pause between retries while MongoDB or feedback-service's key
     *                            endpoint is away (retried without limit)
     * @param feedbackRetentionMs   {@code retention.ms} of the submissions topic; -1 = forever, so profiles can be rebuilt
     * @param cycleEventsRetentionMs {@code retention.ms} of the cycle events topic; -1 = forever, a rebuild needs them too
     * @param deadLetterRetentionMs {@code retention.ms} of the dead-letter topics
     */
    public record Kafka(
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicas,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration retryBackOff,
            @DefaultValue("-1") long feedbackRetentionMs,
            @DefaultValue("-1") long cycleEventsRetentionMs,
            @DefaultValue("2592000000") long deadLetterRetentionMs,
            @DefaultValue("5s") Duration transientMaxBackOff) {}

    /**
     * @param maxPollRecords records per poll of the replaying consumer
     * @param idleTimeout    a rebuild fails when the topics yield nothing for this long before their end
     */
    public record Rebuild(
            @DefaultValue("2000") int maxPollRecords,
            @DefaultValue("60s") Duration idleTimeout) {}

    /**
     * feedback-service owns the subject keys that open what events say about a subject; analytics
     * asks for them with a token it signs itself, and keeps them in memory only.
     *
     * @param uri                feedback-service's base URL ({@code LEAD360_FEEDBACK_URI})
     * @param connectTimeout     how long opening a connection to it may take
     * @param responseTimeout    how long an answer may take; after either, the events wait and are retried
     * @param maxIdsPerRequest   subject ids per key request (feedback-service takes at most 1000)
     * @param signingKeyFile     analytics' RSA key for its service token ({@code LEAD360_ANALYTICS_SIGNING_KEY_FILE});
     *                           created when missing, except in production
     * @param tokenLifetime      lifetime of that token; one is reused until half of it has passed
     * @param keyCacheSize       subject keys kept in memory at most
     * @param keyCacheTtl        how long a key is kept in memory after it was fetched
     */
    public record Feedback(
            @DefaultValue("http://127.0.0.1:8081") URI uri,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("3s") Duration responseTimeout,
            @DefaultValue("1000") int maxIdsPerRequest,

            @DefaultValue("./var/keys/analytics-signing-key.pem")
            Path signingKeyFile,

            @DefaultValue("60s") Duration tokenLifetime,
            @DefaultValue("10000") long keyCacheSize,
            @DefaultValue("10m") Duration keyCacheTtl) {}

    /**
     * The operator's view (management port).
     *
     * @param kafkaHealthTimeout how long readiness waits for the Kafka cluster to answer before it says DOWN
     */
    public record Operations(@DefaultValue("2s") Duration kafkaHealthTimeout) {}

    /**
     * @param cacheSize released profile views kept in memory at most ({@code LEAD360_PROFILE_CACHE_SIZE}); each
     *                  holds a profile's numbers and comments, so a few kilobytes to some tens of them; 0 keeps none
     */
    public record Profiles(@DefaultValue("1000") long cacheSize) {}
}
