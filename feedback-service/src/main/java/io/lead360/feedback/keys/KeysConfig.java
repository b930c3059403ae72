package io.lead360.feedback.keys;

import io.lead360.feedback.config.FeedbackProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeysConfig {

    /** Production mode checks the file before this runs (ProductionModeCheck): only then may it be created. */
    @Bean
    DataKey dataKey(FeedbackProperties properties) {
        return DataKey.loadOrCreate(properties.keys().dataKeyFile());
    }
}
