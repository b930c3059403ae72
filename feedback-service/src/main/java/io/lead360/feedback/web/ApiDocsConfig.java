package io.lead360.feedback.web;

import com.fasterxml.jackson.databind.JavaType;
import io.lead360.service.docs.ApiDocuments;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.Map;
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

    @Bean
    OpenAPI feedbackOpenApi() {
        return ApiDocuments.servedByTheGateway("The access token of `POST /api/auth/token` (gateway document), "
                + "valid for 15 minutes while its session lives");
    }

    @Bean
    OpenApiCustomizer standardResponses() {
        return ApiDocuments.standardResponses(
                Map.of(
                        "400", "The request is invalid; `errors` names each bad field (and, for imports, the row)",
                        "413", "The body is over the size limit (256 KB; people import 5 MB)",
                        "503",
                                "feedback-service or its database is unavailable; try again shortly (`Retry-After` when known)"));
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

    /** A count the anonymity rules hide is null, never left out (see {@link ApiDocuments#nullableNumbers}). */
    @Bean
    ModelConverter nullableNumbers() {
        return ApiDocuments.nullableNumbers();
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
