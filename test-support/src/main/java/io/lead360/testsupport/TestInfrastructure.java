package io.lead360.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.lead360.infra.EmbeddedKafka;
import io.lead360.infra.EmbeddedMail;
import io.lead360.infra.EmbeddedMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The MongoDB and Kafka that integration tests talk to: one pair per JVM, started on first use.
 * Testcontainers where a Docker engine answers, otherwise local-infra's embedded broker and
 * MongoDB-wire server on free ports in a temporary directory.
 *
 * <p>System properties: {@code lead360.test.infra} = {@code auto} (default), {@code containers}
 * or {@code embedded}; {@code lead360.test.mongo-image} (mongo:8.0);
 * {@code lead360.test.kafka-image} (apache/kafka:4.1.2).
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    private static TestInfrastructure instance;

    private final String mongoUri;
    private final String kafkaBootstrap;
    private final boolean usesContainers;
    /** A real SMTP + IMAP server (GreenMail) on free ports; the same with or without Docker. */
    private final EmbeddedMail mail;

    private TestInfrastructure(String mongoUri, String kafkaBootstrap, boolean usesContainers) {
        this.mongoUri = mongoUri;
        this.kafkaBootstrap = kafkaBootstrap;
        this.usesContainers = usesContainers;
        this.mail = new EmbeddedMail(0, 0);
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "lead360-test-mail-stop"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            instance = useContainers() ? startContainers() : startEmbedded();
            log.info(
                    "Test infrastructure up ({}): mongodb {}, kafka {}",
                    instance.usesContainers ? "containers" : "embedded",
                    instance.mongoUri,
                    instance.kafkaBootstrap);
        }
        return instance;
    }

    /** {@code mongodb://host:port}, no database: each test names its own. */
    public String mongoUri() {
        return mongoUri;
    }

    /** {@code host:port}. */
    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public boolean usesContainers() {
        return usesContainers;
    }

    /** The mail server the services send to in tests; read what they sent over its IMAP port. */
    public EmbeddedMail mail() {
        return mail;
    }

    /** What was sent to the address so far, read over IMAP. */
    public java.util.List<io.lead360.infra.MailInbox.Mail> inbox(String address) {
        return io.lead360.infra.MailInbox.read(mail.host(), mail.imapPort(), address);
    }

    /** For {@code @DynamicPropertySource}: points Spring at this MongoDB, this Kafka, this mail server and {@link TestTokens}' JWKS. */
    public static void registerProperties(DynamicPropertyRegistry registry) {
        TestInfrastructure infra = get();
        registry.add("spring.mongodb.uri", infra::mongoUri);
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrap);
        registry.add("spring.mail.host", () -> infra.mail().host());
        registry.add("spring.mail.port", () -> infra.mail().smtpPort());
        registry.add("lead360.auth.jwks-uri", () -> TestTokens.get().jwksUri());
    }

    private static boolean useContainers() {
        String mode = System.getProperty("lead360.test.infra", "auto");
        return switch (mode) {
            case "containers" -> true;
            case "embedded" -> false;
            case "auto" -> DockerClientFactory.instance().isDockerAvailable();
            default ->
                throw new IllegalArgumentException(
                        "lead360.test.infra must be auto, containers or embedded, was '" + mode + "'");
        };
    }

    private static TestInfrastructure startContainers() {
        MongoDBContainer mongo = new MongoDBContainer(System.getProperty("lead360.test.mongo-image", "mongo:8.0"));
        KafkaContainer kafka = new KafkaContainer(System.getProperty("lead360.test.kafka-image", "apache/kafka:4.1.2"));
        // Ryuk removes the containers too; stopping them here just frees resources sooner.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            mongo.stop();
                            kafka.stop();
                        },
                        "lead360-test-containers-stop"));
        mongo.start();
        kafka.start();
        return new TestInfrastructure(mongo.getConnectionString(), kafka.getBootstrapServers(), true);
    }

    private static TestInfrastructure startEmbedded() {
        Path dir;
        try {
            dir = Files.createTempDirectory("lead360-test-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for the embedded test infrastructure", e);
        }
        quietEmbeddedServerLogging();
        EmbeddedMongo mongo = new EmbeddedMongo(dir.resolve("mongodb"), 0);
        EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka"), 0);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            mongo.stop();
                            kafka.stop();
                            deleteQuietly(dir);
                        },
                        "lead360-test-infra-stop"));
        mongo.start();
        kafka.start();
        return new TestInfrastructure(mongo.connectionString(), kafka.bootstrapServers(), false);
    }

    /**
     * The in-JVM broker logs hundreds of INFO lines per start into the test's own log. Best effort:
     * Spring Boot resets levels if it initialises logging after this (it does not re-initialise
     * for later contexts). Kafka client loggers are left alone.
     */
    private static void quietEmbeddedServerLogging() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        List.of(
                        "kafka",
                        "state.change.logger",
                        "org.apache.kafka.server",
                        "org.apache.kafka.controller",
                        "org.apache.kafka.raft",
                        "org.apache.kafka.metadata",
                        "org.apache.kafka.image",
                        "org.apache.kafka.storage",
                        "org.apache.kafka.coordinator",
                        "org.apache.kafka.queue",
                        "org.apache.kafka.snapshot",
                        "org.apache.kafka.network",
                        "de.bwaldvogel.mongo")
                .forEach(name -> context.getLogger(name).setLevel(Level.WARN));
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a leftover temp dir is harmless
        }
    }
}
