package io.lead360.feedback.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Every setting of feedback-service, with defaults; application.yml maps the LEAD360_* variables. */
@ConfigurationProperties("lead360")
public record FeedbackProperties(
        @DefaultValue Auth auth,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue Outbox outbox,
        @DefaultValue Kafka kafka) {

    public record Auth(
            @DefaultValue("http://127.0.0.1:8080/.well-known/jwks.json") String jwksUri,
            @DefaultValue("lead360") String issuer,
            @DefaultValue("lead360-api") String audience) {
    }

    public record BootstrapAdmin(
            @DefaultValue("admin@lead360.local") String email,
            @DefaultValue("lead360-admin") String password) {
    }

    /**
     * @param pollInterval pause between two publisher rounds
     * @param sendTimeout  how long one send waits for the broker's ack before the round gives up
     * @param batchSize    documents looked at per collection and round
     */
    public record Outbox(
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("10s") Duration sendTimeout,
            @DefaultValue("100") int batchSize) {
    }

    public record Kafka(
            @DefaultValue("3") int partitions,
            @DefaultValue("1") short replicationFactor) {
    }
}
