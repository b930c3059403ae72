package io.lead360.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalInfraSettingsTest {

    @Test
    void defaultsMatchTheDocumentedPortsAndHome() {
        LocalInfra.Settings settings = LocalInfra.Settings.fromEnvironment(Map.of());

        assertThat(settings.home()).isEqualTo(Path.of("./var").toAbsolutePath().normalize());
        assertThat(settings.kafkaPort()).isEqualTo(9192);
        assertThat(settings.mongoPort()).as("feedback-service's store").isEqualTo(27117);
        assertThat(settings.analyticsMongoPort())
                .as("analytics-service's store")
                .isEqualTo(27118);
        assertThat(settings.healthPort()).isEqualTo(8089);
        assertThat(settings.faultControl())
                .as("fault control is off unless asked for")
                .isFalse();
        assertThat(settings.mongoCompactInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.mail())
                .as("the mail server runs unless told otherwise")
                .isTrue();
        assertThat(settings.smtpPort()).isEqualTo(3025);
        assertThat(settings.imapPort()).isEqualTo(3143);
    }

    @Test
    void environmentOverridesEverySetting() {
        LocalInfra.Settings settings = LocalInfra.Settings.fromEnvironment(Map.of(
                "LEAD360_HOME", "/tmp/lead360",
                "LEAD360_KAFKA_PORT", "19192",
                "LEAD360_MONGODB_PORT", "37117",
                "LEAD360_ANALYTICS_MONGODB_PORT", "37118",
                "LEAD360_INFRA_HEALTH_PORT", "18089",
                "LEAD360_INFRA_FAULT_CONTROL", "true",
                "LEAD360_MONGODB_COMPACT_INTERVAL", "30s"));

        assertThat(settings.home()).isEqualTo(Path.of("/tmp/lead360"));
        assertThat(settings.kafkaPort()).isEqualTo(19192);
        assertThat(settings.mongoPort()).isEqualTo(37117);
        assertThat(settings.analyticsMongoPort()).isEqualTo(37118);
        assertThat(settings.healthPort()).isEqualTo(18089);
        assertThat(settings.faultControl()).isTrue();
        assertThat(settings.mongoCompactInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theCompactIntervalReadsLikeTheServicesDurationsOrIso8601() {
        assertThat(interval("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(interval("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(interval("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(interval("PT45S")).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aCompactIntervalThatIsNotAPositiveDurationIsRejectedWithItsName() {
        for (String wrong : new String[] {"0s", "-1m", "soon", "PT0S", "10"}) {
            assertThatIllegalArgumentException()
                    .as(wrong)
                    .isThrownBy(() -> interval(wrong))
                    .withMessageContaining("LEAD360_MONGODB_COMPACT_INTERVAL");
        }
    }

    private static Duration interval(String value) {
        return LocalInfra.Settings.fromEnvironment(Map.of("LEAD360_MONGODB_COMPACT_INTERVAL", value))
                .mongoCompactInterval();
    }

    @Test
    void aPortThatIsNotANumberIsRejectedWithItsName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalInfra.Settings.fromEnvironment(Map.of("LEAD360_KAFKA_PORT", "kafka")))
                .withMessageContaining("LEAD360_KAFKA_PORT");
    }
}
