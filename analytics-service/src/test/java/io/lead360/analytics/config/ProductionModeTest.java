package io.lead360.analytics.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * LEAD360_PRODUCTION is set for every service at once; for analytics it changes no setting (what it
 * requires of the signing key file is SigningKeyFileTest's).
 */
class ProductionModeTest {

    @Test
    void productionModeBindsAndChangesNothingElse() {
        AnalyticsProperties demo = bind(Map.of());
        AnalyticsProperties production = bind(Map.of("lead360.production", "true"));

        assertThat(demo.production()).isFalse();
        assertThat(production.production()).isTrue();
        assertThat(production.auth()).isEqualTo(demo.auth());
        assertThat(production.kafka()).isEqualTo(demo.kafka());
        assertThat(production.http()).isEqualTo(demo.http());
        assertThat(production.feedback()).isEqualTo(demo.feedback());
    }

    @Test
    void feedbackServiceIsCalledWithShortTimeoutsAndKeysStayInMemoryForMinutes() {
        AnalyticsProperties.Feedback feedback = bind(Map.of()).feedback();

        assertThat(feedback.uri()).hasToString("http://127.0.0.1:8081");
        assertThat(feedback.connectTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(feedback.responseTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(feedback.maxIdsPerRequest()).isEqualTo(1000);
        assertThat(feedback.tokenLifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(feedback.keyCacheTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(feedback.signingKeyFile().normalize()).isEqualTo(Path.of("var/keys/analytics-signing-key.pem"));
    }

    private static AnalyticsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("lead360", AnalyticsProperties.class);
    }
}
