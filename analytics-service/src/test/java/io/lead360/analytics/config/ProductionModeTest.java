package io.lead360.analytics.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** LEAD360_PRODUCTION is set for every service at once; analytics has no secret to check, so it must simply bind. */
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
    }

    private static AnalyticsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("lead360", AnalyticsProperties.class);
    }
}
