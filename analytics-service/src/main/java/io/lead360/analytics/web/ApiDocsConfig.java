package io.lead360.analytics.web;

import static io.lead360.service.docs.ApiDocuments.typed;

import io.lead360.service.docs.ApiDocuments;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public OpenAPI document ({@code GET /api/docs/analytics}). The controllers say what each call does
 * and who may make it; what every call shares is added here once: the bearer token, the problem+json
 * error shape and the errors that can answer any call (401, 503). The document names the gateway as its
 * only server, so that it never shows where the service itself listens.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    @Bean
    OpenAPI analyticsOpenApi() {
        return ApiDocuments.servedByTheGateway("The access token of `POST /api/auth/token` (gateway document), "
                + "valid for 15 minutes while its session lives");
    }

    @Bean
    OpenApiCustomizer standardResponses() {
        return ApiDocuments.standardResponses(Map.of(
                "503",
                "analytics-service or its database is unavailable; try again shortly (`Retry-After` when known)"));
    }

    /**
     * A suppressed group's entry in a competency's {@code byRelationship} is null rather than left out: the
     * profile shows that the group was asked, and that it is not shown (fewer responses than the threshold).
     */
    @Bean
    OpenApiCustomizer suppressedGroupScores() {
        return api -> {
            Schema<?> byRelationship = (Schema<?>) api.getComponents()
                    .getSchemas()
                    .get("CompetencyScore")
                    .getProperties()
                    .get("byRelationship");
            byRelationship.setAdditionalProperties(new Schema<>()
                    .anyOf(List.of(new Schema<>().$ref("#/components/schemas/GroupScore"), typed("null"))));
        };
    }

    /** A mean or count the anonymity rules hide is null, never left out (see {@link ApiDocuments#nullableNumbers}). */
    @Bean
    ModelConverter nullableNumbers() {
        return ApiDocuments.nullableNumbers();
    }
}
