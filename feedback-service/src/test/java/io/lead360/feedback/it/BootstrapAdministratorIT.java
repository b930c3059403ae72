package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.feedback.FeedbackApplication;
import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** There is no default bootstrap administrator password: without one, nobody is created and the log says why. */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdministratorIT {

    @Test
    void withoutAPasswordNoAdministratorIsCreatedAndTheLogSaysWhy(CapturedOutput output) throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String database =
                "lead360_feedback_no_admin_" + UUID.randomUUID().toString().substring(0, 8);
        String dataKey = Files.createTempDirectory("lead360-no-admin-keys-")
                .resolve("feedback-data-key")
                .toString();
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(FeedbackApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + infra.mongoUri(),
                        "--spring.mongodb.database=" + database,
                        "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrap(),
                        "--lead360.auth.jwks-uri=" + TestTokens.get().jwksUri(),
                        "--lead360.keys.analytics-jwks-uri="
                                + TestTokens.analyticsService().jwksUri(),
                        "--lead360.keys.data-key-file=" + dataKey,
                        "--lead360.bootstrap-admin.password=")) {
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            assertThat(mongo.getCollection("people").countDocuments())
                    .as("people on an empty database")
                    .isZero();
        }
        assertThat(output.getAll())
                .contains("No bootstrap administrator was created: LEAD360_BOOTSTRAP_ADMIN_PASSWORD is not set")
                .contains(TestSettings.BOOTSTRAP_ADMIN_EMAIL);
    }
}
