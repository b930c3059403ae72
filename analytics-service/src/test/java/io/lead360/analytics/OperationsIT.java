package io.lead360.analytics;

import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.Relationship;
import io.lead360.events.Topics;
import io.lead360.testsupport.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Topics the service creates, and the consumption metrics at /actuator/metrics (ADMIN only). */
class OperationsIT extends IntegrationTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void topicsAreCreatedWithConfiguredPartitionsAndSubmissionsAreKeptForever() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrap()))) {
            var submitted = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FEEDBACK_SUBMITTED);
            var cycles = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CYCLE_EVENTS);
            var deadLetters = new ConfigResource(ConfigResource.Type.TOPIC, Topics.FEEDBACK_SUBMITTED + Topics.DEAD_LETTER_SUFFIX);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(submitted, cycles, deadLetters)).all().get(30, TimeUnit.SECONDS);

            assertThat(configs.get(submitted).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(configs.get(cycles).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
            assertThat(configs.get(deadLetters).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("2592000000");
            assertThat(admin.describeTopics(List.of(Topics.FEEDBACK_SUBMITTED)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(Topics.FEEDBACK_SUBMITTED).partitions()).hasSize(3);
        }
    }

    @Test
    void appliedDuplicateDeadLetteredAndLagAreMeasured() throws Exception {
        String admin = bearer(unique("hr"), "ADMIN");
        double applied = counter("lead360.events.applied", admin);
        double duplicates = counter("lead360.events.duplicates", admin);
        String subject = unique("lea");
        FeedbackSubmitted event = submission(unique("cycle"), subject, Relationship.PEER, Map.of("t1", 3), Map.of());

        publish(event);
        publish(event);
        publishRaw(Topics.FEEDBACK_SUBMITTED, subject, "not json");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(counter("lead360.events.applied", admin)).isGreaterThanOrEqualTo(applied + 1);
            assertThat(counter("lead360.events.duplicates", admin)).isGreaterThanOrEqualTo(duplicates + 1);
            assertThat(counter("lead360.events.dead.lettered?tag=topic:" + Topics.FEEDBACK_SUBMITTED, admin)).isGreaterThanOrEqualTo(1);
        });
        await().atMost(PATIENCE).untilAsserted(() -> mvc.perform(get("/actuator/metrics/kafka.consumer.fetch.manager.records.lag.max")
                .header(HttpHeaders.AUTHORIZATION, admin)).andExpect(status().isOk()));
    }

    @Test
    void metricsAreForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/metrics/lead360.events.applied")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/metrics/lead360.events.applied")
                .header(HttpHeaders.AUTHORIZATION, bearer(unique("lea"), "EMPLOYEE", "LEADER"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    private double counter(String nameAndQuery, String admin) throws Exception {
        String body = mvc.perform(get("/actuator/metrics/" + nameAndQuery).header(HttpHeaders.AUTHORIZATION, admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode measurement = json.readTree(body).get("measurements").get(0);
        return measurement.get("value").asDouble();
    }
}
