package io.lead360.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.analytics.ingest.IngestMetrics;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.Relationship;
import io.lead360.events.Topics;
import io.lead360.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/** Topics the service creates, and the consumption metrics (on the management port, see ManagementPortIT). */
class OperationsIT extends AbstractIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MeterRegistry registry;

    @Test
    void topicsAreCreatedWithConfiguredPartitionsAndSubmissionsAreKeptForever() throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrap()))) {
            var submitted = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FEEDBACK_SUBMITTED);
            var cycles = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CYCLE_EVENTS);
            var deadLetters = new ConfigResource(
                    ConfigResource.Type.TOPIC, Topics.FEEDBACK_SUBMITTED + Topics.DEAD_LETTER_SUFFIX);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(submitted, cycles, deadLetters))
                    .all()
                    .get(30, TimeUnit.SECONDS);

            assertThat(configs.get(submitted)
                            .get(TopicConfig.RETENTION_MS_CONFIG)
                            .value())
                    .isEqualTo("-1");
            assertThat(configs.get(cycles).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo("-1");
            assertThat(configs.get(deadLetters)
                            .get(TopicConfig.RETENTION_MS_CONFIG)
                            .value())
                    .isEqualTo("2592000000");
            assertThat(admin.describeTopics(List.of(Topics.FEEDBACK_SUBMITTED))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get(Topics.FEEDBACK_SUBMITTED)
                            .partitions())
                    .hasSize(3);
        }
    }

    @Test
    void appliedDuplicateDeadLetteredAndLagAreMeasured() {
        double applied = counter(IngestMetrics.APPLIED);
        double duplicates = counter(IngestMetrics.DUPLICATES);
        String subject = unique("lea");
        FeedbackSubmitted event = submission(unique("cycle"), subject, Relationship.PEER, Map.of("t1", 3), Map.of());

        publish(event);
        publish(event);
        publishRaw(Topics.FEEDBACK_SUBMITTED, subject, "not json");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(counter(IngestMetrics.APPLIED)).isGreaterThanOrEqualTo(applied + 1);
            assertThat(counter(IngestMetrics.DUPLICATES)).isGreaterThanOrEqualTo(duplicates + 1);
            var deadLettered = registry.find(IngestMetrics.DEAD_LETTERED)
                    .tag("topic", Topics.FEEDBACK_SUBMITTED)
                    .counter();
            assertThat(deadLettered).isNotNull();
            assertThat(deadLettered.count()).isGreaterThanOrEqualTo(1);
        });
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(registry.find("kafka.consumer.fetch.manager.records.lag.max")
                                .gauges())
                        .isNotEmpty());
    }

    @Test
    void theApplicationPortServesNoMetricsToAnyone() throws Exception {
        mvc.perform(get("/actuator/metrics/lead360.events.applied")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics/lead360.events.applied")
                        .header(HttpHeaders.AUTHORIZATION, bearer(unique("hr"), "ADMIN")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer(unique("hr"), "ADMIN")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/readyz")).andExpect(status().isOk());
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }
}
