package io.lead360.gateway.web;

import io.lead360.service.docs.ApiDocuments;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Map;
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

    @Bean
    OpenAPI gatewayOpenApi() {
        return ApiDocuments.servedByTheGateway(
                "The access token of `POST /api/auth/token`, valid for 15 minutes while its session lives");
    }

    @Bean
    OpenApiCustomizer standardResponses() {
        return ApiDocuments.standardResponses(Map.of(
                "400", "The body is invalid; `errors` names each bad field",
                "503", "feedback-service, which keeps people and sessions, is unavailable; try again shortly"));
    }
}
