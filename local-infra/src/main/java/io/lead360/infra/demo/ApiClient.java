package io.lead360.infra.demo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small client of lead360's public HTTP API (through the gateway), used by the demo loader and the end-to-end tests. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(String baseUrl) {
        this(baseUrl, DEFAULT_TIMEOUT);
    }

    /** @param timeout how long one call may take before it fails (a load test treats that as a lost answer) */
    public ApiClient(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
    }

    /** An answer: status, raw body, and the body parsed as JSON (null when it is not JSON). */
    public record Response(int status, String body, String contentType, JsonNode json) {

        public Response expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    /** Signs in and returns the access token; fails unless the answer is 200. */
    public String signIn(String email, String password) {
        return post("/api/auth/token", null, Map.of("email", email, "password", password))
                .expect(200).json().get("accessToken").asString();
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    public Response post(String path, String token, Object body) {
        return postRaw(path, token, "application/json", body == null ? "" : JSON.writeValueAsString(body));
    }

    public Response postRaw(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType)
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

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = answer.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (contentType.contains("json") && !answer.body().isBlank()) {
                json = JSON.readTree(answer.body());
            }
            return new Response(answer.statusCode(), answer.body(), contentType, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
