package io.lead360.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path dir;

    @Test
    void missingKeyFileIsCreatedWithParentsAndOwnerOnlyPermissions() throws Exception {
        Path file = dir.resolve("var/keys/jwt-signing-key.pem");

        SigningKey key = SigningKey.loadOrCreate(file);

        assertThat(file).exists();
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(key.publicKey().getModulus().bitLength()).isEqualTo(2048);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void existingKeyFileIsReusedSoTokensSurviveARestart() {
        Path file = dir.resolve("key.pem");
        SigningKey first = SigningKey.loadOrCreate(file);

        SigningKey second = SigningKey.loadOrCreate(file);

        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void keyIdIsTheRsaThumbprintAndTheKeySetHoldsOnlyThePublicHalf() throws Exception {
        SigningKey key = SigningKey.loadOrCreate(dir.resolve("key.pem"));

        var published = key.publicKeySet().getKeys().get(0);

        assertThat(key.keyId()).isEqualTo(published.computeThumbprint("SHA-256").toString());
        assertThat(published.isPrivate()).isFalse();
        assertThat(key.publicKeySet().toJSONObject().toString()).doesNotContain("\"d\"");
    }

    @Test
    void aKeyFileThatIsNotPkcs8PemIsRejectedWithAHelpfulMessage() throws Exception {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> SigningKey.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PKCS#8");
    }

    @Test
    void aKeyShorterThan2048BitsIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        Path file = dir.resolve("weak.pem");
        Files.writeString(
                file, SigningKey.toPem(generator.generateKeyPair().getPrivate().getEncoded()));

        assertThatThrownBy(() -> SigningKey.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2048");
    }
}
