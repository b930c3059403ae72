package io.lead360.gateway;

import io.lead360.gateway.token.TokenIssuer;
import io.lead360.gateway.token.VerifiedPerson;
import io.lead360.infra.FreePort;
import io.lead360.service.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the gateway's integration tests share: the gateway as a real server on a random port, in front of one
 * {@link FeedbackStandIn} for the whole test run (its internal sign-in and session endpoints, and an echo of what
 * reaches it) and an analytics-service address where nothing listens; a client without a connection pool; the
 * token issuer and key; and the calls most tests make. Subclasses that add no configuration of their own share one
 * Spring context (the test context cache reuses it); those that add properties get their own, as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a generous client timeout: on a busy 2-core CI machine a cold first call can pass the 5 s default
@AutoConfigureWebTestClient(timeout = "PT20S")
abstract class AbstractIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    static final FeedbackStandIn feedback = FeedbackStandIn.shared();
    static final String BROKEN_EMAIL = FeedbackStandIn.BROKEN_EMAIL;
    static final int deadPort = FreePort.find();
    static final Path keyDir = tempDir();
    /** The gateway's current signing key (created at the first start). */
    static final Path SIGNING_KEY_FILE = keyDir.resolve("keys/jwt-signing-key.pem");

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("lead360.routes.feedback-uri", feedback::uri);
        registry.add("lead360.routes.analytics-uri", () -> "http://127.0.0.1:" + deadPort);
        registry.add("lead360.auth.signing-key-file", SIGNING_KEY_FILE::toString);
    }

    @LocalServerPort
    int port;

    /** The test's client, made new for every test (see {@link #clientWithoutAConnectionPool()}). */
    WebTestClient client;

    @Autowired
    TokenIssuer tokenIssuer;

    @Autowired
    SigningKey signingKey;

    /**
     * Every call of this test on a connection of its own. In full builds a call of the test's client now and then
     * got no answer for 20 s, and the gateway's log shows it received the request only when the client gave up:
     * the request waited in the client, on a pooled kept-alive connection (a body-less sign-out once, a refresh
     * and a sign-in since). Without the pool that wait cannot happen; the gateway's behaviour is the same.
     */
    @org.junit.jupiter.api.BeforeEach
    void clientWithoutAConnectionPool() {
        client = WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(
                        reactor.netty.http.client.HttpClient.create(
                                reactor.netty.resources.ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(20))
                .build();
    }

    WebTestClient.ResponseSpec callWith(String token) {
        return client.get()
                .uri("/api/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    WebTestClient.ResponseSpec refresh(String refreshToken) {
        return client.post()
                .uri("/api/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange();
    }

    void expectRejected(String token) {
        client.get()
                .uri("/api/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    WebTestClient.ResponseSpec signIn(String email, String password) {
        return client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    NimbusJwtDecoder jwksDecoder() {
        return NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json")
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }

    String personToken() {
        return tokenIssuer.accessToken(lea()).value();
    }

    static VerifiedPerson lea() {
        return feedback.personWithSession(FeedbackStandIn.LEA_EMAIL, FeedbackStandIn.LEA_SESSION);
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("lead360-gateway-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
