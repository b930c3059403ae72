package io.lead360.analytics;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lead360.events.SubjectSeal;
import io.lead360.service.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for feedback-service's key endpoint ({@code POST /internal/subject-keys}), a real HTTP
 * server on a free loopback port, one per test JVM. It holds a key per subject (made when a test
 * first seals something about the subject), can erase a subject (the key is destroyed) or stop
 * answering (503), and answers only a valid analytics service token: RS256, signed with the key in
 * the signing key file analytics is pointed at ({@link #register}), iss/aud/sub/roles as agreed,
 * not expired, at most 60 s of lifetime.
 */
final class FeedbackKeyEndpoint {

    static final String PATH = "/internal/subject-keys";
    private static final int MAX_IDS = 1000;
    private static final Duration MAX_TOKEN_LIFETIME = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static FeedbackKeyEndpoint instance;

    private final HttpServer server;
    private final Path signingKeyFile;
    private final SigningKey analyticsKey;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private volatile boolean unavailable;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger rejectedTokens = new AtomicInteger();
    private final AtomicInteger badRequests = new AtomicInteger();
    private volatile String lastToken;

    private FeedbackKeyEndpoint() throws IOException {
        // analytics creates the key file when it is missing; made here first, the stand-in knows its public half
        this.signingKeyFile = Files.createTempDirectory("analytics-keys-").resolve("analytics-signing-key.pem");
        this.analyticsKey = SigningKey.loadOrCreate(signingKeyFile);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        // Daemon threads: the server must never keep a test JVM alive.
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "feedback-key-endpoint");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    static synchronized FeedbackKeyEndpoint get() {
        if (instance == null) {
            try {
                instance = new FeedbackKeyEndpoint();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the key endpoint stand-in", e);
            }
        }
        return instance;
    }

    /** Points analytics at this endpoint and at the signing key file whose public half it trusts. */
    static void register(DynamicPropertyRegistry registry) {
        FeedbackKeyEndpoint endpoint = get();
        registry.add("lead360.feedback.uri", endpoint::uri);
        registry.add("lead360.feedback.signing-key-file", () -> endpoint.signingKeyFile.toString());
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Path signingKeyFile() {
        return signingKeyFile;
    }

    /** The subject's key, made on first use, as feedback-service makes one when a cycle opens. */
    byte[] keyOf(String subjectId) {
        if (erased.contains(subjectId)) {
            throw new IllegalStateException(subjectId + " is erased: their key is gone");
        }
        return keys.computeIfAbsent(subjectId, id -> SubjectSeal.newKey());
    }

    /** Every key handed out or made so far, for checks that none of them is kept anywhere. */
    List<byte[]> allKeys() {
        return List.copyOf(keys.values());
    }

    /** As feedback-service erases a person: the key is destroyed, the id answered as erased from now on. */
    void erase(String subjectId) {
        erased.add(subjectId);
        keys.remove(subjectId);
    }

    /** While true every call is answered 503. */
    void unavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    int refused() {
        return refused.get();
    }

    int rejectedTokens() {
        return rejectedTokens.get();
    }

    int badRequests() {
        return badRequests.get();
    }

    /** The last token that was accepted. */
    String lastToken() {
        return lastToken;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "{}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token =
                    authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
            if (token == null || !isAnalyticsServiceToken(token)) {
                rejectedTokens.incrementAndGet();
                send(exchange, 401, "{\"status\":401}");
                return;
            }
            lastToken = token;
            if (unavailable) {
                refused.incrementAndGet();
                send(exchange, 503, "{\"status\":503}");
                return;
            }
            List<String> ids = subjectIds(exchange.getRequestBody().readAllBytes());
            if (ids == null) {
                badRequests.incrementAndGet();
                send(exchange, 400, "{\"status\":400}");
                return;
            }
            var found = new LinkedHashMap<String, String>();
            var erasedIds = new ArrayList<String>();
            for (String id : ids) {
                byte[] key = keys.get(id);
                if (key != null) {
                    found.put(id, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
                } else if (erased.contains(id)) {
                    erasedIds.add(id);
                }
            }
            send(exchange, 200, JSON.writeValueAsString(Map.of("keys", found, "erased", erasedIds)));
        }
    }

    /** The ids asked for, or null when the body is not what feedback-service accepts. */
    private static List<String> subjectIds(byte[] body) {
        try {
            JsonNode ids = JSON.readTree(body).get("subjectIds");
            if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > MAX_IDS) {
                return null;
            }
            var list = new ArrayList<String>();
            for (JsonNode id : ids) {
                if (!id.isString() || id.asString().isBlank()) {
                    return null;
                }
                list.add(id.asString());
            }
            return list;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean isAnalyticsServiceToken(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !analyticsKey.keyId().equals(jwt.getHeader().getKeyID())
                    || !jwt.verify(new RSASSAVerifier(analyticsKey.publicKey()))) {
                return false;
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = Instant.now();
            Instant issued =
                    claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
            Instant expires = claims.getExpirationTime() == null
                    ? null
                    : claims.getExpirationTime().toInstant();
            return "lead360-analytics".equals(claims.getIssuer())
                    && claims.getAudience().contains("lead360-feedback")
                    && "analytics-service".equals(claims.getSubject())
                    && List.of("SERVICE").equals(claims.getStringListClaim("roles"))
                    && claims.getJWTID() != null
                    && issued != null
                    && expires != null
                    && expires.isAfter(now)
                    && Duration.between(issued, expires).compareTo(MAX_TOKEN_LIFETIME) <= 0;
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
