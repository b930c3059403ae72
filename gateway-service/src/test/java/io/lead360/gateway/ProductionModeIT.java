package io.lead360.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lead360.service.ProductionModeException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** LEAD360_PRODUCTION=true: the real application refuses to start without a real signing key. */
class ProductionModeIT {

    @TempDir
    Path dir;

    @Test
    void theGatewayRefusesToStartWithoutAnExistingSigningKeyAndDoesNotCreateOne() throws Exception {
        Path missing = dir.resolve("keys/jwt-signing-key.pem");
        Path garbage = Files.writeString(
                dir.resolve("old.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        // as command-line arguments: they outrank application.yml, as an operator's environment does
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class)
                        .run(
                                "--server.port=0",
                                "--lead360.production=true",
                                "--lead360.auth.signing-key-file=" + missing,
                                "--lead360.auth.previous-signing-key-files=" + garbage)
                        .close())
                .satisfies(e -> {
                    Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
                    assertThat(root).isInstanceOf(ProductionModeException.class);
                    assertThat(((ProductionModeException) root).problems()).hasSize(2);
                    assertThat(root.getMessage())
                            .contains("LEAD360_PRODUCTION=true")
                            .contains(missing + " does not exist")
                            .contains("previous key: " + garbage);
                });
        assertThat(missing).doesNotExist();
    }
}
