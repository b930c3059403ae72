package io.lead360.service.docs;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * What the three OpenAPI documents share (each service's {@code web.ApiDocsConfig} uses it): the gateway as the
 * only server, the bearer token, the problem+json error shape and the errors every call can answer. The
 * controllers say what each call does and who may make it; an operation without {@code security} needs the
 * bearer token and gets a 401, one with a body gets 400 and 413, every one gets 503, and every error is a
 * Problem.
 */
public final class ApiDocuments {

    public static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** What an error status means when neither the operation nor the service says more. */
    private static final Map<String, String> COMMON_ERRORS = Map.of(
            "400", "The request is invalid; `errors` names each bad field",
            "401", "No valid access token: missing, expired, signed out, or the session ended",
            "403", "The caller's roles do not allow this call",
            "404", "Not found",
            "409", "The current state does not allow this call",
            "413", "The body is over the size limit (256 KB)",
            "429", "Too many requests; try again after `Retry-After` seconds");

    private ApiDocuments() {}

    /** A document served through the gateway (its only server, relative), with the bearer scheme described so. */
    public static OpenAPI servedByTheGateway(String bearerDescription) {
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
                                        .description(bearerDescription)));
    }

    /**
     * Completes every operation as described above; {@code errors} says what a status means in this service
     * where it differs from the common meaning (at least 503). Customizers run after springdoc has dropped the
     * schemas nothing refers to, so the Problem schema, which only these responses refer to, is added here too.
     */
    public static OpenApiCustomizer standardResponses(Map<String, String> errors) {
        Map<String, String> meanings = new TreeMap<>(COMMON_ERRORS);
        meanings.putAll(errors);
        return api -> {
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            api.getPaths().values().forEach(path -> path.readOperations().forEach(op -> complete(op, meanings)));
        };
    }

    /**
     * A boxed number in lead360's records is one the API may answer as null (a count or mean the anonymity rules
     * hide, or an optional setting): its schema admits null. Primitives never are.
     */
    public static ModelConverter nullableNumbers() {
        return new NullableNumbers();
    }

    /** A schema of one JSON type, readable as OpenAPI 3.1 ({@code types}) and 3.0 ({@code type}). */
    public static Schema<Object> typed(String type) {
        return new Schema<>().type(type).types(Set.of(type));
    }

    private static void complete(Operation operation, Map<String, String> meanings) {
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
        responses.computeIfAbsent("503", code -> new ApiResponse());
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                asProblem(code, response, meanings);
            }
        });
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        responses.putAll(sorted);
    }

    private static void asProblem(String code, ApiResponse response, Map<String, String> meanings) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(meanings.getOrDefault(code, "An error"));
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

    /** RFC 9457, as every error of lead360 is written. */
    private static Schema<?> problemSchema() {
        Map<String, Schema> field = new LinkedHashMap<>();
        field.put("row", typed("integer").description("1-based data row of an import (feedback-service)"));
        field.put("field", typed("string").description("the field or parameter, e.g. `competencies[0].key`"));
        field.put("message", typed("string").description("what is wrong with it"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                typed("string")
                        .description("a URI naming the kind of problem; `about:blank` when the status says it all"));
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

    private static final class NullableNumbers implements ModelConverter {

        private static final Set<Class<?>> BOXED = Set.of(Integer.class, Long.class, Double.class);

        @Override
        public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            JavaType javaType = Json.mapper().constructType(type.getType());
            if (schema != null
                    && javaType != null
                    && BOXED.contains(javaType.getRawClass())
                    && schema.getTypes() != null) {
                schema.addType("null");
            }
            return schema;
        }
    }
}
