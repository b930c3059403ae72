package io.lead360.analytics.ingest;

import io.lead360.analytics.config.AnalyticsProperties;
import io.lead360.events.SubjectSeal;
import io.lead360.events.Topics;
import java.util.ArrayList;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** The topics analytics consumes (and their dead-letter topics), and the one error handler. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    @Bean
    KafkaAdmin.NewTopics analyticsTopics(AnalyticsProperties properties) {
        var kafka = properties.kafka();
        var retention = Map.of(
                Topics.FEEDBACK_SUBMITTED,
                kafka.feedbackRetentionMs(),
                Topics.CYCLE_EVENTS,
                kafka.cycleEventsRetentionMs());
        var topics = new ArrayList<NewTopic>();
        retention.forEach((topic, retentionMs) -> {
            topics.add(topic(topic, kafka, retentionMs));
            topics.add(topic(topic + Topics.DEAD_LETTER_SUFFIX, kafka, kafka.deadLetterRetentionMs()));
        });
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, AnalyticsProperties.Kafka kafka, long retentionMs) {
        return TopicBuilder.name(name)
                .partitions(kafka.partitions())
                .replicas(kafka.replicas())
                .config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs))
                .build();
    }

    /**
     * Bounded retries, then the record goes to {@code <topic>.dlt} on the same partition (the
     * dead-letter topics have as many partitions), with the reason in spring-kafka's exception
     * headers. A value that is not a valid event (a seal that does not open included) goes there at
     * once. A failure because MongoDB is away, or feedback-service cannot hand out the subject keys,
     * says nothing about the event: it is retried with a growing pause until they are back, and
     * never dead-lettered (that would lose a valid submission).
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<Object, Object> template, AnalyticsProperties properties, IngestMetrics metrics) {
        var recoverer =
                new DeadLetterPublishingRecoverer(
                        template,
                        (record, exception) ->
                                new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition())) {
                    @Override
                    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
                        super.accept(record, consumer, withoutBatchWrapper(exception));
                        metrics.deadLettered(record.topic());
                    }
                };
        var kafka = properties.kafka();
        var handler = new DefaultErrorHandler(
                recoverer, new FixedBackOff(kafka.retryBackOff().toMillis(), kafka.maxAttempts() - 1L));
        handler.addNotRetryableExceptions(InvalidEventException.class, SubjectSeal.BrokenSealException.class);
        handler.setBackOffFunction(
                (record, exception) -> TransientFailures.isTransient(exception) ? untilItIsBack(kafka) : null);
        return handler;
    }

    /** Unlimited attempts; each pause stays far below max.poll.interval.ms, so the consumer keeps its partitions. */
    static BackOff untilItIsBack(AnalyticsProperties.Kafka kafka) {
        var backOff = new ExponentialBackOff(kafka.retryBackOff().toMillis(), 2.0);
        backOff.setMaxInterval(kafka.transientMaxBackOff().toMillis());
        return backOff;
    }

    /**
     * The batch listener wraps a failure in {@link BatchListenerFailedException} only to say which
     * record failed; the dead letter's headers should name the failure itself, as for one record.
     */
    static Exception withoutBatchWrapper(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException batch && batch.getCause() != null) {
                return new ListenerExecutionFailedException(exception.getMessage(), batch.getCause());
            }
        }
        return exception;
    }
}
