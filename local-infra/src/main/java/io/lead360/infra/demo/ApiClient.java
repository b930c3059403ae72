package io.lead360.infra.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of lead360's public HTTP API (through the gateway), used by the demo loader and the end-to-end tests. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl) {
        this(baseUrl, DEFAULT_TIMEOUT);
    }

    /** @param timeout how long one call may take before it fails (a load test treats that as a lost answer) */
    public ApiClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
    }

    /**
     * An answer: status, raw body, the body parsed as JSON (null when it is not JSON), and the seconds
     * a 429 or 503 asks to wait ({@code Retry-After}; 0 when absent).
     */
    public record Response(int status, String body, String contentType, JsonNode json, long retryAfterSeconds) {

        public Response expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    /**
     * Signs in and returns the access token; fails unless the answer is 200. A 429 (the gateway limits
     * sign-ins per client address) is waited out as its {@code Retry-After} asks, for up to two minutes.
     */
    public String signIn(String email, String password) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Response answer = post("/api/auth/token", null, Map.of("email", email, "password", password));
        while (answer.status() == 429 && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(Math.max(1, answer.retryAfterSeconds())));
            answer = post("/api/auth/token", null, Map.of("email", email, "password", password));
        }
        return answer.expect(200).json().get("accessToken").asString();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code POST /api/people/import}, answered 200 with its result, or 202 with a job when it sets many
     * passwords: then the job is followed until DONE and its result returned (FAILED, or not done within
     * ten minutes, throws).
     */
    public JsonNode importPeople(String token, Object rows) {
        Response answer = post("/api/people/import", token, rows);
        if (answer.status() != 202) {
            return answer.expect(200).json();
        }
        String job = "/api/people/imports/" + answer.json().get("id").asString();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            JsonNode state = get(job, token).expect(200).json();
            String status = state.get("status").asString();
            if (status.equals("DONE")) {
                return state.get("result");
            }
            if (status.equals("FAILED") || System.nanoTime() > deadline) {
                throw new IllegalStateException("the import did not finish: " + state);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String token, Object body) {
        return postRaw(path, token, "application/json", body == null ? "" : JSON.writeValueAsString(body));
    }

    public Response postRaw(String path, String token, String contentType, String body) {
        return send(request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a request built by the caller on top of this client's base URL and token. */
    public Response send(String path, String token, java.util.function.UnaryOperator<HttpRequest.Builder> customize) {
        return send(customize.apply(request(path, token)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static long seconds(String retryAfter) {
        try {
            return Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException httpDate) {
            return 1; // an HTTP date: wait a little and ask again
        }
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = answer.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (contentType.contains("json") && !answer.body().isBlank()) {
                json = JSON.readTree(answer.body());
            }
            long retryAfter = answer.headers()
                    .firstValue("Retry-After")
                    .map(ApiClient::seconds)
                    .orElse(0L);
            return new Response(answer.statusCode(), answer.body(), contentType, json, retryAfter);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
