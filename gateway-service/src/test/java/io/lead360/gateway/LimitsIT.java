package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Request body limits before routing or sign-in, and the in-memory rate limits when no Redis is configured. */
class LimitsIT extends AbstractIT {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void bodiesOverTheLimitAreRefusedWith413ProblemBeforeRoutingOrSignIn() {
        String big = "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}";
        client.post()
                .uri("/api/cycles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(413);
        client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(big)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(PROBLEM_JSON);
        // streamed without a Content-Length: counted as it arrives
        client.post()
                .uri("/api/cycles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(reactor.core.publisher.Flux.range(0, 300).map(i -> "x".repeat(1024)), String.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413);
        client.post()
                .uri("/api/cycles")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(reactor.core.publisher.Flux.range(0, 3).map(i -> "x".repeat(1024)), String.class)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo("/api/cycles");
    }

    @Test
    void aPeopleImportMayBeLargerButNotUnlimited() {
        client.post()
                .uri("/api/people/import")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + " ".repeat(1024 * 1024) + "]")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.path")
                .isEqualTo("/api/people/import");
        client.post()
                .uri("/api/people/import")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[" + " ".repeat(6 * 1024 * 1024) + "]")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(PROBLEM_JSON);
    }

    @Test
    void withoutARedisUrlNothingConnectsToRedisAndRateLimitsStayInMemory() {
        assertThat(context.getBeanNamesForType(org.springframework.data.redis.connection.RedisConnectionFactory.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(
                        org.springframework.data.redis.connection.ReactiveRedisConnectionFactory.class))
                .isEmpty();
        assertThat(context.getBean(org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.class))
                .isInstanceOf(io.lead360.gateway.ratelimit.InMemoryRateLimiter.class);
        client.get()
                .uri("/readyz")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }
}
