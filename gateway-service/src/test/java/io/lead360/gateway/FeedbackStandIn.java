package io.lead360.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lead360.gateway.token.VerifiedPerson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for feedback-service as the gateway sees it: the internal sign-in endpoints of
 * docs/API.md ("Internal endpoints") with real sessions and single-use refresh tokens
 * (a reused one ends its session), and an echo of every routed /api call (path, method, headers).
 */
final class FeedbackStandIn implements AutoCloseable {

    static final String LEA_EMAIL = "lea@acme.test";
    static final String LEA_PASSWORD = "lea-secret";
    /** A session that is live from the start, for tokens minted directly with the TokenIssuer. */
    static final String LEA_SESSION = "s-lea";
    /** An email for which verify fails with 500. */
    static final String BROKEN_EMAIL = "broken@acme.test";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** email -> (password, the person without a session) */
    private final Map<String, Map.Entry<String, VerifiedPerson>> people = new ConcurrentHashMap<>();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** every refresh token ever handed out -> its session; a token not current for its session is spent */
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();

    final AtomicReference<String> lastVerifyAuthorization = new AtomicReference<>();
    final AtomicInteger verifyCalls = new AtomicInteger();
    final AtomicInteger sessionChecks = new AtomicInteger();
    /** while set, the session check answers 500 */
    final AtomicBoolean sessionCheckBroken = new AtomicBoolean();

    private final HttpServer server;

    private static FeedbackStandIn shared;

    /**
     * The stand-in of AbstractIT's tests: one for the whole test run, since the Spring contexts they share
     * outlive a test class (it stops when the JVM does).
     */
    static synchronized FeedbackStandIn shared() {
        if (shared == null) {
            FeedbackStandIn standIn = new FeedbackStandIn();
            Runtime.getRuntime().addShutdownHook(new Thread(standIn::close, "feedback-stand-in-stop"));
            shared = standIn;
        }
        return shared;
    }

    private record Session(String email, String refreshToken, Instant expiresAt, boolean live) {}

    FeedbackStandIn() {
        addPerson(
                LEA_EMAIL,
                LEA_PASSWORD,
                new VerifiedPerson("p-lea", LEA_EMAIL, "Lea Park", List.of("EMPLOYEE", "LEADER"), "p-mo", null));
        addPerson(
                "mo@acme.test",
                "mo-secret",
                new VerifiedPerson(
                        "p-mo", "mo@acme.test", "Mo Admin", List.of("EMPLOYEE", "LEADER", "ADMIN"), null, null));
        sessions.put(
                LEA_SESSION, new Session(LEA_EMAIL, "refresh-lea", Instant.now().plusSeconds(3600), true));
        refreshTokens.put("refresh-lea", LEA_SESSION);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/auth/verify", this::verify);
            server.createContext("/internal/auth/refresh", this::refresh);
            server.createContext("/internal/auth/sessions/", this::session);
            server.createContext("/api/", FeedbackStandIn::echo);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void addPerson(String email, String password, VerifiedPerson person) {
        people.put(email, Map.entry(password, person));
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A person's view with the session attached, as verify/refresh answer it; also usable to mint tokens in tests. */
    VerifiedPerson personWithSession(String email, String sessionId) {
        VerifiedPerson person = people.get(email).getValue();
        Session session = sessions.get(sessionId);
        return new VerifiedPerson(
                person.id(),
                person.email(),
                person.name(),
                person.roles(),
                person.managerId(),
                new VerifiedPerson.Session(sessionId, session.refreshToken(), session.expiresAt()));
    }

    /** Opens a live session for the person directly (as if they had signed in) and answers its id. */
    String openSession(String email) {
        String id = "s-" + UUID.randomUUID();
        String refresh = "r-" + UUID.randomUUID();
        sessions.put(id, new Session(email, refresh, Instant.now().plusSeconds(12 * 3600), true));
        refreshTokens.put(refresh, id);
        return id;
    }

    /** Ends a session as an administrator's deactivation would. */
    void endSession(String sessionId) {
        sessions.computeIfPresent(sessionId, (id, s) -> new Session(s.email(), s.refreshToken(), s.expiresAt(), false));
    }

    boolean isLive(String sessionId) {
        Session session = sessions.get(sessionId);
        return session != null && session.live();
    }

    /** Like feedback-service: live, and the session of that person. */
    private boolean isLiveFor(String sessionId, String personId) {
        Session session = sessions.get(sessionId);
        Map.Entry<String, VerifiedPerson> person = session == null ? null : people.get(session.email());
        return isLive(sessionId) && person != null && person.getValue().id().equals(personId);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void verify(HttpExchange exchange) throws IOException {
        verifyCalls.incrementAndGet();
        lastVerifyAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!isServiceCall(exchange)) {
            respond(exchange, 401, Map.of("status", 401));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> body = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
        String email = body.get("email");
        if (BROKEN_EMAIL.equals(email)) {
            respond(exchange, 500, Map.of("error", "boom"));
            return;
        }
        var entry = people.get(email);
        if (entry == null || !entry.getKey().equals(body.get("password"))) {
            respond(exchange, 401, Map.of("status", 401));
            return;
        }
        respond(exchange, 200, personWithSession(email, openSession(email)));
    }

    private void refresh(HttpExchange exchange) throws IOException {
        if (!isServiceCall(exchange)) {
            respond(exchange, 401, Map.of("status", 401));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> body = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
        String token = body.get("refreshToken");
        String sessionId = token == null ? null : refreshTokens.get(token);
        Session session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null || !session.live() || session.expiresAt().isBefore(Instant.now())) {
            respond(exchange, 401, Map.of("status", 401));
            return;
        }
        if (!session.refreshToken().equals(token)) {
            // a spent token presented again: someone holds a copy, so the whole session ends
            endSession(sessionId);
            respond(exchange, 401, Map.of("status", 401));
            return;
        }
        String next = "r-" + UUID.randomUUID();
        sessions.put(sessionId, new Session(session.email(), next, session.expiresAt(), true));
        refreshTokens.put(next, sessionId);
        respond(exchange, 200, personWithSession(session.email(), sessionId));
    }

    private void session(HttpExchange exchange) throws IOException {
        if (!isServiceCall(exchange)) {
            respond(exchange, 401, Map.of("status", 401));
            return;
        }
        String sessionId = exchange.getRequestURI().getPath().substring("/internal/auth/sessions/".length());
        switch (exchange.getRequestMethod()) {
            case "GET" -> {
                sessionChecks.incrementAndGet();
                if (sessionCheckBroken.get()) {
                    respond(exchange, 500, Map.of("error", "boom"));
                } else {
                    String query = exchange.getRequestURI().getQuery();
                    String personId = query != null && query.startsWith("personId=")
                            ? query.substring("personId=".length())
                            : null;
                    noContent(exchange, isLiveFor(sessionId, personId) ? 204 : 404);
                }
            }
            case "DELETE" -> {
                endSession(sessionId);
                noContent(exchange, 204);
            }
            default -> noContent(exchange, 405);
        }
    }

    /** The internal endpoints take the gateway's bearer service token only; the tests check its claims elsewhere. */
    private static boolean isServiceCall(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ");
    }

    /** Answers what it received; {@code ?delay=<ms>} first waits that long (a slow service). */
    private static void echo(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        if (query != null && query.startsWith("delay=")) {
            try {
                Thread.sleep(Long.parseLong(query.substring("delay=".length())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
        exchange.getRequestBody().readAllBytes();
        respond(
                exchange,
                200,
                Map.of(
                        "path",
                        exchange.getRequestURI().getPath(),
                        "method",
                        exchange.getRequestMethod(),
                        "headers",
                        headers));
    }

    private static void noContent(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
