package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * The gateway's operator port: health, Prometheus (with the routed requests per route and the gateway's
 * own calls to feedback-service), metrics, info and the route list, without a token; none of the
 * gateway's own endpoints there; and no actuator on the public port but the status-only probes.
 */
class ManagementPortIT extends AbstractIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalManagementPort
    int managementPort;

    @Test
    void theManagementPortServesPrometheusWithRoutedRequestsPerRouteAndTheSessionChecks() throws Exception {
        String token = tokenIssuer
                .accessToken(feedback.personWithSession(
                        FeedbackStandIn.LEA_EMAIL, feedback.openSession(FeedbackStandIn.LEA_EMAIL)))
                .value();
        HttpResponse<String> routed = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .header("Authorization", "Bearer " + token)
                .GET());
        assertThat(routed.statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                get(managementPort, "/actuator/prometheus").body())
                        .contains(
                                "application=\"gateway-service\"",
                                "http_server_requests_seconds_count{",
                                "http_server_requests_seconds_bucket{",
                                "http_client_requests_seconds_count{",
                                "spring_cloud_gateway_route_id=\"feedback-service\"",
                                "http_client_requests_seconds_bucket{",
                                "lead360_gateway_internal_requests_seconds_count{",
                                "uri=\"/internal/auth/sessions/{sid}?personId={personId}\"",
                                "jvm_memory_used_bytes{"));
        assertThat(get(managementPort, "/actuator/prometheus").body()).doesNotContain("s-lea", "p-lea");
        assertThat(get(managementPort, "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/metrics/http.server.requests").statusCode())
                .isEqualTo(200);
        assertThat(get(managementPort, "/actuator/info").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/gateway/routes").body())
                .contains("\"route_id\":\"feedback-service\"", "\"route_id\":\"analytics-service\"");
    }

    @Test
    void theManagementPortServesNoneOfTheGatewaysOwnEndpointsAndNoRoute() throws Exception {
        for (String path : List.of("/", "/.well-known/jwks.json", "/api/auth/providers", "/api/me", "/fallback/x")) {
            assertThat(get(managementPort, path).statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> signIn =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/api/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"lea@acme.test\",\"password\":\"lea-secret\"}")));
        assertThat(signIn.statusCode()).isEqualTo(404);
        assertThat(get(managementPort, "/actuator/metrics/http.server.requests?tag=no-colon")
                        .statusCode())
                .isBetween(400, 499);
        assertThat(send(HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + managementPort + "/actuator/gateway/refresh"))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .as("read-only: no route refresh")
                .isBetween(400, 499);
    }

    @Test
    void thePublicPortServesNoActuatorButStatusOnlyProbes() throws Exception {
        for (String path :
                List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/gateway/routes")) {
            assertThat(get(port, path).statusCode()).as(path).isIn(401, 403, 404);
        }
        assertThat(get(port, "/readyz").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(port, "/livez").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readinessDoesNotFollowTheServicesBehindTheGateway() throws Exception {
        String token = tokenIssuer
                .accessToken(feedback.personWithSession(
                        FeedbackStandIn.LEA_EMAIL, feedback.openSession(FeedbackStandIn.LEA_EMAIL)))
                .value();
        HttpResponse<String> profile =
                send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/profiles/me"))
                        .header("Authorization", "Bearer " + token)
                        .GET());
        assertThat(profile.statusCode()).isEqualTo(503);

        assertThat(get(port, "/readyz").statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
