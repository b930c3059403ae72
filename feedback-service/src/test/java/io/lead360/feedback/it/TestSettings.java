package io.lead360.feedback.it;

import io.lead360.feedback.keys.DataKey;
import io.lead360.testsupport.TestInfrastructure;
import io.lead360.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every test context of feedback-service is given: the test MongoDB, Kafka and mail server, the JWKS of the
 * test gateway and of a test analytics-service, a data key in a temporary directory (never the
 * developer's {@code ./var}), and the bootstrap administrator the tests sign in as, whatever
 * {@code LEAD360_BOOTSTRAP_ADMIN_*} the developer's shell sets.
 */
public final class TestSettings {

    public static final String BOOTSTRAP_ADMIN_EMAIL = "admin@lead360.local";
    /** A test value, not a secret: the test databases are thrown away. */
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "bootstrap-admin-of-the-tests";

    private static Path dataKeyFile;

    private TestSettings() {}

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
        registry.add(
                "lead360.keys.analytics-jwks-uri",
                () -> TestTokens.analyticsService().jwksUri());
        registry.add("lead360.bootstrap-admin.email", () -> BOOTSTRAP_ADMIN_EMAIL);
        registry.add("lead360.bootstrap-admin.password", () -> BOOTSTRAP_ADMIN_PASSWORD);
    }

    private static synchronized String dataKeyFile() {
        if (dataKeyFile == null) {
            try {
                Path dir = Files.createTempDirectory("lead360-feedback-test-keys-");
                dir.toFile().deleteOnExit();
                dataKeyFile = dir.resolve("feedback-data-key");
                // created now, not by the first context: a subclass's settings do not win over these
                // (AbstractIT's registrations run last), so a production-mode context gets this file too,
                // and production mode never creates a key
                DataKey.loadOrCreate(dataKeyFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataKeyFile.toString();
    }
}
