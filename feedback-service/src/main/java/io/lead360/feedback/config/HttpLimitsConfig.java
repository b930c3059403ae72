package io.lead360.feedback.config;

import io.lead360.service.RequestBodyLimitFilter;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class HttpLimitsConfig {

    static final String IMPORT_PATH = "/api/people/import";

    @Bean
    RequestBodyLimitFilter requestBodyLimitFilter(FeedbackProperties properties, JsonMapper jsonMapper) {
        return new RequestBodyLimitFilter(
                properties.http().maxBodySize(),
                Map.of(IMPORT_PATH, properties.http().maxImportBodySize()),
                jsonMapper);
    }
}
