package io.lead360.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public HTTP API as the benchmark calls it: one keep-alive client per base URL (gateway or a service's own port). */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Answer(int status, String body, String location) {
        JsonNode json() {
            return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        }

        Answer expect(int... statuses) {
            for (int s : statuses) {
                if (status == s) return this;
            }
            throw new IllegalStateException("HTTP " + status + ": " + body);
        }
    }

    final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Api(String base) {
        this.base = base;
    }

    Answer get(String path, String token) {
        return send(builder(path, token).GET().build());
    }

    /** Prometheus' text format: the JSON Accept header of {@link #get} would get a 406. */
    Answer getText(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain")
                .GET()
                .build());
    }

    Answer post(String path, String token, Object body) {
        return postRaw(path, token, "application/json", body == null ? "" : JSON.writeValueAsString(body));
    }

    Answer postRaw(String path, String token, String contentType, String body) {
        return send(builder(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    String signIn(String email, String password) {
        java.util.Map<String, String> credentials = java.util.Map.of("email", email, "password", password);
        for (int attempt = 0; ; attempt++) {
            Answer answer = post("/api/auth/token", null, credentials);
            if (answer.status() == 429 && attempt < 60) {
                Bench.sleep(1000);
                continue;
            }
            return answer.expect(200).json().get("accessToken").asString();
        }
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
