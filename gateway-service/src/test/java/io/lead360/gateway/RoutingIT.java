package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Routing to the services: what reaches feedback-service and analytics-service, what never does, and the answers when a service is down or a path unknown. */
class RoutingIT extends AbstractIT {

    @Test
    void forgedIdentityHeadersAreStrippedAndTheAuthorizationHeaderIsForwardedUnchanged() {
        String token = personToken();

        Map<String, Object> echoed = client.get()
                .uri("/api/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-User-Id", "p-admin")
                .header("X-Lead360-Roles", "ADMIN")
                .header("X-Lead360-Anything", "ADMIN")
                .header("X-Forwarded-User", "admin")
                .header("X-Request-Id", "r-1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) echoed.get("headers");
        assertThat(echoed.get("path")).isEqualTo("/api/people");
        assertThat(headers).containsEntry("authorization", List.of("Bearer " + token));
        assertThat(headers).containsEntry("x-request-id", List.of("r-1"));
        assertThat(headers.keySet())
                .noneMatch(name ->
                        name.startsWith("x-user-") || name.startsWith("x-lead360-") || name.equals("x-forwarded-user"));
    }

    @Test
    void everyFeedbackRouteReachesFeedbackService() {
        String token = personToken();
        for (String path : List.of(
                "/api/me", "/api/people/p-1", "/api/templates", "/api/cycles/c-1/progress", "/api/feedback-requests")) {
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.path")
                    .isEqualTo(path);
        }
    }

    /**
     * More calls in flight than Resilience4j's default bulkhead allows (25) must not be refused: a
     * bulkhead there turned the 26th concurrent call into a 503 and then opened the circuit for everyone.
     */
    @Test
    void manyConcurrentCallsToASlowServiceAreAllRouted() {
        String token = personToken();
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        java.net.http.HttpRequest slow = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/me?delay=400"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .timeout(Duration.ofSeconds(20))
                .build();
        List<java.util.concurrent.CompletableFuture<Integer>> calls = java.util.stream.IntStream.range(0, 60)
                .mapToObj(i -> http.sendAsync(slow, java.net.http.HttpResponse.BodyHandlers.discarding())
                        .thenApply(java.net.http.HttpResponse::statusCode))
                .toList();

        assertThat(calls.stream().map(java.util.concurrent.CompletableFuture::join))
                .as("60 calls in flight at once")
                .containsOnly(200);
    }

    @Test
    void aDownServiceAnswersA503ProblemQuickly() {
        long started = System.nanoTime();

        client.get()
                .uri("/api/profiles/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("analytics-service is unavailable");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void internalPathsAreNeverRouted() {
        client.post()
                .uri("/internal/auth/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "lea@acme.test", "password", "lea-secret"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(PROBLEM_JSON);
        client.post()
                .uri("/internal/auth/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenIssuer.serviceToken())
                .bodyValue(Map.of("email", "lea@acme.test", "password", "lea-secret"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        client.get()
                .uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(PROBLEM_JSON);
    }

    @Test
    void theFeedbackDocumentationIsRoutedWithoutAToken() {
        for (String path : List.of("/api/docs/feedback", "/api/docs/feedback.yaml")) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.path")
                    .isEqualTo(path);
        }
        client.post().uri("/api/docs/feedback").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void organisationAndProfileAdministrationRoutesLeadToAnalyticsService() {
        for (String path : List.of("/api/organisation/heatmap?cycleId=c-1", "/api/admin/profiles/rebuild/r-1")) {
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("analytics-service is unavailable");
        }
        client.get().uri("/api/organisation/heatmap").exchange().expectStatus().isUnauthorized();
    }
}
