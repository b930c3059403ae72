package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.infra.FreePort;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.embedded.RedisServer;

/**
 * LEAD360_REDIS_URL set: the submission limit is counted in a real Redis (the redis-server binary
 * bundled by embedded-redis, on loopback), by Spring Cloud Gateway's RedisRateLimiter.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lead360.rate-limit.submissions.per-minute=1", "lead360.rate-limit.submissions.burst=3"})
class RedisRateLimitIT extends AbstractIT {

    private static final int redisPort = FreePort.find();
    private static final RedisServer redis = startRedis();

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("lead360.rate-limit.redis-url", () -> "redis://127.0.0.1:" + redisPort);
    }

    @AfterAll
    static void stop() throws IOException {
        redis.stop();
    }

    @Autowired
    RateLimiter<?> rateLimiter;

    @Test
    void submissionsAreCountedInRedisAndRefusedWithA429Problem() {
        assertThat(rateLimiter).isInstanceOf(RedisRateLimiter.class);
        String lea = tokenIssuer
                .accessToken(feedback.personWithSession("lea@acme.test", FeedbackStandIn.LEA_SESSION))
                .value();

        for (int i = 0; i < 3; i++) {
            submit(lea, "/api/feedback-requests/r-" + i + "/response")
                    .expectStatus()
                    .isOk();
        }
        submit(lea, "/api/feedback-requests/r-9/response")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "60")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429);

        try (RedisClient redisClient = RedisClient.create("redis://127.0.0.1:" + redisPort);
                StatefulRedisConnection<String, String> connection = redisClient.connect()) {
            assertThat(connection.sync().keys("request_rate_limiter.{feedback-submissions.p-lea}.*"))
                    .isNotEmpty();
        }
    }

    @Test
    void theGatewayStaysHealthy() {
        client.get()
                .uri("/readyz")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    private WebTestClient.ResponseSpec submit(String token, String path) {
        return client.post()
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ratings", Map.of()))
                .exchange();
    }

    private static RedisServer startRedis() {
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(redisPort)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
