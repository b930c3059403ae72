package io.lead360.analytics.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lead360.service.ProductionModeException;
import io.lead360.service.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analytics' signing key: made when missing for the demo, required as it is in production. */
class SigningKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void outsideProductionAMissingKeyIsCreatedReadableByTheOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        Path file = dir.resolve("keys/analytics-signing-key.pem");

        SigningKey created = KeysConfig.signingKey(file, false);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(KeysConfig.signingKey(file, false).keyId()).isEqualTo(created.keyId());
    }

    @Test
    void productionRefusesToStartWithoutTheKeyFileNamingIt() {
        Path file = dir.resolve("missing.pem");

        assertThatThrownBy(() -> KeysConfig.signingKey(file, true))
                .isInstanceOf(ProductionModeException.class)
                .hasMessageContaining("LEAD360_ANALYTICS_SIGNING_KEY_FILE")
                .hasMessageContaining(file.toString());
        assertThat(file).doesNotExist();
    }

    @Test
    void productionRefusesAFileThatHoldsNoUsableKey() throws Exception {
        Path file = dir.resolve("broken.pem");
        Files.writeString(file, "not a key");

        assertThatThrownBy(() -> KeysConfig.signingKey(file, true))
                .isInstanceOfSatisfying(
                        ProductionModeException.class,
                        e -> assertThat(e.problems()).singleElement().asString().contains("PKCS#8"));
    }

    @Test
    void productionUsesAnExistingKey() {
        Path file = dir.resolve("existing.pem");
        SigningKey existing = SigningKey.loadOrCreate(file);

        assertThat(KeysConfig.signingKey(file, true).keyId()).isEqualTo(existing.keyId());
    }
}
