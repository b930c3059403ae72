package io.lead360.feedback.outbox;

import io.lead360.events.Topics;
import io.lead360.feedback.config.FeedbackProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics feedback-service produces to. KafkaAdmin creates them at startup; with the broker
 * down it only logs (fatalIfBrokerNotAvailable is false by default) and the producer's
 * auto-creation is not relied upon.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    @Bean
    NewTopic feedbackSubmittedTopic(FeedbackProperties properties) {
        return topic(Topics.FEEDBACK_SUBMITTED, properties.kafka());
    }

    @Bean
    NewTopic cycleEventsTopic(FeedbackProperties properties) {
        return topic(Topics.CYCLE_EVENTS, properties.kafka());
    }

    private static NewTopic topic(String name, FeedbackProperties.Kafka kafka) {
        return TopicBuilder.name(name)
                .partitions(kafka.partitions())
                .replicas(kafka.replicationFactor())
                .build();
    }
}
