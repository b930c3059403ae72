package io.lead360.feedback.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lead360.feedback.FeedbackApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** LEAD360_PRODUCTION=true: the service refuses to start with a weak bootstrap administrator password. */
class ProductionModeIT {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                 | is not set",
                "lead360-admin      | is the demo value lead360-admin",
                "short-pass1        | is shorter than 12 characters"
            })
    void theServiceRefusesToStartNamingTheProblem(String password, String problem) {
        // command-line arguments: they win over application.yml, as LEAD360_* variables do
        assertThatThrownBy(() -> new SpringApplicationBuilder(FeedbackApplication.class)
                        .run(
                                "--lead360.production=true",
                                "--lead360.bootstrap-admin.password=" + password,
                                "--server.port=0",
                                "--spring.mongodb.uri=mongodb://127.0.0.1:9",
                                "--spring.kafka.bootstrap-servers=127.0.0.1:9")
                        .close())
                .hasStackTraceContaining("production mode")
                .hasStackTraceContaining("LEAD360_BOOTSTRAP_ADMIN_PASSWORD")
                .hasStackTraceContaining(problem);
    }
}
