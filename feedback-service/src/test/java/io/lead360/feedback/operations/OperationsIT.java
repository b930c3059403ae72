package io.lead360.feedback.operations;

import static io.lead360.testsupport.LocalHttp.get;
import static io.lead360.testsupport.LocalHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lead360.feedback.auth.Sessions;
import io.lead360.feedback.it.TestSettings;
import io.lead360.infra.EmbeddedMongo;
import io.lead360.testsupport.LocalHttp;
import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operator's port of a running feedback-service (real ports, a MongoDB-wire server of its own that
 * the test stops and starts, the shared Kafka): what it serves without a token, what the application
 * port no longer serves, and readiness following the store while liveness does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OperationsIT {

    private static final EmbeddedMongo MONGO = LocalHttp.startedMongo("operations-it");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::connectionString);
        registry.add(
                "spring.kafka.bootstrap-servers", () -> TestInfrastructure.get().kafkaBootstrap());
        registry.add("lead360.auth.jwks-uri", () -> TestTokens.get().jwksUri());
        registry.add("lead360.mongo.server-selection-timeout", () -> "1s");
        registry.add("lead360.operations.backlog-refresh", () -> "200ms");
        TestSettings.registerKeys(registry);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Sessions sessions;

    @Autowired
    JsonMapper json;

    @AfterAll
    static void bringTheStoreBack() {
        MONGO.start();
    }

    @Test
    void theManagementPortServesHealthMetricsPrometheusAndInfoWithoutAToken() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> health = get(managementPort, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"mongo\"", "\"livenessState\"", "\"readinessState\"");
        assertThat(get(managementPort, "/actuator/info").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/metrics/lead360.ballots.held.answers")
                        .statusCode())
                .isEqualTo(200);

        // an administrator opens a cycle: its event goes through the outbox to Kafka
        String admin = adminToken();
        String boss = "ops-boss-" + UUID.randomUUID() + "@acme.test";
        assertThat(post("/api/people/import", admin, "[{\"email\":\"" + boss + "\",\"name\":\"Boss\"}]")
                        .statusCode())
                .isEqualTo(200);
        String bossId = null;
        for (JsonNode person : json.readTree(send(HttpRequest.newBuilder(app("/api/people"))
                        .header("Authorization", "Bearer " + admin)
                        .GET())
                .body())) {
            if (person.get("email").asString().equals(boss)) {
                bossId = person.get("id").asString();
            }
        }
        HttpResponse<String> created = post(
                "/api/cycles",
                admin,
                "{\"name\":\"Ops\",\"templateId\":\"leadership-360\"," + "\"subjectIds\":[\"" + bossId + "\"]}");
        assertThat(created.statusCode()).isEqualTo(201);
        String cycleId = json.readTree(created.body()).get("id").asString();
        assertThat(post("/api/cycles/" + cycleId + "/open", admin, null).statusCode())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                get(managementPort, "/actuator/prometheus").body())
                        .contains(
                                "http_server_requests_seconds_count{",
                                "http_server_requests_seconds_bucket{",
                                "application=\"feedback-service\"",
                                "lead360_outbox_waiting{",
                                "lead360_outbox_oldest_age_seconds{",
                                "lead360_ballots_held_answers",
                                "lead360_ballots_due",
                                "lead360_outbox_publish_seconds_count{",
                                "spring_kafka_template_seconds_count{",
                                "kafka_producer_record_send_total{",
                                "jvm_memory_used_bytes{"));
        String prometheus = get(managementPort, "/actuator/prometheus").body();
        assertThat(prometheus)
                .contains("# HELP lead360_ballots_held_answers answers counted and held in the ballots")
                .contains("held answers have no age by design");
        // the route template, never a concrete path
        assertThat(prometheus).contains("uri=\"/api/cycles/{id}/open\"").doesNotContain(cycleId, bossId);
    }

    @Test
    void theManagementPortServesNothingButActuatorAndBadInputThereIsA4xx() throws Exception {
        HttpResponse<String> application = get(managementPort, "/api/cycles");
        assertThat(application.statusCode()).isEqualTo(404);
        assertThat(application.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> withToken =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/api/cycles"))
                        .header("Authorization", "Bearer " + adminToken())
                        .GET());
        assertThat(withToken.statusCode()).isEqualTo(404);

        assertThat(get(managementPort, "/actuator/metrics/no.such.metric").statusCode())
                .isEqualTo(404);
        assertThat(get(managementPort, "/actuator/metrics/http.server.requests?tag=no-colon")
                        .statusCode())
                .isBetween(400, 499);
        // read-only: no endpoint takes a write
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/actuator/health"))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isBetween(400, 499);
    }

    @Test
    void theApplicationPortServesNoActuatorOnlyStatusOnlyProbes() throws Exception {
        for (String path : List.of(
                "/actuator",
                "/actuator/health",
                "/actuator/prometheus",
                "/actuator/metrics",
                "/actuator/info",
                "/actuator/health/readiness")) {
            assertThat(get(port, path).statusCode()).as(path).isIn(401, 403, 404);
        }
        assertThat(send(HttpRequest.newBuilder(app("/actuator/prometheus"))
                                .header("Authorization", "Bearer " + adminToken())
                                .GET())
                        .statusCode())
                .isIn(401, 403, 404);

        HttpResponse<String> readiness = get(port, "/readyz");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> liveness = get(port, "/livez");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readinessIsDownWhileMongoDbIsAwayAndLivenessStaysUp() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/readyz").statusCode() == 200);
        assertThat(get(managementPort, "/actuator/prometheus").body())
                .containsPattern("(?m)^lead360_ballots_held_answers\\{[^}]*} \\d+\\.\\d+$");

        MONGO.stop();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(get(managementPort, "/actuator/health/readiness").statusCode())
                        .isEqualTo(503);
                assertThat(get(port, "/readyz").statusCode()).isEqualTo(503);
            });
            assertThat(get(port, "/readyz").body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(get(managementPort, "/actuator/health/liveness").statusCode())
                    .isEqualTo(200);
            assertThat(get(port, "/livez").statusCode()).isEqualTo(200);
            // what cannot be read is unknown, not zero
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(
                                    get(managementPort, "/actuator/prometheus").body())
                            .containsPattern("(?m)^lead360_ballots_held_answers\\{[^}]*} NaN$"));
        } finally {
            MONGO.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> get(port, "/readyz").statusCode() == 200);
    }

    private String adminToken() {
        String adminId = "ops-admin-" + UUID.randomUUID();
        return TestTokens.get()
                .accessToken(
                        adminId,
                        adminId + "@acme.test",
                        "Admin",
                        List.of("EMPLOYEE", "ADMIN"),
                        sessions.start(adminId).sessionId());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(app(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
