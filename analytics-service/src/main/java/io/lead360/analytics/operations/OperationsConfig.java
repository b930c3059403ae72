package io.lead360.analytics.operations;

import io.lead360.service.operations.ManagementServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call the management port: the operator, without a person's token (see {@link ManagementServer});
 * and what readiness asks beyond MongoDB: Kafka (the event pipeline's {@code ingest.KafkaHealthIndicator}).
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfig {

    @Bean
    @Order(ManagementServer.CHAIN_ORDER)
    SecurityFilterChain managementServerChain(HttpSecurity http, JsonMapper json) throws Exception {
        return ManagementServer.securityChain(http, json);
    }
}
