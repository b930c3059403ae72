package io.lead360.gateway;

import static io.lead360.testsupport.docs.OpenApiOperations.errorsThatAreNotProblems;
import static io.lead360.testsupport.docs.OpenApiOperations.headProblems;
import static io.lead360.testsupport.docs.OpenApiOperations.incomplete;
import static io.lead360.testsupport.docs.OpenApiOperations.operations;
import static io.lead360.testsupport.docs.OpenApiOperations.undocumented;
import static io.lead360.testsupport.docs.OpenApiOperations.unserved;
import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.testsupport.docs.OpenApiOperations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's OpenAPI document ({@code GET /api/docs/gateway}) against the gateway's own handlers,
 * and the one Swagger UI: it lists the three documents and runs under the gateway's
 * Content-Security-Policy (nothing inline). The routed back-end paths belong to the services' documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT20S")
class ApiDocsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PUBLIC_OPERATIONS = Set.of(
            "POST /api/auth/token",
            "POST /api/auth/refresh",
            "GET /api/auth/providers",
            "POST /api/auth/sso/token",
            "GET /.well-known/jwks.json");
    private static final String UI = "/api/docs/swagger-ui/index.html";
    private static final Pattern LOCAL_FILE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    private static final FeedbackStandIn feedback = new FeedbackStandIn();
    private static final Path keyDir = tempDir();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        registry.add("lead360.routes.feedback-uri", feedback::uri);
        // analytics: the stand-in answers too, so that a routed document shows it got through
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
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void everyDocumentedOperationIsServedByTheGatewayItself() {
        assertThat(unserved(document(), servedRoutes()))
                .as("documented but not served")
                .isEmpty();
    }

    @Test
    void everyEndpointOfTheGatewayIsDocumented() {
        Set<String> routes = servedRoutes();

        assertThat(routes).as("sanity: the handler mappings were read").contains("POST /api/auth/token");
        assertThat(undocumented(
                        document(), routes, path -> path.startsWith("/fallback/") || path.startsWith("/api/docs")))
                .as("endpoints missing from the document")
                .isEmpty();
    }

    @Test
    void signingInAndTheKeySetNeedNoTokenAndSigningOutNeedsABearerToken() {
        Map<String, JsonNode> operations = operations(document());
        List<String> wrong = new ArrayList<>();
        operations.forEach((name, op) -> {
            String expected = PUBLIC_OPERATIONS.contains(name) ? "[]" : "[{\"bearer\":[]}]";
            if (!op.path("security").toString().equals(expected)) {
                wrong.add(name + ": security " + op.path("security") + ", expected " + expected);
            }
        });

        assertThat(wrong).isEmpty();
        assertThat(operations).containsKey("POST /api/auth/sign-out");
        assertThat(operations.get("POST /api/auth/sign-out").get("responses").has("401"))
                .isTrue();
        assertThat(operations.get("POST /api/auth/token").get("responses").propertyNames())
                .contains("400", "401", "413", "429", "503");
    }

    @Test
    void everyOperationSaysWhatItDoesWhoMayCallItAndAnswersErrorsAsProblems() {
        List<String> wrong = new ArrayList<>();
        operations(document()).forEach((name, op) -> {
            JsonNode responses = op.get("responses");
            if (responses.propertyNames().stream().noneMatch(code -> code.startsWith("4"))) {
                wrong.add(name + ": no 4xx");
            }
        });

        wrong.addAll(incomplete(document()));
        wrong.addAll(errorsThatAreNotProblems(document()));
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDocumentIsOpenApi31WithTheProjectVersionItsLicenceAndTheGatewayAsServer() {
        JsonNode doc = document();

        assertThat(headProblems(doc, "lead360 gateway API")).isEmpty();
        assertThat(JSON.writeValueAsString(doc))
                .doesNotContain("/fallback")
                .doesNotContain("127.0.0.1")
                .doesNotContain("localhost");
    }

    /** The token example has exactly the fields of a real sign-in's answer. */
    @Test
    void theTokenExampleIsShapedLikeARealSignIn() {
        JsonNode example = operations(document())
                .get("POST /api/auth/token")
                .get("responses")
                .get("200")
                .get("content")
                .get("application/json")
                .get("examples")
                .get("tokens")
                .get("value");
        JsonNode real = JSON.readTree(client.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", FeedbackStandIn.LEA_EMAIL, "password", FeedbackStandIn.LEA_PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());

        assertThat(new TreeSet<>(example.propertyNames())).isEqualTo(new TreeSet<>(real.propertyNames()));
    }

    @Test
    void theSwaggerUiListsTheThreeDocumentsAndKeepsTokensOutOfTheBrowsersStorage() {
        JsonNode config = JSON.readTree(client.get()
                .uri("/api/docs/gateway/swagger-config")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        Set<String> urls = new TreeSet<>();
        config.get("urls").forEach(url -> urls.add(url.get("url").asString()));

        assertThat(urls).containsExactly("/api/docs/analytics", "/api/docs/feedback", "/api/docs/gateway");
        assertThat(config.get("urls.primaryName").asString()).isEqualTo("feedback");
        assertThat(config.get("persistAuthorization").asBoolean()).isFalse();
        assertThat(config.path("validatorUrl").asString(""))
                .as("never sent to swagger.io")
                .isEmpty();
    }

    @Test
    void theDocumentationAddressesLeadToTheOneSwaggerUi() {
        for (String address : List.of("/api/docs", "/api/docs/feedback-ui", "/api/docs/swagger-ui.html")) {
            client.get()
                    .uri(address)
                    .exchange()
                    .expectStatus()
                    .isFound()
                    .expectHeader()
                    .value(
                            "Location",
                            location -> assertThat(location).as(address).endsWith(UI));
        }
    }

    @Test
    void theSwaggerUiRunsUnderTheContentSecurityPolicyWithNothingInline() {
        String html = client.get()
                .uri(UI)
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
                                .contains("style-src 'self'")
                                .doesNotContain("unsafe-inline")
                                .doesNotContain("unsafe-eval"))
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(html)
                .doesNotContainPattern("<script>|<script [^>]*>[^<\\s]+</script>|<style|\\sstyle=|\\son[a-z]+=");
        Matcher files = LOCAL_FILE.matcher(html);
        List<String> referenced = new ArrayList<>();
        while (files.find()) {
            referenced.add(files.group(1));
        }
        assertThat(referenced)
                .as("scripts and styles of the page")
                .isNotEmpty()
                .allSatisfy(file -> assertThat(file).doesNotContain("//"));
        for (String file : referenced) {
            client.get()
                    .uri("/api/docs/swagger-ui/" + file.replaceFirst("^\\./", ""))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .exists("Content-Security-Policy");
        }
        String initializer = client.get()
                .uri("/api/docs/swagger-ui/swagger-initializer.js")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(initializer).contains("/api/docs/gateway/swagger-config").doesNotContain("petstore");
    }

    @Test
    void theServicesDocumentsAreRoutedWithoutAToken() {
        for (String path : List.of("/api/docs/feedback", "/api/docs/analytics")) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.path")
                    .isEqualTo(path);
        }
        client.post().uri("/api/docs/analytics").exchange().expectStatus().isUnauthorized();
    }

    private JsonNode document() {
        // anonymous: the document is public
        return JSON.readTree(client.get()
                .uri("/api/docs/gateway")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
    }

    /** "METHOD /path" of every controller handler of the gateway; a mapping without methods answers them all. */
    private Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : handlerMapping.getHandlerMethods().keySet()) {
            routes.addAll(OpenApiOperations.routes(
                    info.getMethodsCondition().getMethods(),
                    info.getPatternsCondition().getPatterns().stream()
                            .map(pattern -> pattern.getPatternString())
                            .toList()));
        }
        return routes;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lead360-api-docs-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
