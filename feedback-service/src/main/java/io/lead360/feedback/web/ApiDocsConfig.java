package io.lead360.feedback.web;

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
import java.util.concurrent.ConcurrentHashMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public OpenAPI document ({@code GET /api/docs/feedback}). The controllers say what each call does
 * and who may make it; what every call shares is added here once: the bearer token, the problem+json
 * error shape and the errors that can answer any call (401, 400/413 with a body, 503). The document names
 * the gateway as its only server, so that it never shows where the service itself listens.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    private static final String BEARER = "bearer";
    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** What an error status means when an operation does not say more. */
    private static final Map<String, String> STANDARD_ERRORS = Map.of(
            "400", "The request is invalid; `errors` names each bad field (and, for imports, the row)",
            "401", "No valid access token: missing, expired, signed out, or the session ended",
            "403", "The caller's roles do not allow this call",
            "404", "Not found",
            "409", "The current state does not allow this call",
            "413", "The body is over the size limit (256 KB; people import 5 MB)",
            "429", "Too many requests; try again after `Retry-After` seconds",
            "503", "feedback-service or its database is unavailable; try again shortly (`Retry-After` when known)");

    @Bean
    OpenAPI feedbackOpenApi() {
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
                                        .description("The access token of `POST /api/auth/token` (gateway document), "
                                                + "valid for 15 minutes while its session lives")));
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

    /**
     * Nested records are named with their enclosing type ({@code CycleProgress.Subject} becomes
     * {@code CycleProgressSubject}), so that two records of the same simple name stay two schemas
     * instead of one silently replacing the other; records nested in a controller keep their own name.
     * A name claimed by a second type fails the document rather than describing a shape wrongly.
     */
    @Bean
    ModelConverter nestedRecordNames() {
        return new NestedRecordNames();
    }

    /**
     * A boxed number in lead360's records is one the API may answer as null: a count the anonymity rules
     * hide (a group's {@code responded} below the threshold), or an optional setting. Primitives never are.
     */
    @Bean
    ModelConverter nullableNumbers() {
        return new NullableNumbers();
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
        responses.computeIfAbsent("503", code -> new ApiResponse());
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
        field.put("row", typed("integer").description("1-based data row of an import"));
        field.put("field", typed("string").description("the field, e.g. `competencies[0].key`"));
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

    private static final class NestedRecordNames implements ModelConverter {

        private final Map<String, Class<?>> claimed = new ConcurrentHashMap<>();

        @Override
        public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            JavaType javaType = Json.mapper().constructType(type.getType());
            Class<?> raw = javaType == null ? null : javaType.getRawClass();
            if (raw != null && type.getName() == null && raw.getName().startsWith("io.lead360.") && !raw.isEnum()) {
                boolean nested = raw.getEnclosingClass() != null
                        && !raw.getEnclosingClass().isAnnotationPresent(RestController.class);
                String name =
                        nested ? raw.getEnclosingClass().getSimpleName() + raw.getSimpleName() : raw.getSimpleName();
                Class<?> previous = claimed.putIfAbsent(name, raw);
                if (previous != null && previous != raw) {
                    throw new IllegalStateException("two types named " + name + ": " + previous + " and " + raw);
                }
                if (nested) {
                    type.name(name);
                }
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        }
    }
}
