package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.gateway.token.AccessTokenResponse;
import io.lead360.gateway.token.ForgedTokens;
import io.lead360.gateway.token.TokenIssuer;
import io.lead360.gateway.token.VerifiedPerson;
import io.lead360.infra.FreePort;
import io.lead360.service.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as a real server, in front of a stand-in for feedback-service (its internal sign-in
 * and session endpoints, and an echo of what reaches it) and an analytics-service address where nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a generous client timeout: on a busy 2-core CI machine a cold first call can pass the 5 s default
@AutoConfigureWebTestClient(timeout = "PT20S")
class GatewayIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final FeedbackStandIn feedback = new FeedbackStandIn();
    private static final String BROKEN_EMAIL = FeedbackStandIn.BROKEN_EMAIL;
    private static final int deadPort = FreePort.find();
    private static final Path keyDir = tempDir();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("lead360.routes.feedback-uri", feedback::uri);
        registry.add("lead360.routes.analytics-uri", () -> "http://127.0.0.1:" + deadPort);
        registry.add(
                "lead360.auth.signing-key-file",
                () -> keyDir.resolve("keys/jwt-signing-key.pem").toString());
    }

    @AfterAll
    static void stopStandIn() {
        feedback.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    TokenIssuer tokenIssuer;

    @Autowired
    SigningKey signingKey;

    @Autowired
    io.lead360.gateway.signin.FeedbackCredentialsClient credentialsClient;

    @Autowired
    org.springframework.context.ApplicationContext context;

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

    @Test
    void signInIssuesATokenThatVerifiesAgainstThePublishedKeySet() {
        AccessTokenResponse answer = signIn("lea@acme.test", "lea-secret")
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();

        assertThat(answer.tokenType()).isEqualTo("Bearer");
        assertThat(answer.expiresIn()).isEqualTo(900);
        Jwt jwt = jwksDecoder().decode(answer.accessToken());
        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", signingKey.keyId());
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("lead360");
        assertThat(jwt.getAudience()).containsExactly("lead360-api");
        assertThat(jwt.getSubject()).isEqualTo("p-lea");
        assertThat(jwt.getClaimAsString("email")).isEqualTo("lea@acme.test");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Lea Park");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("EMPLOYEE", "LEADER");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void gatewayAsksFeedbackServiceWithAShortLivedServiceToken() {
        signIn("lea@acme.test", "lea-secret").expectStatus().isOk();

        String authorization = feedback.lastVerifyAuthorization.get();
        assertThat(authorization).startsWith("Bearer ");
        Jwt serviceToken = jwksDecoder().decode(authorization.substring("Bearer ".length()));
        assertThat(serviceToken.getSubject()).isEqualTo("gateway-service");
        assertThat(serviceToken.getClaimAsStringList("roles")).containsExactly("SERVICE");
        assertThat(Duration.between(serviceToken.getIssuedAt(), serviceToken.getExpiresAt()))
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401Problem() {
        signIn("lea@acme.test", "guess")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Invalid email or password");

        signIn("nobody@acme.test", "lea-secret")
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401)
                .jsonPath("$.detail")
                .isEqualTo("Invalid email or password");
    }

    @Test
    void signInWithMissingFieldsIsA400ProblemNamingTheFields() {
        client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"lea@acme.test\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.errors[0].field")
                .isEqualTo("password")
                .jsonPath("$.errors[0].message")
                .exists();
    }

    @Test
    void signInWithABodyThatIsNotJsonIsA400Problem() {
        client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("email=lea@acme.test&password=x")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400);
    }

    @Test
    void signInWhileFeedbackServiceFailsIsA503Problem() {
        signIn(BROKEN_EMAIL, "whatever")
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("feedback-service is unavailable");
    }

    @Test
    void apiCallWithoutATokenIsA401Problem() {
        client.get()
                .uri("/api/people")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);
    }

    @Test
    void forgedIdentityHeadersAreStrippedAndTheAuthorizationHeaderIsForwardedUnchanged() {
        String token = personToken();

        Map<String, Object> echoed = client.get()
                .uri("/api/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-User-Id", "p-admin")
                .header("X-Lead360-Roles", "ADMIN")
                .header("X-Lead360-Anything", "ADMIN")
                .header("X-Forwarded-User", "admin")
                .header("X-Request-Id", "r-1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        @SuppressWarnings("unchecked")
        Map<String, List<String>> headers = (Map<String, List<String>>) echoed.get("headers");
        assertThat(echoed.get("path")).isEqualTo("/api/people");
        assertThat(headers).containsEntry("authorization", List.of("Bearer " + token));
        assertThat(headers).containsEntry("x-request-id", List.of("r-1"));
        assertThat(headers.keySet())
                .noneMatch(name ->
                        name.startsWith("x-user-") || name.startsWith("x-lead360-") || name.equals("x-forwarded-user"));
    }

    @Test
    void everyFeedbackRouteReachesFeedbackService() {
        String token = personToken();
        for (String path : List.of(
                "/api/me", "/api/people/p-1", "/api/templates", "/api/cycles/c-1/progress", "/api/feedback-requests")) {
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.path")
                    .isEqualTo(path);
        }
    }

    @Test
    void aTamperedTokenIsRejected() {
        String[] parts = personToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"EMPLOYEE\"", "\"ADMIN\"");
        String tampered = parts[0] + "." + base64Url(payload) + "." + parts[2];

        expectRejected(tampered);
    }

    @Test
    void anUnsignedAlgNoneTokenIsRejected() {
        String payload =
                new String(Base64.getUrlDecoder().decode(personToken().split("\\.")[1]), StandardCharsets.UTF_8);
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64Url(payload) + ".";

        expectRejected(unsigned);
    }

    @Test
    void anExpiredTokenIsRejected() {
        TokenIssuer past = new TokenIssuer(
                signingKey,
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC),
                Duration.ofMinutes(15),
                Duration.ofSeconds(60));

        expectRejected(past.accessToken(lea()).value());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        SigningKey otherKey = SigningKey.loadOrCreate(tempDir().resolve("other.pem"));
        TokenIssuer impostor =
                new TokenIssuer(otherKey, Clock.systemUTC(), Duration.ofMinutes(15), Duration.ofSeconds(60));

        expectRejected(impostor.accessToken(lea()).value());
    }

    @Test
    void theServiceTokenDoesNotOpenThePublicApi() {
        client.get()
                .uri("/api/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenIssuer.serviceToken())
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(403);
    }

    @Test
    void aDownServiceAnswersA503ProblemQuickly() {
        long started = System.nanoTime();

        client.get()
                .uri("/api/profiles/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("analytics-service is unavailable");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void internalPathsAreNeverRouted() {
        client.post()
                .uri("/internal/auth/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "lea@acme.test", "password", "lea-secret"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(PROBLEM_JSON);
        client.post()
                .uri("/internal/auth/verify")
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenIssuer.serviceToken())
                .bodyValue(Map.of("email", "lea@acme.test", "password", "lea-secret"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void keySetAndProbesAreOpenAndTheKeySetHoldsNoPrivateParts() {
        client.get()
                .uri("/.well-known/jwks.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.keys[0].kid")
                .isEqualTo(signingKey.keyId())
                .jsonPath("$.keys[0].kty")
                .isEqualTo("RSA")
                .jsonPath("$.keys[0].d")
                .doesNotExist()
                .jsonPath("$.keys[0].p")
                .doesNotExist();
        client.get().uri("/readyz").exchange().expectStatus().isOk();
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        client.get()
                .uri("/api/nothing-here")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(PROBLEM_JSON);
    }

    @Test
    void theWebApplicationIsServedAtTheRootWithoutATokenAndWithAStrictContentSecurityPolicy() {
        String html = client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader()
                .value(
                        "Content-Security-Policy",
                        csp -> assertThat(csp)
                                .contains("script-src 'self'")
                                .doesNotContain("unsafe-inline")
                                .doesNotContain("unsafe-eval"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html)
                .contains("<script type=\"module\" src=\"/js/app.js\">")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=");
        for (String asset : List.of("/js/app.js", "/js/api.js", "/css/app.css")) {
            client.get().uri(asset).exchange().expectStatus().isOk();
        }
    }

    @Test
    void theChartLibraryIsServedFromItsWebjarWithoutAVersionInThePath() {
        client.get()
                .uri("/webjars/chart.js/dist/chart.umd.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(js -> assertThat(js).contains("Chart"));
    }

    @Test
    void theFeedbackDocumentationIsRoutedWithoutAToken() {
        for (String path : List.of("/api/docs/feedback", "/api/docs/feedback.yaml")) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.path")
                    .isEqualTo(path);
        }
        client.post().uri("/api/docs/feedback").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void organisationAndProfileAdministrationRoutesLeadToAnalyticsService() {
        for (String path : List.of("/api/organisation/heatmap?cycleId=c-1", "/api/admin/profiles/rebuild/r-1")) {
            client.get()
                    .uri(path)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + personToken())
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.detail")
                    .isEqualTo("analytics-service is unavailable");
        }
        client.get().uri("/api/organisation/heatmap").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndNoHstsOverPlainHttp() {
        String token = personToken();
        List<WebTestClient.ResponseSpec> responses = List.of(
                client.get().uri("/").exchange(),
                client.get()
                        .uri("/api/people")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange(),
                client.get().uri("/api/people").exchange(),
                client.get().uri("/no-such-page").exchange(),
                signIn("lea@acme.test", "wrong"));
        for (WebTestClient.ResponseSpec response : responses) {
            response.expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("Referrer-Policy", "no-referrer")
                    .expectHeader()
                    .value("Content-Security-Policy", csp -> assertThat(csp).contains("frame-ancestors 'none'"))
                    .expectHeader()
                    .doesNotExist("Strict-Transport-Security");
        }
    }

    @Test
    void corsStaysClosedToForeignOrigins() {
        String token = personToken();
        client.get()
                .uri("/api/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ORIGIN, "https://evil.test")
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        for (String path : List.of("/api/people", "/api/auth/token", "/api/cycles")) {
            client.options()
                    .uri(path)
                    .header(HttpHeaders.ORIGIN, "https://evil.test")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                    .exchange()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                    .expectHeader()
                    .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
        }
        client.post()
                .uri("/api/auth/token")
                .header(HttpHeaders.ORIGIN, "https://evil.test")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "lea@acme.test", "password", "lea-secret"))
                .exchange()
                .expectHeader()
                .doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

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

    @Test
    void signInAnswersARefreshTokenAndRefreshingRotatesIt() {
        AccessTokenResponse first = signIn("lea@acme.test", "lea-secret")
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();
        assertThat(first.refreshToken()).isNotBlank();
        assertThat(first.refreshExpiresIn()).isPositive();

        AccessTokenResponse second = refresh(first.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();

        assertThat(second.refreshToken()).isNotBlank().isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        Jwt jwt = jwksDecoder().decode(second.accessToken());
        assertThat(jwt.getSubject()).isEqualTo("p-lea");
        assertThat(jwt.getClaimAsString("sid"))
                .isEqualTo(jwksDecoder().decode(first.accessToken()).getClaimAsString("sid"));
        callWith(second.accessToken()).expectStatus().isOk();
    }

    @Test
    void aReusedRefreshTokenIsRefusedAndEndsTheWholeSession() {
        AccessTokenResponse first = signIn("lea@acme.test", "lea-secret")
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();
        AccessTokenResponse second = refresh(first.refreshToken())
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();

        refresh(first.refreshToken())
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(401);

        refresh(second.refreshToken()).expectStatus().isUnauthorized();
        callWith(second.accessToken()).expectStatus().isUnauthorized();
    }

    @Test
    void anUnknownOrMissingRefreshTokenIsRefused() {
        refresh("no-such-token").expectStatus().isUnauthorized().expectHeader().contentType(PROBLEM_JSON);
        client.post()
                .uri("/api/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("refreshToken");
    }

    @Test
    void signOutEndsTheSessionSoItsAccessAndRefreshTokensStopWorkingAtOnce() {
        AccessTokenResponse tokens = signIn("lea@acme.test", "lea-secret")
                .expectStatus()
                .isOk()
                .expectBody(AccessTokenResponse.class)
                .returnResult()
                .getResponseBody();
        String sid = jwksDecoder().decode(tokens.accessToken()).getClaimAsString("sid");
        callWith(tokens.accessToken()).expectStatus().isOk();

        // an explicit empty body (Content-Length: 0), as browsers send it: with no body at all, the body-less
        // POST below once timed out in a full module run (not reproduced alone; body-less POSTs through
        // Reactor Netty's client are known to stall now and then)
        client.post()
                .uri("/api/auth/sign-out")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken())
                .bodyValue("")
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(feedback.isLive(sid)).isFalse();
        callWith(tokens.accessToken())
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        refresh(tokens.refreshToken()).expectStatus().isUnauthorized();
        client.post()
                .uri("/api/auth/sign-out")
                .bodyValue("")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void aSessionEndedAtFeedbackServiceIsRefusedAtTheNextCallAndRememberedAsEnded() {
        String sid = feedback.openSession("lea@acme.test");
        String token = tokenIssuer
                .accessToken(feedback.personWithSession("lea@acme.test", sid))
                .value();
        callWith(token).expectStatus().isOk();

        feedback.endSession(sid); // e.g. an administrator deactivated the person

        callWith(token)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        int checks = feedback.sessionChecks.get();
        callWith(token).expectStatus().isUnauthorized();
        assertThat(feedback.sessionChecks.get())
                .as("an ended session is not asked about again")
                .isEqualTo(checks);
    }

    @Test
    void aLiveSessionIsAskedAboutOnEveryCallNeverCached() {
        String token = personToken();
        int before = feedback.sessionChecks.get();

        callWith(token).expectStatus().isOk();
        callWith(token).expectStatus().isOk();

        assertThat(feedback.sessionChecks.get() - before).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aTokenWithoutASessionIsRefused() {
        expectRejected(ForgedTokens.sign(signingKey, java.util.Collections.singletonMap("sid", null)));
        expectRejected(ForgedTokens.sign(signingKey, Map.of("sid", "")));
    }

    @Test
    void aTokenNamingAnotherPersonsLiveSessionIsRefused() {
        // Lea's session is live, but the token claims to be somebody else: only Lea's own tokens may carry it
        expectRejected(ForgedTokens.sign(signingKey, Map.of("sub", "p-mo")));
        // and the forged token did not end the session for its owner
        callWith(ForgedTokens.sign(signingKey, Map.of())).expectStatus().isOk();
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() {
        assertThat(callWith(ForgedTokens.sign(signingKey, Map.of()))
                        .expectStatus()
                        .isOk())
                .isNotNull();
        expectRejected(ForgedTokens.sign(signingKey, Map.of("aud", List.of("another-api"))));
        expectRejected(ForgedTokens.sign(signingKey, Map.of("iss", "someone-else")));
    }

    @Test
    void whenFeedbackServiceCannotSayWhetherTheSessionIsLiveTheCallIsRefusedWith503() {
        String token = personToken();
        feedback.sessionCheckBroken.set(true);
        try {
            callWith(token)
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(503);
        } finally {
            feedback.sessionCheckBroken.set(false);
        }
        callWith(token).expectStatus().isOk();
    }

    /** Not a rule, a figure for the report: what the per-call session check adds. */
    @Test
    void measureTheSessionCheckLatency() {
        String sid = FeedbackStandIn.LEA_SESSION;
        io.lead360.gateway.signin.FeedbackCredentialsClient client = credentialsClient;
        for (int i = 0; i < 50; i++) {
            client.isSessionLive(sid, "p-lea").block();
        }
        int rounds = 300;
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(client.isSessionLive(sid, "p-lea").block()).isTrue();
        }
        double micros = (System.nanoTime() - started) / 1000.0 / rounds;
        System.out.printf(
                "session check (GET /internal/auth/sessions/{sid}, loopback, sequential): %.0f us per call%n", micros);

        // the same route with and without a person token: the difference is token check + session check
        String token = personToken();
        double withToken = meanMicros(
                () -> this.client
                        .get()
                        .uri("/api/docs/feedback")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange()
                        .expectStatus()
                        .isOk(),
                rounds);
        double anonymous = meanMicros(
                () -> this.client
                        .get()
                        .uri("/api/docs/feedback")
                        .exchange()
                        .expectStatus()
                        .isOk(),
                rounds);
        System.out.printf(
                "routed GET through the gateway: %.0f us with a person token, %.0f us without (added %.0f us)%n",
                withToken, anonymous, withToken - anonymous);
    }

    private static double meanMicros(Runnable call, int rounds) {
        for (int i = 0; i < 30; i++) {
            call.run();
        }
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            call.run();
        }
        return (System.nanoTime() - started) / 1000.0 / rounds;
    }

    private WebTestClient.ResponseSpec callWith(String token) {
        return client.get()
                .uri("/api/people")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange();
    }

    private WebTestClient.ResponseSpec refresh(String refreshToken) {
        return client.post()
                .uri("/api/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchange();
    }

    private void expectRejected(String token) {
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

    private WebTestClient.ResponseSpec signIn(String email, String password) {
        return client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange();
    }

    private NimbusJwtDecoder jwksDecoder() {
        return NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json")
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
    }

    private String personToken() {
        return tokenIssuer.accessToken(lea()).value();
    }

    private static VerifiedPerson lea() {
        return feedback.personWithSession(FeedbackStandIn.LEA_EMAIL, FeedbackStandIn.LEA_SESSION);
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lead360-gateway-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
