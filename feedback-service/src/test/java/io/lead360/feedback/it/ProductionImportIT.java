package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.lead360.feedback.keys.DataKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** In production mode an import sets no passwords at all: people sign in with single sign-on. */
class ProductionImportIT extends AbstractIT {

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        registry.add("lead360.production", () -> "true");
        registry.add("lead360.bootstrap-admin.password", () -> "a-strong-bootstrap-password");
        registry.add("spring.mongodb.database", () -> "lead360_feedback_production");
        // production mode never creates the data key: it must exist before the service starts
        registry.add("lead360.keys.data-key-file", ProductionImportIT::existingDataKey);
    }

    private static String existingDataKey() {
        try {
            Path file = Files.createTempDirectory("lead360-production-keys-").resolve("feedback-data-key");
            DataKey.loadOrCreate(file);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anImportedPasswordIsIgnoredWithAWarningAndNobodyCanSignInWithIt() throws Exception {
        Map<String, Object> row = person(email("new"), "New", null);
        row.put("password", "set-by-the-import");
        JsonNode result =
                body(postAs(adminToken(), "/api/people/import", List.of(row)).andExpect(status().isOk()));
        assertThat(result.get("created").asInt()).isEqualTo(1);
        assertThat(result.at("/warnings/0/field").asString()).isEqualTo("password");
        assertThat(result.at("/warnings/0/message").asString()).contains("production mode");
        postAs(
                        tokens.serviceToken(),
                        "/internal/auth/verify",
                        Map.of("email", email("new"), "password", "set-by-the-import"))
                .andExpect(status().isUnauthorized());
        assertThat(body(getAs(adminToken(), "/api/audit?action=PASSWORD_SET"))).isEmpty();
    }
}
