package io.lead360.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * The shared sub-records hold their defaults themselves: application.yml maps a {@code LEAD360_*} variable
 * as {@code ${LEAD360_X:}}, which is an empty value when the variable is unset, and that must mean the default.
 */
class SharedPropertiesTest {

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }

    @Test
    void nothingSetMeansTheDefaults() {
        assertThat(bind("lead360.http", HttpLimits.class, Map.of()))
                .isEqualTo(new HttpLimits(DataSize.ofKilobytes(256), DataSize.ofMegabytes(5)));
        assertThat(bind("lead360.mongo", MongoTimeouts.class, Map.of()))
                .isEqualTo(new MongoTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
        assertThat(bind("lead360.auth", TokenCheck.class, Map.of()))
                .isEqualTo(new TokenCheck("http://127.0.0.1:8080/.well-known/jwks.json", "lead360", "lead360-api"));
    }

    @Test
    void anEmptyValueMeansTheDefaultToo() {
        assertThat(bind(
                        "lead360.http",
                        HttpLimits.class,
                        Map.of("lead360.http.max-body-size", "", "lead360.http.max-import-body-size", "")))
                .isEqualTo(new HttpLimits(DataSize.ofKilobytes(256), DataSize.ofMegabytes(5)));
        assertThat(bind("lead360.auth", TokenCheck.class, Map.of("lead360.auth.jwks-uri", ""))
                        .jwksUri())
                .isEqualTo(TokenCheck.DEFAULT_JWKS_URI);
    }

    @Test
    void aValueThatIsSetWins() {
        assertThat(bind("lead360.http", HttpLimits.class, Map.of("lead360.http.max-body-size", "1KB")))
                .isEqualTo(new HttpLimits(DataSize.ofKilobytes(1), DataSize.ofMegabytes(5)));
        assertThat(bind("lead360.auth", TokenCheck.class, Map.of("lead360.auth.jwks-uri", "http://gw/jwks"))
                        .jwksUri())
                .isEqualTo("http://gw/jwks");
    }
}
