package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.gateway.token.TokenIssuer;
import io.lead360.service.SigningKey;
import io.lead360.testsupport.ForgedTokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;

/**
 * Who may call what at the gateway, built from what the gateway really serves: every Path of the
 * configured routes and every pattern of its own handler mappings (controllers, the probes) must have a
 * rule in {@link #RULES}, or this test fails naming it. Then every rule is exercised: anonymous
 * callers, the gateway's own service token and forged or tampered tokens get 401/403 wherever a
 * person is required, persons get through, and only administrators reach the admin paths.
 * (Object-level rules, e.g. another person's request → 404, are the services' and tested there.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT20S")
class GatewayAccessMatrixIT {

    /** What the gateway itself demands; the services check roles and ownership again behind it. */
    enum Rule {
        /** no token needed */
        PUBLIC,
        /** GET without a token (documentation); other methods need a person */
        PUBLIC_GET,
        /** any signed-in person (EMPLOYEE, LEADER or ADMIN) with a live session; never the service token */
        PERSON,
        /** administrators only */
        ADMIN
    }

    /** Keyed by the pattern exactly as the route or mapping declares it. */
    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // the gateway's own endpoints
        RULES.put("/api/auth/token", Rule.PUBLIC);
        RULES.put("/api/auth/refresh", Rule.PUBLIC);
        RULES.put("/api/auth/sign-out", Rule.PERSON);
        RULES.put("/.well-known/jwks.json", Rule.PUBLIC);
        RULES.put("/fallback/{service}", Rule.PUBLIC);
        // single sign-on (its own filter chain; listed so that its endpoints count as declared)
        RULES.put("/api/auth/providers", Rule.PUBLIC);
        RULES.put("/api/auth/sso/token", Rule.PUBLIC);
        RULES.put("/oauth2/authorization/{registrationId}", Rule.PUBLIC);
        RULES.put("/login/oauth2/code/{registrationId}", Rule.PUBLIC);
        // liveness and readiness, status only; the rest of actuator is on the management port (ManagementPortIT)
        RULES.put("/livez", Rule.PUBLIC);
        RULES.put("/readyz", Rule.PUBLIC);
        RULES.put("/api/docs", Rule.PUBLIC_GET);
        RULES.put("/api/docs/feedback-ui", Rule.PUBLIC_GET);
        RULES.put("/api/docs/swagger-ui.html", Rule.PUBLIC_GET);
        RULES.put("/api/docs/gateway", Rule.PUBLIC_GET);
        RULES.put("/api/docs/gateway.yaml", Rule.PUBLIC_GET);
        RULES.put("/api/docs/gateway/swagger-config", Rule.PUBLIC_GET);
        RULES.put("/api/docs/feedback", Rule.PUBLIC_GET);
        RULES.put("/api/docs/feedback.yaml", Rule.PUBLIC_GET);
        RULES.put("/api/docs/analytics", Rule.PUBLIC_GET);
        RULES.put("/api/docs/analytics.yaml", Rule.PUBLIC_GET);
        // routes to feedback-service
        // the links in mails: the link's token is the proof, feedback-service checks it
        RULES.put("/api/auth/password-reset", Rule.PUBLIC);
        RULES.put("/api/auth/password", Rule.PUBLIC);
        RULES.put("/api/mail/unsubscribe", Rule.PUBLIC);
        RULES.put("/api/people/import", Rule.PERSON);
        RULES.put("/api/feedback-requests/*/response", Rule.PERSON);
        RULES.put("/api/feedback-requests/*/draft", Rule.PERSON);
        RULES.put("/api/feedback-requests/*/decline", Rule.PERSON);
        RULES.put("/api/me", Rule.PERSON);
        RULES.put("/api/me/**", Rule.PERSON);
        RULES.put("/api/people/**", Rule.PERSON);
        RULES.put("/api/templates/**", Rule.PERSON);
        RULES.put("/api/cycles/**", Rule.PERSON);
        RULES.put("/api/feedback-requests/**", Rule.PERSON);
        RULES.put("/api/audit", Rule.PERSON);
        // routes to analytics-service
        RULES.put("/api/profiles/**", Rule.PERSON);
        RULES.put("/api/organisation/**", Rule.PERSON);
        RULES.put("/api/admin/profiles/**", Rule.PERSON);
        RULES.put("/api/audit/reports", Rule.PERSON);
    }

    private static final FeedbackStandIn feedback = new FeedbackStandIn();
    private static final Path keyDir = tempDir();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("lead360.routes.feedback-uri", feedback::uri);
        // analytics: the feedback stand-in answers too, so that a routed call shows it got through
        registry.add("lead360.routes.analytics-uri", feedback::uri);
        registry.add(
                "lead360.auth.signing-key-file", () -> keyDir.resolve("key.pem").toString());
    }

    @AfterAll
    static void stop() {
        feedback.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ApplicationContext context;

    @Autowired
    RouteDefinitionLocator routes;

    @Autowired
    TokenIssuer tokenIssuer;

    @Autowired
    SigningKey signingKey;

    @Test
    void everyPathTheGatewayServesHasARule() {
        Set<String> missing = new TreeSet<>(servedPatterns());
        missing.removeAll(RULES.keySet());

        assertThat(missing)
                .as("paths without an access rule in GatewayAccessMatrixIT.RULES")
                .isEmpty();
    }

    @Test
    void anonymousCallersGet401ProblemEverywhereAPersonIsRequired() {
        for (String pattern : servedPatterns()) {
            Rule rule = ruleOf(pattern);
            for (HttpMethod method : protectedMethods(rule)) {
                call(method, sample(pattern), null)
                        .expectStatus()
                        .isUnauthorized()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
    }

    @Test
    void publicPathsNeedNoToken() {
        for (String pattern : servedPatterns()) {
            Rule rule = ruleOf(pattern);
            if (rule == Rule.PUBLIC || rule == Rule.PUBLIC_GET) {
                // sign-in and the links in mails take POST only (a link checker's GET changes nothing)
                HttpMethod method = (pattern.startsWith("/api/auth/") && !pattern.equals("/api/auth/providers"))
                                || pattern.startsWith("/api/mail/")
                        ? HttpMethod.POST
                        : HttpMethod.GET;
                int status = call(method, sample(pattern), null)
                        .returnResult(Void.class)
                        .getStatus()
                        .value();
                assertThat(status).as(method + " " + pattern).isNotIn(401, 403);
            }
        }
    }

    @Test
    void theGatewaysServiceTokenOpensNoPersonPath() {
        String serviceToken = tokenIssuer.serviceToken();
        for (String pattern : servedPatterns()) {
            for (HttpMethod method : protectedMethods(ruleOf(pattern))) {
                call(method, sample(pattern), serviceToken).expectStatus().isForbidden();
            }
        }
    }

    @Test
    void aPersonReachesEveryPersonPathButNoAdminPath() {
        for (String pattern : servedPatterns()) {
            Rule rule = ruleOf(pattern);
            if (rule == Rule.PERSON || rule == Rule.PUBLIC_GET) {
                HttpMethod method =
                        rule == Rule.PUBLIC_GET || pattern.endsWith("sign-out") ? HttpMethod.POST : HttpMethod.GET;
                int status = call(method, sample(pattern), freshToken("lea@acme.test"))
                        .returnResult(Void.class)
                        .getStatus()
                        .value();
                assertThat(status).as(method + " " + pattern + " as a person").isNotIn(401, 403);
            }
            if (rule == Rule.ADMIN) {
                call(HttpMethod.GET, sample(pattern), freshToken("lea@acme.test"))
                        .expectStatus()
                        .isForbidden();
                int status = call(HttpMethod.GET, sample(pattern), freshToken("mo@acme.test"))
                        .returnResult(Void.class)
                        .getStatus()
                        .value();
                assertThat(status).as(pattern + " as an administrator").isNotIn(401, 403);
            }
        }
    }

    /**
     * HEAD (which WebFlux answers with a GET handler), OPTIONS, TRACE, PATCH and a made-up method are
     * served by no route: refused on every path before any rule or route is asked (the single sign-on
     * chain's public endpoints aside, which have their own chain and hold nothing to protect).
     */
    @Test
    void everyOtherMethodIsRefusedOnEveryPath() {
        String person = freshToken("lea@acme.test");
        for (String pattern : servedPatterns()) {
            if (pattern.startsWith("/oauth2/")
                    || pattern.startsWith("/login/oauth2/")
                    || pattern.equals("/api/auth/providers")
                    || pattern.equals("/api/auth/sso/token")) {
                continue;
            }
            for (String name : List.of("HEAD", "OPTIONS", "TRACE", "PATCH", "PROPFIND")) {
                HttpMethod method = HttpMethod.valueOf(name);
                int anonymous = call(method, sample(pattern), null)
                        .returnResult(Void.class)
                        .getStatus()
                        .value();
                int asPerson = call(method, sample(pattern), person)
                        .returnResult(Void.class)
                        .getStatus()
                        .value();
                // TRACE and made-up methods are refused (400) before any rule, by the server or the firewall
                boolean firewalled = name.equals("TRACE") || name.equals("PROPFIND");
                assertThat(List.of(anonymous, asPerson))
                        .as(name + " " + pattern + ": anonymous, as a person")
                        .containsExactlyElementsOf(firewalled ? List.of(400, 400) : List.of(401, 403));
            }
        }
    }

    @Test
    void forgedAndTamperedTokensGet401OnEveryPersonPath() {
        String valid = freshToken("lea@acme.test");
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        SigningKey stranger = SigningKey.loadOrCreate(keyDir.resolve("stranger.pem"));
        Map<String, String> tampered = new LinkedHashMap<>();
        tampered.put("alg none", base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        tampered.put(
                "roles edited",
                parts[0] + "." + base64Url(payload.replace("\"EMPLOYEE\"", "\"ADMIN\"")) + "." + parts[2]);
        tampered.put(
                "wrong key",
                new TokenIssuer(stranger, Clock.systemUTC(), Duration.ofMinutes(15), Duration.ofSeconds(60))
                        .accessToken(feedback.personWithSession("lea@acme.test", FeedbackStandIn.LEA_SESSION))
                        .value());
        tampered.put(
                "expired",
                new TokenIssuer(
                                signingKey,
                                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC),
                                Duration.ofMinutes(15),
                                Duration.ofSeconds(60))
                        .accessToken(feedback.personWithSession("lea@acme.test", FeedbackStandIn.LEA_SESSION))
                        .value());
        tampered.put(
                "wrong audience", ForgedTokens.sign(signingKey.privateJwk(), Map.of("aud", List.of("another-api"))));
        tampered.put("no session", ForgedTokens.sign(signingKey.privateJwk(), Collections.singletonMap("sid", null)));
        tampered.put("ended session", ForgedTokens.sign(signingKey.privateJwk(), Map.of("sid", "s-never-existed")));

        for (String pattern : servedPatterns()) {
            if (ruleOf(pattern) != Rule.PERSON) {
                continue;
            }
            tampered.forEach((kind, token) -> assertThat(call(HttpMethod.GET, sample(pattern), token)
                            .returnResult(Void.class)
                            .getStatus()
                            .value())
                    .as(kind + " on " + pattern)
                    .isEqualTo(401));
        }
    }

    @Test
    void forgedIdentityHeadersNeverReachAServiceOnAnyRoute() {
        for (String pattern : routePatterns()) {
            if (ruleOf(pattern) != Rule.PERSON) {
                continue;
            }
            EntityExchangeResult<Map<String, Object>> result = client.get()
                    .uri(sample(pattern))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + freshToken("lea@acme.test"))
                    .header("X-User-Id", "p-mo")
                    .header("X-Lead360-Roles", "ADMIN")
                    .header("X-Forwarded-User", "mo")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                    .returnResult();
            @SuppressWarnings("unchecked")
            Map<String, Object> headers =
                    (Map<String, Object>) result.getResponseBody().get("headers");
            assertThat(headers.keySet())
                    .as(pattern)
                    .noneMatch(name -> name.startsWith("x-user-")
                            || name.startsWith("x-lead360-")
                            || name.equals("x-forwarded-user"));
        }
    }

    /** Every Path pattern of the routes and of the gateway's own handler mappings and router functions. */
    private Set<String> servedPatterns() {
        Set<String> patterns = new TreeSet<>(routePatterns());
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods()
                    .keySet()
                    .forEach(info -> info.getPatternsCondition()
                            .getPatterns()
                            .forEach(pattern -> patterns.add(pattern.getPatternString())));
        }
        for (RouterFunction<?> function :
                context.getBeansOfType(RouterFunction.class).values()) {
            function.accept(new PathCollector(patterns));
        }
        return patterns;
    }

    private Set<String> routePatterns() {
        Set<String> patterns = new TreeSet<>();
        for (RouteDefinition route : routes.getRouteDefinitions().collectList().block()) {
            route.getPredicates().stream()
                    .filter(predicate -> predicate.getName().equals("Path"))
                    .forEach(predicate -> predicate
                            .getArgs()
                            .values()
                            .forEach(value ->
                                    List.of(value.split(",")).forEach(pattern -> patterns.add(pattern.strip()))));
        }
        return patterns;
    }

    /** A path without a rule fails the first test; the others treat it as the strictest non-admin case. */
    private static Rule ruleOf(String pattern) {
        return RULES.getOrDefault(pattern, Rule.PERSON);
    }

    private static List<HttpMethod> protectedMethods(Rule rule) {
        return switch (rule) {
            case PUBLIC -> List.of();
            case PUBLIC_GET -> List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE);
            case PERSON, ADMIN -> List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE);
        };
    }

    /** A concrete path matching the pattern. */
    private static String sample(String pattern) {
        return pattern.replace("/**", "/x").replace("*", "x").replaceAll("\\{[^}]+}", "x");
    }

    private WebTestClient.ResponseSpec call(HttpMethod method, String path, String token) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (method == HttpMethod.POST || method == HttpMethod.PUT) {
            return request.contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange();
        }
        return request.exchange();
    }

    /** A token with a session of its own, so that a sign-out in one check ends nothing another check uses. */
    private String freshToken(String email) {
        return tokenIssuer
                .accessToken(feedback.personWithSession(email, feedback.openSession(email)))
                .value();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lead360-matrix-it");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Collects the path patterns of functional routes (RouterFunction beans). */
    private record PathCollector(Set<String> patterns)
            implements RouterFunctions.Visitor,
                    org.springframework.web.reactive.function.server.RequestPredicates.Visitor {

        @Override
        public void route(
                org.springframework.web.reactive.function.server.RequestPredicate predicate,
                org.springframework.web.reactive.function.server.HandlerFunction<?> handlerFunction) {
            predicate.accept(this);
        }

        @Override
        public void path(String pattern) {
            patterns.add(pattern);
        }

        @Override
        public void startNested(org.springframework.web.reactive.function.server.RequestPredicate predicate) {
            predicate.accept(this);
        }

        @Override
        public void endNested(org.springframework.web.reactive.function.server.RequestPredicate predicate) {}

        @Override
        public void resources(
                java.util.function.Function<
                                org.springframework.web.reactive.function.server.ServerRequest,
                                reactor.core.publisher.Mono<org.springframework.core.io.Resource>>
                        lookupFunction) {}

        @Override
        public void attributes(Map<String, Object> attributes) {}

        @Override
        public void unknown(RouterFunction<?> routerFunction) {}

        @Override
        public void method(Set<HttpMethod> methods) {}

        @Override
        public void pathExtension(String extension) {}

        @Override
        public void header(String name, String value) {}

        @Override
        public void queryParam(String name, String value) {}

        @Override
        public void version(String version) {}

        @Override
        public void and() {}

        @Override
        public void startAnd() {}

        @Override
        public void endAnd() {}

        @Override
        public void or() {}

        @Override
        public void startOr() {}

        @Override
        public void endOr() {}

        @Override
        public void startNegate() {}

        @Override
        public void endNegate() {}

        @Override
        public void unknown(org.springframework.web.reactive.function.server.RequestPredicate predicate) {}
    }
}
