package io.lead360.analytics.keys;

import io.lead360.analytics.config.AnalyticsProperties;
import io.lead360.service.ProductionModeException;
import io.lead360.service.SigningKey;
import io.micrometer.observation.ObservationRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** analytics' signing key, its service token, and the subject keys fetched with it. */
@Configuration(proxyBeanMethods = false)
class KeysConfig {

    @Bean
    SigningKey analyticsSigningKey(AnalyticsProperties properties) {
        return signingKey(properties.feedback().signingKeyFile(), properties.production());
    }

    @Bean
    SubjectKeys subjectKeys(
            AnalyticsProperties properties,
            SigningKey signingKey,
            Clock clock,
            JsonMapper json,
            ObservationRegistry observations) {
        AnalyticsProperties.Feedback feedback = properties.feedback();
        var token = new ServiceToken(signingKey, clock, feedback.tokenLifetime());
        var client = new SubjectKeyClient(
                feedback.uri(), feedback.connectTimeout(), feedback.responseTimeout(), token, json, observations);
        return new SubjectKeys(client, feedback.maxIdsPerRequest(), feedback.keyCacheSize(), feedback.keyCacheTtl());
    }

    /**
     * Production never generates a key: feedback-service trusts the public half it fetched, and a
     * key made up at startup would only hide a lost or misplaced file.
     */
    static SigningKey signingKey(Path file, boolean production) {
        if (!production) {
            return SigningKey.loadOrCreate(file);
        }
        SigningKey.problemWith(file).ifPresent(problem -> {
            throw new ProductionModeException(List.of("LEAD360_ANALYTICS_SIGNING_KEY_FILE: " + problem));
        });
        return SigningKey.load(file);
    }
}
