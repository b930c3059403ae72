package io.lead360.gateway.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import io.lead360.service.ProductionModeException;
import io.lead360.service.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void theCurrentKeySignsAndEveryKeyIsPublishedCurrentFirst() {
        SigningKey old = SigningKey.loadOrCreate(dir.resolve("old.pem"));
        SigningKeys keys = SigningKeys.load(dir.resolve("new.pem"), List.of(dir.resolve("old.pem")), false);

        assertThat(keys.current().keyId()).isNotEqualTo(old.keyId());
        assertThat(keys.publicJwks())
                .extracting(JWK::getKeyID)
                .containsExactly(keys.current().keyId(), old.keyId());
        assertThat(keys.publicJwks()).noneMatch(JWK::isPrivate);
    }

    @Test
    void aKeyListedTwiceIsPublishedOnce() {
        SigningKey.loadOrCreate(dir.resolve("key.pem"));

        SigningKeys keys = SigningKeys.load(dir.resolve("key.pem"), List.of(dir.resolve("key.pem")), false);

        assertThat(keys.publicJwks()).hasSize(1);
    }

    @Test
    void aMissingPreviousKeyFailsEvenOutsideProduction() {
        assertThatThrownBy(() -> SigningKeys.load(dir.resolve("new.pem"), List.of(dir.resolve("gone.pem")), false))
                .hasMessageContaining("gone.pem");
    }

    @Test
    void productionDoesNotGenerateAMissingKeyAndNamesEveryProblemAtOnce() throws Exception {
        Path missing = dir.resolve("missing.pem");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key");
        Path shortKey = dir.resolve("short.pem");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Files.writeString(
                shortKey,
                SigningKey.toPem(generator.generateKeyPair().getPrivate().getEncoded()));

        assertThatThrownBy(() -> SigningKeys.load(missing, List.of(garbage, shortKey), true))
                .isInstanceOfSatisfying(
                        ProductionModeException.class,
                        e -> assertThat(e.problems()).hasSize(3))
                .hasMessageContaining("LEAD360_PRODUCTION")
                .hasMessageContaining("missing.pem does not exist")
                .hasMessageContaining("garbage.pem is not a PKCS#8 PEM private key")
                .hasMessageContaining("short.pem holds an RSA key of 1024 bits");
        assertThat(missing).doesNotExist();
    }

    @Test
    void productionAcceptsAnExistingGoodKey() {
        SigningKey existing = SigningKey.loadOrCreate(dir.resolve("key.pem"));

        assertThat(SigningKeys.load(dir.resolve("key.pem"), List.of(), true)
                        .current()
                        .keyId())
                .isEqualTo(existing.keyId());
    }
}
