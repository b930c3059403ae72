package io.lead360.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LocalInfraSettingsTest {

    @Test
    void defaultsMatchTheDocumentedPortsAndHome() {
        LocalInfra.Settings settings = LocalInfra.Settings.fromEnvironment(Map.of());

        assertThat(settings.home()).isEqualTo(Path.of("./var").toAbsolutePath().normalize());
        assertThat(settings.kafkaPort()).isEqualTo(9192);
        assertThat(settings.mongoPort()).isEqualTo(27117);
        assertThat(settings.healthPort()).isEqualTo(8089);
        assertThat(settings.faultControl()).as("fault control is off unless asked for").isFalse();
    }

    @Test
    void environmentOverridesEverySetting() {
        LocalInfra.Settings settings = LocalInfra.Settings.fromEnvironment(Map.of(
                "LEAD360_HOME", "/tmp/lead360",
                "LEAD360_KAFKA_PORT", "19192",
                "LEAD360_MONGODB_PORT", "37117",
                "LEAD360_INFRA_HEALTH_PORT", "18089",
                "LEAD360_INFRA_FAULT_CONTROL", "true"));

        assertThat(settings.home()).isEqualTo(Path.of("/tmp/lead360"));
        assertThat(settings.kafkaPort()).isEqualTo(19192);
        assertThat(settings.mongoPort()).isEqualTo(37117);
        assertThat(settings.healthPort()).isEqualTo(18089);
        assertThat(settings.faultControl()).isTrue();
    }

    @Test
    void aPortThatIsNotANumberIsRejectedWithItsName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalInfra.Settings.fromEnvironment(Map.of("LEAD360_KAFKA_PORT", "kafka")))
                .withMessageContaining("LEAD360_KAFKA_PORT");
    }
}
