package io.lead360.gateway.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lead360.gateway.sso.OidcProvider.Account;
import io.lead360.gateway.token.AccessTokenResponse;
import io.lead360.gateway.token.VerifiedPerson;
import io.lead360.infra.FreePort;
import io.lead360.service.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Single sign-on end to end over HTTP: a browser (an HTTP client with a cookie jar) starts at the
 * gateway, logs in on a real OpenID Connect provider's form and comes back through the gateway's
 * callback. feedback-service is a stand-in implementing /internal/auth/sso and /sso/redeem as
 * docs/API.md describes them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT20S")
class SsoIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

    private static final OidcProvider provider = OidcProvider.start(
            // the provider spells the address differently from lead360: matching ignores case
            new Account("lea", "lea-pass", "Lea.Park@ACME.test", true),
            new Account("stranger", "stranger-pass", "stranger@acme.test", true),
            new Account("former", "former-pass", "former@acme.test", true),
            new Account("impostor", "impostor-pass", "lea.park@acme.test", false),
            new Account("broken", "broken-pass", "broken@acme.test", true));

    /** The stand-in's people: lower-cased email -> person; only active people get a code. */
    private static final Map<String, Person> PEOPLE = Map.of(
            "lea.park@acme.test",
                    new Person("p-lea", "lea.park@acme.test", "Lea Park", List.of("EMPLOYEE", "LEADER"), true),
            "former@acme.test",
                    new Person("p-former", "former@acme.test", "Former Colleague", List.of("EMPLOYEE"), false));

    private static final String BROKEN_EMAIL = "broken@acme.test";

    private static final Map<String, Issued> codes = new ConcurrentHashMap<>();
    private static final Set<String> codeRequestAuthorizations = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger sessions = new AtomicInteger();
    private static final Path keyDir = tempDir();
    private static final HttpServer feedback = startFeedbackStandIn();
    private static final int deadPort = FreePort.find();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add(
                "lead360.routes.feedback-uri",
                () -> "http://127.0.0.1:" + feedback.getAddress().getPort());
        registry.add("lead360.routes.analytics-uri", () -> "http://127.0.0.1:" + deadPort);
        registry.add(
                "lead360.auth.signing-key-file",
                () -> keyDir.resolve("jwt-signing-key.pem").toString());
        String registration = "spring.security.oauth2.client.registration.test-idp.";
        registry.add(registration + "client-id", () -> OidcProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> OidcProvider.CLIENT_SECRET);
        registry.add(registration + "client-name", () -> "Test IdP");
        registry.add(registration + "scope", () -> "openid,email");
        registry.add("spring.security.oauth2.client.provider.test-idp.issuer-uri", provider::issuer);
        // a provider that is down: the gateway must start anyway, and its button must fail gracefully
        registry.add("spring.security.oauth2.client.registration.offline-idp.client-id", () -> "lead360");
        registry.add("spring.security.oauth2.client.registration.offline-idp.client-secret", () -> "unused");
        registry.add("spring.security.oauth2.client.registration.offline-idp.scope", () -> "openid,email");
        registry.add(
                "spring.security.oauth2.client.provider.offline-idp.issuer-uri",
                () -> "http://127.0.0.1:" + deadPort + "/realms/gone");
    }

    @AfterAll
    static void stop() throws Exception {
        feedback.stop(0);
        provider.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    SigningKey signingKey;

    @Test
    void theConfiguredProvidersAreOfferedWithTheirLoginUrls() {
        client.get()
                .uri("/api/auth/providers")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[0].id")
                .isEqualTo("offline-idp")
                .jsonPath("$[0].name")
                .isEqualTo("Offline-idp")
                .jsonPath("$[1].id")
                .isEqualTo("test-idp")
                .jsonPath("$[1].name")
                .isEqualTo("Test IdP")
                .jsonPath("$[1].loginUrl")
                .isEqualTo("/oauth2/authorization/test-idp");
    }

    @Test
    void aPersonSignsInAtTheProviderAndTheCodeExchangesOnceForTheirTokens() throws Exception {
        Browser browser = new Browser();

        URI landing = browser.signInThroughProvider(gateway("/oauth2/authorization/test-idp"), "lea", "lea-pass");

        assertThat(landing.toString()).startsWith("/#sso=");
        String code = landing.getFragment().substring("sso=".length());
        // the provider's email went to feedback-service as the provider spelled it, with the gateway's service token
        assertThat(codes.get(code).email()).isEqualTo("Lea.Park@ACME.test");

        AccessTokenResponse tokens = exchange(code)
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();
        Jwt jwt = gatewayDecoder().decode(tokens.accessToken());
        assertThat(jwt.getSubject()).isEqualTo("p-lea");
        assertThat(jwt.getClaimAsString("sid")).startsWith("s-sso-");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("EMPLOYEE", "LEADER");
        assertThat(tokens.tokenType()).isEqualTo("Bearer");
        assertThat(tokens.refreshToken()).startsWith("refresh-");
        assertThat(tokens.refreshExpiresIn()).isBetween(3500L, 3600L);

        exchange(code)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void theLoginLeavesNoSessionBehindOnTheGateway() throws Exception {
        Browser browser = new Browser();

        browser.signInThroughProvider(gateway("/oauth2/authorization/test-idp"), "lea", "lea-pass");

        HttpResponse<String> callback = browser.last;
        assertThat(callback.uri().getPath()).isEqualTo("/login/oauth2/code/test-idp");
        assertThat(callback.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=;").containsIgnoringCase("Max-Age=0"));
    }

    @Test
    void anEmailWithoutAnActivePersonLandsOnNotRegistered() throws Exception {
        assertThat(new Browser()
                        .signInThroughProvider(gateway("/oauth2/authorization/test-idp"), "stranger", "stranger-pass"))
                .hasToString("/#sso-error=not-registered");
        assertThat(new Browser()
                        .signInThroughProvider(gateway("/oauth2/authorization/test-idp"), "former", "former-pass"))
                .hasToString("/#sso-error=not-registered");
    }

    @Test
    void anEmailTheProviderDoesNotVouchForSignsNobodyIn() throws Exception {
        int codesBefore = codes.size();

        URI landing = new Browser()
                .signInThroughProvider(gateway("/oauth2/authorization/test-idp"), "impostor", "impostor-pass");

        assertThat(landing).hasToString("/#sso-error=email-not-verified");
        assertThat(codes).hasSize(codesBefore);
    }

    @Test
    void feedbackServiceFailingLandsOnUnavailable() throws Exception {
        assertThat(new Browser()
                        .signInThroughProvider(gateway("/oauth2/authorization/test-idp"), "broken", "broken-pass"))
                .hasToString("/#sso-error=unavailable");
    }

    @Test
    void aCallbackThatDoesNotMatchTheLoginItStartedFails() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> started = browser.get(gateway("/oauth2/authorization/test-idp"));
        assertThat(started.statusCode()).isEqualTo(302);
        assertThat(started.headers().firstValue("Location").orElseThrow())
                .startsWith(provider.issuer() + "/oauth2/authorize?");

        HttpResponse<String> forged = browser.get(gateway("/login/oauth2/code/test-idp?code=stolen&state=guessed"));

        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location")).hasValue("/#sso-error=failed");
    }

    @Test
    void theProvidersRefusalLandsOnFailed() throws Exception {
        Browser browser = new Browser();
        URI authorize = URI.create(browser.get(gateway("/oauth2/authorization/test-idp"))
                .headers()
                .firstValue("Location")
                .orElseThrow());
        String state = query(authorize).get("state");

        HttpResponse<String> refused = browser.get(gateway("/login/oauth2/code/test-idp?error=access_denied&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8)));

        assertThat(refused.headers().firstValue("Location")).hasValue("/#sso-error=failed");
    }

    @Test
    void aProviderThatCannotBeReachedLandsOnUnavailable() throws Exception {
        HttpResponse<String> answer = new Browser().get(gateway("/oauth2/authorization/offline-idp"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue("/#sso-error=unavailable");
    }

    @Test
    void anUnknownProviderIsA404Problem() {
        for (String path : List.of("/oauth2/authorization/nope", "/login/oauth2/code/nope?code=x&state=y")) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(PROBLEM_JSON);
        }
    }

    @Test
    void aCodeExchangeWithoutACodeIsA400Problem() {
        client.post()
                .uri("/api/auth/sso/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("code");
        client.post()
                .uri("/api/auth/sso/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("not json")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM_JSON);
    }

    @Test
    void anUnknownCodeIsA401Problem() {
        exchange("made-up-code")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The sign-in code is invalid, expired or already used");
    }

    @Test
    void theSsoEndpointsCarryTheSameSecurityHeadersAsTheRestOfTheGateway() {
        String mainPolicy = client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("Content-Security-Policy");

        client.get()
                .uri("/api/auth/providers")
                .exchange()
                .expectHeader()
                .valueEquals("Content-Security-Policy", mainPolicy)
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("Referrer-Policy", "no-referrer");
    }

    @Test
    void theSsoEndpointsDoNotOpenTheRestOfTheApi() {
        client.get().uri("/api/people").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec exchange(String code) {
        return client.post()
                .uri("/api/auth/sso/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", code))
                .exchange();
    }

    private URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private NimbusJwtDecoder gatewayDecoder() {
        return NimbusJwtDecoder.withPublicKey(signingKey.publicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }

    /**
     * What a browser does, one redirect at a time: keeps cookies, follows Location headers and fills in
     * the provider's login form. Stops when the gateway sends it back into the web application.
     */
    private final class Browser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> last;

        URI signInThroughProvider(URI start, String username, String password) throws Exception {
            URI next = start;
            for (int step = 0; step < 12; step++) {
                HttpResponse<String> response = get(next);
                if (response.statusCode() == 200 && next.getPath().equals("/login")) {
                    response = submitLogin(next, response.body(), username, password);
                }
                assertThat(response.statusCode())
                        .as("answer of " + response.uri())
                        .isEqualTo(302);
                URI location =
                        URI.create(response.headers().firstValue("Location").orElseThrow());
                if (!location.isAbsolute() && location.getPath().equals("/") && location.getFragment() != null) {
                    return location; // back in the web application
                }
                next = response.uri().resolve(location);
            }
            throw new AssertionError("too many redirects");
        }

        HttpResponse<String> get(URI uri) throws Exception {
            last = http.send(
                    HttpRequest.newBuilder(uri)
                            .GET()
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return last;
        }

        private HttpResponse<String> submitLogin(URI form, String html, String username, String password)
                throws Exception {
            Matcher csrf = CSRF.matcher(html);
            assertThat(csrf.find())
                    .as("the provider's login form has a CSRF token")
                    .isTrue();
            String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            last = http.send(
                    HttpRequest.newBuilder(form)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return last;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(
                    java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    // --- feedback-service stand-in: POST /internal/auth/sso and /internal/auth/sso/redeem ---

    record Person(String id, String email, String name, List<String> roles, boolean active) {}

    record Issued(String email, Person person, Instant expiresAt) {}

    private static HttpServer startFeedbackStandIn() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/auth/sso/redeem", SsoIT::redeem);
            server.createContext("/internal/auth/sso", SsoIT::issueCode);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 200 {"code"} (single use, 60 s) for an active person with that email, case-insensitive; else 401. */
    private static void issueCode(HttpExchange exchange) throws IOException {
        if (!fromGateway(exchange)) {
            return;
        }
        String email = String.valueOf(body(exchange).get("email"));
        if (email.equalsIgnoreCase(BROKEN_EMAIL)) {
            respond(exchange, 500, Map.of("status", 500));
            return;
        }
        Person person = PEOPLE.get(email.toLowerCase(Locale.ROOT));
        if (person == null || !person.active()) {
            respond(exchange, 401, Map.of("status", 401));
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Issued(email, person, Instant.now().plus(CODE_LIFETIME)));
        respond(exchange, 200, Map.of("code", code));
    }

    /** 200 with the person and a new session, like /internal/auth/verify; 401 for an unknown, used or expired code. */
    private static void redeem(HttpExchange exchange) throws IOException {
        if (!fromGateway(exchange)) {
            return;
        }
        Issued issued = codes.remove(String.valueOf(body(exchange).get("code")));
        if (issued == null || issued.expiresAt().isBefore(Instant.now())) {
            respond(exchange, 401, Map.of("status", 401));
            return;
        }
        codes.put("spent-" + UUID.randomUUID(), issued); // keeps the count of codes issued
        Person person = issued.person();
        int session = sessions.incrementAndGet();
        respond(
                exchange,
                200,
                new VerifiedPerson(
                        person.id(),
                        person.email(),
                        person.name(),
                        person.roles(),
                        null,
                        new VerifiedPerson.Session(
                                "s-sso-" + session,
                                "refresh-" + UUID.randomUUID(),
                                Instant.now().plus(Duration.ofHours(1)))));
    }

    /** Only the gateway's SERVICE token reaches /internal/**: anything else is 401/403, as in feedback-service. */
    private static boolean fromGateway(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        try {
            SigningKey key = SigningKey.loadOrCreate(keyDir.resolve("jwt-signing-key.pem"));
            Jwt token = NimbusJwtDecoder.withPublicKey(key.publicKey())
                    .build()
                    .decode(authorization == null ? "" : authorization.replaceFirst("^Bearer ", ""));
            if (token.getClaimAsStringList("roles").equals(List.of("SERVICE"))) {
                codeRequestAuthorizations.add(authorization);
                return true;
            }
            respond(exchange, 403, Map.of("status", 403));
        } catch (JwtException | IllegalArgumentException e) {
            respond(exchange, 401, Map.of("status", 401));
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpExchange exchange) throws IOException {
        return JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lead360-sso-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
