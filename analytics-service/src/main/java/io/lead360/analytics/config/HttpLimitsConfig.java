package io.lead360.analytics.config;

import io.lead360.service.RequestBodyLimitFilter;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class HttpLimitsConfig {

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter(AnalyticsProperties properties, JsonMapper jsonMapper) {
        return new RequestBodyLimitFilter(properties.http().maxBodySize(), Map.of(), jsonMapper);
    }
}
