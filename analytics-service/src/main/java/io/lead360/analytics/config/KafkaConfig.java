package io.lead360.analytics.config;

import io.lead360.analytics.ingest.InvalidEventException;
import io.lead360.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.util.ArrayList;
import java.util.List;

/** The topics analytics consumes (and their dead-letter topics), and the one error handler. */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    private static final List<String> CONSUMED = List.of(Topics.FEEDBACK_SUBMITTED, Topics.CYCLE_EVENTS);

    @Bean
    KafkaAdmin.NewTopics analyticsTopics(AnalyticsProperties properties) {
        var kafka = properties.kafka();
        var topics = new ArrayList<org.apache.kafka.clients.admin.NewTopic>();
        for (String topic : CONSUMED) {
            for (String name : List.of(topic, topic + Topics.DEAD_LETTER_SUFFIX)) {
                topics.add(TopicBuilder.name(name).partitions(kafka.partitions()).replicas(kafka.replicas()).build());
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    /**
     * Bounded retries, then the record goes to {@code <topic>.dlt} on the same partition (the
     * dead-letter topics have as many partitions), with the reason in spring-kafka's exception
     * headers. A value that is not a valid event goes there at once.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, AnalyticsProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, record.partition()));
        var kafka = properties.kafka();
        var handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(kafka.retryBackOff().toMillis(), kafka.maxAttempts() - 1L));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }
}
