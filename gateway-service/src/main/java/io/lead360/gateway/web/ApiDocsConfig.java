package io.lead360.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of what the gateway answers itself ({@code GET /api/docs/gateway}): sign-in,
 * sessions and its public keys; the routed calls are in the services' documents. The controllers say what
 * each call does and who may make it (the sign-in calls need no token: {@code security: []}); what the
 * calls share is added here once: the bearer token, the problem+json error shape, 401 where a token is
 * needed and 400/413 where a body is sent.
 * <p>
 * The gateway also serves the one Swagger UI ({@code /api/docs}, see application.yml), listing all three
 * documents. Its files are springdoc's webjar, with no inline script or style, so it runs under the
 * gateway's Content-Security-Policy unchanged.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    private static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** What an error status means when an operation does not say more. */
    private static final Map<String, String> STANDARD_ERRORS = Map.of(
            "400", "The body is invalid; `errors` names each bad field",
            "401", "No valid access token: missing, expired, signed out, or the session ended",
            "403", "The caller's roles do not allow this call",
            "404", "Not found",
            "409", "The current state does not allow this call",
            "413", "The body is over the size limit (256 KB)",
            "429", "Too many requests; try again after `Retry-After` seconds",
            "503", "feedback-service, which keeps people and sessions, is unavailable; try again shortly");

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                // relative: the gateway that serves this document is the only way in
                .servers(List.of(new Server().url("/").description("the lead360 gateway that serves this document")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("The access token of `POST /api/auth/token`, valid for 15 minutes "
                                                + "while its session lives")));
    }

    /**
     * Customizers run after springdoc has dropped the schemas nothing refers to, so the Problem schema, which only
     * the error responses added here refer to, is added here too.
     */
    @Bean
    OpenApiCustomizer standardResponses() {
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().values().forEach(path -> path.readOperations().forEach(ApiDocsConfig::complete));
        };
    }

    private static void complete(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        }
        ApiResponses responses = operation.getResponses();
        if (!operation.getSecurity().isEmpty()) {
            responses.computeIfAbsent("401", code -> new ApiResponse());
        }
        if (operation.getRequestBody() != null) {
            responses.computeIfAbsent("400", code -> new ApiResponse());
            responses.computeIfAbsent("413", code -> new ApiResponse());
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                asProblem(code, response);
            }
        });
        sortByCode(responses);
    }

    private static void asProblem(String code, ApiResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(STANDARD_ERRORS.getOrDefault(code, "An error"));
        }
        response.setContent(new Content()
                .addMediaType(
                        PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (code.equals("429") || code.equals("503")) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header()
                            .description("Seconds to wait before trying again")
                            .schema(typed("integer")));
        }
    }

    private static void sortByCode(ApiResponses responses) {
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);
    }

    /** RFC 9457, as every error of lead360 is written. */
    private static Schema<?> problemSchema() {
        Map<String, Schema> field = new LinkedHashMap<>();
        field.put("row", typed("integer").description("1-based data row of an import (feedback-service)"));
        field.put("field", typed("string").description("the field, e.g. `email`"));
        field.put("message", typed("string").description("what is wrong with it"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                typed("string")
                        .description(
                                "a URI naming the kind of problem; `about:blank` " + "when the status says it all"));
        properties.put("title", typed("string").description("a short summary of the kind of problem"));
        properties.put("status", typed("integer").description("the HTTP status"));
        properties.put("detail", typed("string").description("what went wrong with this request"));
        properties.put("instance", typed("string").description("the path of the request"));
        properties.put(
                "errors",
                typed("array")
                        .description("each invalid field (validation problems only)")
                        .items(typed("object").properties(field)));
        return typed("object")
                .description("An error (`application/problem+json`, RFC 9457). Never names a rater.")
                .properties(properties)
                .required(List.of("title", "status"));
    }

    private static Schema<Object> typed(String type) {
        // OpenAPI 3.1 reads `types`; `type` keeps the schema right for readers of 3.0 too
        return new Schema<>().type(type).types(Set.of(type));
    }
}
