package io.lead360.analytics;

import static io.lead360.analytics.AbstractIT.bearer;
import static io.lead360.analytics.AbstractIT.cycleOpened;
import static io.lead360.analytics.AbstractIT.submission;
import static io.lead360.analytics.AbstractIT.unique;
import static io.lead360.testsupport.LocalHttp.get;
import static io.lead360.testsupport.LocalHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lead360.events.FeedbackEvent;
import io.lead360.events.Relationship;
import io.lead360.infra.EmbeddedKafka;
import io.lead360.infra.EmbeddedMongo;
import io.lead360.testsupport.LocalHttp;
import io.lead360.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's port of a running analytics-service, over a MongoDB-wire server and a Kafka broker of
 * its own that the test stops and starts: what it serves without a token, what the application port no
 * longer serves, and readiness following the store and the broker while liveness does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ManagementPortIT {

    private static final EmbeddedMongo MONGO = LocalHttp.startedMongo("management-port-it-mongo");
    private static final EmbeddedKafka KAFKA = startKafka();
    private static EventPublisher publisher;

    // not AbstractIT: its registration of the shared MongoDB and Kafka would win over these
    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::connectionString);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("lead360.auth.jwks-uri", () -> TestTokens.get().jwksUri());
        registry.add("spring.kafka.consumer.group-id", () -> "management-port-" + UUID.randomUUID());
        registry.add("lead360.mongo.server-selection-timeout", () -> "1s");
        FeedbackKeyEndpoint.register(registry);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    JsonMapper json;

    @AfterAll
    static void stop() {
        if (publisher != null) {
            publisher.close();
        }
        KAFKA.stop();
        MONGO.stop();
    }

    @Test
    void theManagementPortServesPrometheusWithTheIngestKafkaAndHttpFiguresWithoutAToken() throws Exception {
        String subject = unique("lea");
        String cycle = unique("cycle");
        publish(cycleOpened(cycle, 3, Map.of(subject, Map.of(Relationship.PEER, 3))));
        publish(submission(cycle, subject, Relationship.PEER, Map.of("t1", 4), Map.of()));
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/profiles/me"))
                                .header("Authorization", bearer(subject, "EMPLOYEE", "LEADER"))
                                .GET())
                        .statusCode())
                .isLessThan(500);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(
                                get(managementPort, "/actuator/prometheus").body())
                        .contains(
                                "application=\"analytics-service\"",
                                "lead360_events_applied_total{",
                                "lead360_events_duplicates_total{",
                                "lead360_events_dead_lettered_total{",
                                "lead360_events_apply_seconds_count{",
                                "lead360_event_type=\"CycleOpened\"",
                                "kafka_consumer_fetch_manager_records_lag_max{",
                                "kafka_consumer_fetch_manager_records_lag{",
                                "http_client_requests_seconds_count{",
                                "uri=\"/internal/subject-keys\"",
                                "http_server_requests_seconds_count{",
                                "uri=\"/api/profiles/me\"",
                                "jvm_memory_used_bytes{"));
        String prometheus = get(managementPort, "/actuator/prometheus").body();
        assertThat(prometheus).doesNotContain(subject, cycle);
        assertThat(get(managementPort, "/actuator/health").body()).contains("\"kafka\"", "\"mongo\"", "\"clusterId\"");
        assertThat(get(managementPort, "/actuator/metrics/lead360.events.applied")
                        .statusCode())
                .isEqualTo(200);
        assertThat(get(managementPort, "/actuator/info").statusCode()).isEqualTo(200);
    }

    @Test
    void theApplicationPortServesNoActuatorOnlyStatusOnlyProbesAndTheManagementPortNoApplication() throws Exception {
        for (String path : List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/metrics")) {
            assertThat(get(port, path).statusCode()).as(path).isIn(401, 403, 404);
        }
        assertThat(get(port, "/readyz").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(port, "/livez").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/api/profiles/me"))
                                .header("Authorization", bearer(unique("lea"), "EMPLOYEE"))
                                .GET())
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(managementPort, "/.well-known/jwks.json").statusCode()).isEqualTo(404);
    }

    @Test
    void readinessIsDownWhileMongoDbIsAwayAndLivenessStaysUp() throws Exception {
        awaitReady();
        MONGO.stop();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(get(port, "/readyz").statusCode()).isEqualTo(503));
            assertThat(get(managementPort, "/actuator/health/readiness").statusCode())
                    .isEqualTo(503);
            assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
            assertThat(get(managementPort, "/actuator/health/liveness").statusCode())
                    .isEqualTo(200);
        } finally {
            MONGO.start();
        }
        awaitReady();
    }

    @Test
    void readinessIsDownWhileKafkaIsAwayAndLivenessStaysUp() throws Exception {
        awaitReady();
        KAFKA.stop();
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(get(port, "/readyz").statusCode()).isEqualTo(503));
            assertThat(json.readTree(get(managementPort, "/actuator/health").body())
                            .at("/components/kafka/status")
                            .asString())
                    .isEqualTo("DOWN");
            assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
        } finally {
            KAFKA.start();
        }
        awaitReady();
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(60)).until(() -> get(port, "/readyz").statusCode() == 200);
    }

    private void publish(FeedbackEvent event) {
        if (publisher == null) {
            publisher = new EventPublisher(KAFKA.bootstrapServers(), json);
        }
        publisher.publish(event);
    }

    private static EmbeddedKafka startKafka() {
        try {
            EmbeddedKafka kafka = new EmbeddedKafka(Files.createTempDirectory("management-port-it-kafka"), 0);
            kafka.start();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
