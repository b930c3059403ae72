package io.lead360.feedback.it;

import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every test context of feedback-service is given: the test MongoDB, Kafka and mail server, the
 * JWKS of the test gateway and of a test analytics-service, and a data key in a temporary directory (never the
 * developer's {@code ./var}).
 */
public final class TestSettings {

    private static Path dataKeyFile;

    private TestSettings() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerProperties(registry);
        registerKeys(registry);
        registerMail(registry);
    }

    /** Mail goes out within a fifth of a second and is retried within seconds, so tests need not wait long. */
    public static void registerMail(DynamicPropertyRegistry registry) {
        registry.add("lead360.mail.send-interval", () -> "200ms");
        registry.add("lead360.mail.first-retry", () -> "300ms");
        registry.add("lead360.mail.max-retry", () -> "1s");
        registry.add("lead360.mail.public-url", () -> "http://lead360.test");
    }

    /** Only the keys: for a context with a MongoDB or Kafka of its own. */
    public static void registerKeys(DynamicPropertyRegistry registry) {
        registry.add("lead360.keys.data-key-file", TestSettings::dataKeyFile);
        registry.add("lead360.keys.analytics-jwks-uri", () -> TestTokens.analyticsService().jwksUri());
    }

    private static synchronized String dataKeyFile() {
        if (dataKeyFile == null) {
            try {
                Path dir = Files.createTempDirectory("lead360-feedback-test-keys-");
                dir.toFile().deleteOnExit();
                dataKeyFile = dir.resolve("feedback-data-key");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataKeyFile.toString();
    }
}
