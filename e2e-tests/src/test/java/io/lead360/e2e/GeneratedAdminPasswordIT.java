package io.lead360.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.infra.demo.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./lead360 up} without {@code LEAD360_BOOTSTRAP_ADMIN_PASSWORD}: there is no published default, so
 * it generates one, keeps it readable by its owner only, shows it once, and {@code ./lead360 demo} signs in
 * with it.
 */
class GeneratedAdminPasswordIT {

    private final Platform platform;

    GeneratedAdminPasswordIT() throws Exception {
        platform = new Platform("generated-password").withoutEnv("LEAD360_BOOTSTRAP_ADMIN_PASSWORD");
    }

    @AfterEach
    void down() {
        platform.stopQuietly();
    }

    @Test
    void upGeneratesTheAdministratorsPasswordShowsItOnceAndTheDemoSignsInWithIt() throws Exception {
        String first = platform.run("up");

        Path file = platform.home().resolve("keys/bootstrap-admin-password");
        String password = Files.readString(file).strip();
        assertThat(password).as("24 URL-safe characters").matches("[A-Za-z0-9_-]{24}");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(first).contains("password:      " + password).contains(file.toString());
        ApiClient api = new ApiClient(platform.gatewayUrl());
        assertThat(api.post("/api/auth/token", null, Map.of("email", Platform.ADMIN_EMAIL, "password", password))
                        .status())
                .as("the bootstrap administrator signs in with it")
                .isEqualTo(200);

        // a later up (here on the running platform: it starts nothing and prints the same summary) never shows it
        // again; Platform.run returns the whole output file of "up", so what the second up printed follows the first
        String second = platform.run("up").substring(first.length());
        assertThat(second).doesNotContain(password).contains("password:      in " + file);
        assertThat(Files.readString(file).strip())
                .as("the same password, not a new one")
                .isEqualTo(password);

        assertThat(platform.run("demo")).contains("Imported the demo organisation");

        // shown once on the terminal: in no log of the platform
        try (var logs = Files.list(platform.home().resolve("logs"))) {
            for (Path log : logs.toList()) {
                assertThat(Files.readString(log)).as(log.toString()).doesNotContain(password);
            }
        }
    }
}
