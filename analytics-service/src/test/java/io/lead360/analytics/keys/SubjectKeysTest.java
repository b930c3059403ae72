package io.lead360.analytics.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lead360.events.SubjectSeal;
import io.lead360.infra.FreePort;
import io.lead360.service.SigningKey;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The key client against a real HTTP server on loopback that answers as told. */
class SubjectKeysTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<List<String>> asked = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> keys = new HashMap<>();
    private final List<String> erased = new ArrayList<>();
    /** What the server answers: status and body for the ids asked; default is the real endpoint's answer. */
    private volatile Function<List<String>, Answer> answer = this::realAnswer;

    record Answer(int status, String body, long delayMillis) {}

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/internal/subject-keys", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesOnlyKeysNotInMemoryAtMostTheLimitOfIdsPerCall() {
        for (String id : List.of("a", "b", "c", "d", "e")) {
            keys.put(id, SubjectSeal.newKey());
        }
        SubjectKeys subjectKeys = subjectKeys(uri(), 2, Duration.ofMinutes(10));

        SubjectKeys.Lookup first = subjectKeys.lookup(List.of("a", "b", "c", "d", "e"));
        SubjectKeys.Lookup again = subjectKeys.lookup(List.of("e", "a"));

        assertThat(asked).extracting(List::size).containsExactly(2, 2, 1);
        assertThat(asked.stream().flatMap(List::stream)).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(first.key("c")).hasValueSatisfying(k -> assertThat(k).isEqualTo(keys.get("c")));
        assertThat(again.key("e")).hasValueSatisfying(k -> assertThat(k).isEqualTo(keys.get("e")));
        assertThat(asked).hasSize(3);
    }

    @Test
    void tellsErasedFromUnknownAndKeepsNeitherInMemory() {
        keys.put("lea", SubjectSeal.newKey());
        erased.add("zoe");
        SubjectKeys subjectKeys = subjectKeys(uri(), 1000, Duration.ofMinutes(10));

        SubjectKeys.Lookup lookup = subjectKeys.lookup(List.of("lea", "zoe", "nobody"));
        subjectKeys.lookup(List.of("lea", "zoe", "nobody"));

        assertThat(lookup.key("lea")).isPresent();
        assertThat(lookup.isErased("zoe")).isTrue();
        assertThat(lookup.key("zoe")).isEmpty();
        assertThat(lookup.isErased("nobody")).isFalse();
        assertThat(lookup.key("nobody")).isEmpty();
        assertThat(asked).containsExactly(List.of("lea", "zoe", "nobody"), List.of("zoe", "nobody"));
    }

    @Test
    void aForgottenKeyLeavesMemoryAndAnExpiredOneToo() throws Exception {
        keys.put("lea", SubjectSeal.newKey());
        keys.put("max", SubjectSeal.newKey());
        SubjectKeys forgetful = subjectKeys(uri(), 1000, Duration.ofMinutes(10));
        forgetful.lookup(List.of("lea", "max"));

        forgetful.forget("lea");

        assertThat(forgetful.cached(List.of("lea", "max"))).containsOnlyKeys("max");

        SubjectKeys shortLived = subjectKeys(uri(), 1000, Duration.ofMillis(100));
        shortLived.lookup(List.of("lea"));
        Thread.sleep(400);
        assertThat(shortLived.cached(List.of("lea"))).isEmpty();
    }

    @Test
    void asksWithTheServiceTokenAndTheIdsAsJson() {
        keys.put("lea", SubjectSeal.newKey());

        subjectKeys(uri(), 1000, Duration.ofMinutes(10)).lookup(List.of("lea"));

        assertThat(authorizations).singleElement().asString().startsWith("Bearer ey");
    }

    @Test
    void anythingButAUsableAnswerMeansTheKeysAreUnavailableAndNeverQuotesTheAnswer() {
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(SubjectSeal.newKey());
        List<Answer> unusable = List.of(
                new Answer(503, "{\"title\":\"down\"}", 0),
                new Answer(500, "{}", 0),
                new Answer(401, "{}", 0),
                new Answer(403, "{}", 0),
                new Answer(400, "{}", 0),
                new Answer(200, "{\"keys\":{\"lea\":\"" + key + "\"", 0),
                new Answer(200, "{\"erased\":[]}", 0),
                new Answer(200, "{\"keys\":{\"lea\":\"not base64!" + key + "\"},\"erased\":[]}", 0),
                new Answer(200, "{\"keys\":{\"lea\":\"" + key.substring(0, 20) + "\"},\"erased\":[]}", 0),
                new Answer(200, "{\"keys\":{\"lea\":\"" + key + "\"},\"erased\":[\"lea\"]}", 0));
        for (Answer bad : unusable) {
            answer = ids -> bad;
            SubjectKeys subjectKeys = subjectKeys(uri(), 1000, Duration.ofMinutes(10));
            assertThatThrownBy(() -> subjectKeys.lookup(List.of("lea")))
                    .as(bad.toString())
                    .isInstanceOf(SubjectKeysUnavailableException.class)
                    .satisfies(e -> {
                        for (Throwable t = e; t != null; t = t.getCause()) {
                            assertThat(String.valueOf(t.getMessage()))
                                    .doesNotContain(key.substring(0, 20))
                                    .doesNotContain("down");
                        }
                    });
            assertThat(subjectKeys.cached(List.of("lea"))).isEmpty();
        }
    }

    @Test
    void aSlowAnswerIsGivenUpAfterTheResponseTimeout() {
        answer = ids -> new Answer(200, "{\"keys\":{},\"erased\":[]}", 6_000);
        SubjectKeys subjectKeys = subjectKeys(uri(), 1000, Duration.ofMinutes(10));

        long start = System.nanoTime();
        assertThatThrownBy(() -> subjectKeys.lookup(List.of("lea")))
                .isInstanceOf(SubjectKeysUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(5_000));
    }

    @Test
    void anEndpointNobodyListensOnIsUnavailable() {
        URI nobody = URI.create("http://127.0.0.1:" + FreePort.find());

        assertThatThrownBy(
                        () -> subjectKeys(nobody, 1000, Duration.ofMinutes(10)).lookup(List.of("lea")))
                .isInstanceOf(SubjectKeysUnavailableException.class);
    }

    @Test
    void nothingToLookUpAsksNobody() {
        assertThat(subjectKeys(uri(), 1000, Duration.ofMinutes(10))
                        .lookup(Set.of())
                        .keys())
                .isEmpty();
        assertThat(asked).isEmpty();
    }

    private SubjectKeys subjectKeys(URI uri, int limit, Duration ttl) {
        var token = new ServiceToken(
                SigningKey.loadOrCreate(dir.resolve("key.pem")), Clock.systemUTC(), Duration.ofSeconds(60));
        var client = new SubjectKeyClient(
                uri, Duration.ofSeconds(2), Duration.ofSeconds(2), token, JSON, ObservationRegistry.NOOP);
        return new SubjectKeys(client, limit, 1000, ttl);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private Answer realAnswer(List<String> ids) {
        var found = new LinkedHashMap<String, String>();
        var gone = new ArrayList<String>();
        for (String id : ids) {
            if (keys.containsKey(id)) {
                found.put(id, Base64.getUrlEncoder().withoutPadding().encodeToString(keys.get(id)));
            } else if (erased.contains(id)) {
                gone.add(id);
            }
        }
        return new Answer(200, JSON.writeValueAsString(Map.of("keys", found, "erased", gone)), 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            var ids = new ArrayList<String>();
            body.get("subjectIds").forEach(id -> ids.add(id.asString()));
            asked.add(ids);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Answer reply = answer.apply(ids);
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }
}
