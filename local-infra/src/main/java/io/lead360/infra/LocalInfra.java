package io.lead360.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local infrastructure in one JVM: a Kafka broker, two MongoDB-wire servers, one per
 * service, and a mail server (SMTP + IMAP, {@link EmbeddedMail}), plus {@code GET /health}. SIGTERM stops everything cleanly (MongoDB first, then Kafka), so
 * no data is lost.
 *
 * <p>Each service owns its database, and here each also gets its own server and file: feedback-service
 * holds who the raters are, analytics-service holds the answers, and in one H2 file records written
 * at nearby times end up a few bytes apart. Data lives under {@code $LEAD360_HOME/data}
 * ({@code kafka}, {@code mongodb-feedback}, {@code mongodb-analytics}), readable by its owner only.
 *
 * <p>{@code demo <gateway-url> <admin-email>} loads the demo data instead (the administrator's password in
 * {@code LEAD360_BOOTSTRAP_ADMIN_PASSWORD}, never on the command line).
 *
 * <p>Environment: {@code LEAD360_HOME} (./var), {@code LEAD360_KAFKA_PORT} (9192),
 * {@code LEAD360_MONGODB_PORT} (27117, feedback-service's store), {@code LEAD360_ANALYTICS_MONGODB_PORT}
 * (27118, analytics-service's store), {@code LEAD360_MONGODB_COMPACT_INTERVAL} (1m: how soon updated and
 * deleted documents leave the store files), {@code LEAD360_INFRA_HEALTH_PORT} (8089),
 * {@code LEAD360_SMTP_PORT} (3025) and {@code LEAD360_IMAP_PORT} (3143) of the mail server,
 * {@code LEAD360_INFRA_MAIL} (true; false when the services send through another SMTP server),
 * {@code LEAD360_INFRA_FAULT_CONTROL} (false): when true, {@code POST /faults/kafka/stop|start},
 * {@code POST /faults/mongodb/stop|start} and {@code POST /faults/smtp/stop|start} stop and start the
 * broker, both MongoDB servers, or SMTP, in-process (same ports, same data, same mailboxes), so fault
 * tests can take them away and bring them back.
 */
public final class LocalInfra {

    private static final String LOGBACK_CONFIG = "lead360-local-infra-logback.xml";
    private static final String LOGBACK_FILE_CONFIG = "lead360-local-infra-logback-file.xml";
    /** The one store of versions before the split; its analytics database moves to the analytics store. */
    static final String LEGACY_MONGO_DIR = "mongodb";

    static final String ANALYTICS_DATABASE = "lead360_analytics";

    private final Path data;
    private final EmbeddedKafka kafka;
    private final EmbeddedMongo feedbackMongo;
    private final EmbeddedMongo analyticsMongo;
    /** Null when the services send through another SMTP server. */
    private final EmbeddedMail mail;

    private final int healthPort;
    private final boolean faultControl;
    private final Logger log = LoggerFactory.getLogger(LocalInfra.class);

    private HttpServer healthServer;
    private volatile boolean up;

    LocalInfra(Settings settings) {
        this.data = settings.home().resolve("data");
        this.kafka = new EmbeddedKafka(data.resolve("kafka"), settings.kafkaPort());
        this.feedbackMongo = new EmbeddedMongo(
                data.resolve("mongodb-feedback"), settings.mongoPort(), settings.mongoCompactInterval());
        this.analyticsMongo = new EmbeddedMongo(
                data.resolve("mongodb-analytics"), settings.analyticsMongoPort(), settings.mongoCompactInterval());
        this.mail = settings.mail() ? new EmbeddedMail(settings.smtpPort(), settings.imapPort()) : null;
        this.healthPort = settings.healthPort();
        this.faultControl = settings.faultControl();
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("mail")) {
            MailInbox.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("demo")) {
            io.lead360.infra.demo.DemoLoader.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Not named logback.xml: this jar is on the test classpath of every service (via
        // test-support), where a logback.xml would take over their logging configuration.
        // LEAD360_INFRA_LOG_FILE (./lead360 sets it): a file rolled over at 10 MB, five kept, instead of the console
        if (System.getProperty("logback.configurationFile") == null) {
            String file = System.getenv("LEAD360_INFRA_LOG_FILE");
            if (file != null && !file.isBlank()) {
                System.setProperty("lead360.infra.log-file", file);
                System.setProperty("logback.configurationFile", LOGBACK_FILE_CONFIG);
            } else {
                System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
            }
        }
        LocalInfra infra = new LocalInfra(Settings.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(infra::stop, "local-infra-shutdown"));
        try {
            infra.start();
        } catch (RuntimeException | IOException e) {
            LoggerFactory.getLogger(LocalInfra.class).error("local-infra failed to start", e);
            System.exit(1); // runs the shutdown hook, which stops whatever did start
        }
    }

    void start() throws IOException {
        long started = System.nanoTime();
        // Health first, so callers polling it see 503 (not "connection refused") while we start.
        healthServer = HttpServer.create(new InetSocketAddress("127.0.0.1", healthPort), 0);
        healthServer.createContext("/health", this::health);
        if (faultControl) {
            // Off by default: only fault tests may take the servers away (and only from loopback).
            healthServer.createContext("/faults/", this::fault);
            log.warn("Fault control is ON: POST /faults/{kafka|mongodb|smtp}/{stop|start} on port {}", healthPort);
        }
        // More than one thread: a fault request that restarts Kafka must not hold up /health.
        healthServer.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-infra-health");
            t.setDaemon(true);
            return t;
        }));
        healthServer.start();
        secureDataDirs();
        splitLegacyStore();
        startMongo();
        kafka.start();
        if (mail != null) {
            mail.start();
        }
        up = true;
        log.info(
                "local-infra UP in {} ms: kafka {}, mongodb {} (feedback) and {} (analytics), health http://127.0.0.1:{}/health",
                (System.nanoTime() - started) / 1_000_000,
                kafka.bootstrapServers(),
                feedbackMongo.connectionString(),
                analyticsMongo.connectionString(),
                healthPort);
    }

    /** 0700 for {@code data} and each server's directory, 0700/0600 for whatever an earlier run left there. */
    private void secureDataDirs() {
        OwnerOnlyFiles.directory(data);
        OwnerOnlyFiles.tighten(data);
        OwnerOnlyFiles.directory(data.resolve("kafka"));
    }

    /**
     * Before the split both services' databases shared {@code data/mongodb}. Its analytics database goes
     * to the analytics store, everything else to the feedback store, each copied entry by entry (so no
     * deleted data comes along); then the shared file is deleted. Its presence means the split has not
     * finished, so an interrupted split is simply done again.
     */
    private void splitLegacyStore() throws IOException {
        Path legacyDir = data.resolve(LEGACY_MONGO_DIR);
        Path legacy = legacyDir.resolve(EmbeddedMongo.STORE_FILE);
        if (!Files.exists(legacy)) {
            return;
        }
        long began = System.nanoTime();
        Path feedbackFile = feedbackMongo.dataDir().resolve(EmbeddedMongo.STORE_FILE);
        Path analyticsFile = analyticsMongo.dataDir().resolve(EmbeddedMongo.STORE_FILE);
        OwnerOnlyFiles.directory(feedbackMongo.dataDir());
        OwnerOnlyFiles.directory(analyticsMongo.dataDir());
        Path feedbackCopy = feedbackFile.resolveSibling(EmbeddedMongo.STORE_FILE + ".split");
        Path analyticsCopy = analyticsFile.resolveSibling(EmbeddedMongo.STORE_FILE + ".split");
        StoreFile.copyEntries(legacy, analyticsCopy, LocalInfra::ofAnalyticsDatabase);
        StoreFile.copyEntries(legacy, feedbackCopy, name -> !ofAnalyticsDatabase(name));
        StoreFile.replace(analyticsCopy, analyticsFile);
        StoreFile.replace(feedbackCopy, feedbackFile);
        Files.delete(legacy);
        try (var left = Files.list(legacyDir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(legacyDir);
            }
        }
        log.info(
                "Split the shared MongoDB store {} into {} and {} in {} ms",
                legacy,
                feedbackFile,
                analyticsFile,
                (System.nanoTime() - began) / 1_000_000);
    }

    /** mongo-java-server's H2 map names: {@code databases.<db>.<collection>}, {@code meta.<db>.<collection>}, {@code <db>.<collection>._index_<name>}. */
    static boolean ofAnalyticsDatabase(String mapName) {
        return mapName.startsWith("databases." + ANALYTICS_DATABASE + ".")
                || mapName.startsWith("meta." + ANALYTICS_DATABASE + ".")
                || mapName.startsWith(ANALYTICS_DATABASE + ".");
    }

    /** Both stores, as one "MongoDB": fault control takes both away and brings both back. */
    private void startMongo() {
        feedbackMongo.start();
        analyticsMongo.start();
    }

    private void stopMongo() {
        RuntimeException failure = null;
        for (EmbeddedMongo mongo : new EmbeddedMongo[] {feedbackMongo, analyticsMongo}) {
            try {
                mongo.stop();
            } catch (RuntimeException e) {
                // the other store still stops
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    synchronized void stop() {
        up = false;
        log.info("local-infra stopping");
        try {
            stopMongo();
        } catch (RuntimeException e) {
            log.error("MongoDB did not stop cleanly", e);
        }
        try {
            kafka.stop();
        } catch (RuntimeException e) {
            log.error("Kafka did not stop cleanly", e);
        }
        if (mail != null) {
            mail.stop();
        }
        if (healthServer != null) {
            healthServer.stop(0);
            healthServer = null;
        }
        log.info("local-infra stopped");
    }

    private void health(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            boolean kafkaUp = up && kafka.isRunning();
            boolean feedbackMongoUp = up && feedbackMongo.isRunning();
            boolean analyticsMongoUp = up && analyticsMongo.isRunning();
            // SMTP away is not unhealthy: mail waits in feedback-service's outbox, nothing else depends on it
            boolean healthy = kafkaUp && feedbackMongoUp && analyticsMongoUp;
            String smtp = mail == null
                    ? "not used"
                    : mail.isRunning()
                            ? mail.host() + ":" + mail.smtpPort() + " (IMAP " + mail.imapPort() + ")"
                            : "DOWN";
            // UP: where each server listens; DOWN: which of them is down
            String body = healthy
                    ? "{\"status\":\"UP\",\"kafka\":\"" + kafka.bootstrapServers()
                            + "\",\"mongodb\":\"" + feedbackMongo.connectionString()
                            + "\",\"analyticsMongodb\":\"" + analyticsMongo.connectionString()
                            + "\",\"smtp\":\"" + smtp + "\"}"
                    : "{\"status\":\"DOWN\",\"kafka\":\"" + state(kafkaUp)
                            + "\",\"mongodb\":\"" + state(feedbackMongoUp)
                            + "\",\"analyticsMongodb\":\"" + state(analyticsMongoUp)
                            + "\",\"smtp\":\"" + smtp + "\"}";
            respond(exchange, healthy ? 200 : 503, body);
        }
    }

    private static String state(boolean up) {
        return up ? "UP" : "DOWN";
    }

    /** {@code POST /faults/<kafka|mongodb|smtp>/<stop|start>}: 200 with the new state; idempotent; mongodb means both stores. */
    private void fault(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // "", "faults", server, action
            if (parts.length != 4
                    || !Set.of("kafka", "mongodb", "smtp").contains(parts[2])
                    || !Set.of("stop", "start").contains(parts[3])
                    || (parts[2].equals("smtp") && mail == null)) {
                respond(
                        exchange,
                        404,
                        "{\"status\":404,\"detail\":\"POST /faults/{kafka|mongodb|smtp}/{stop|start}\"}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String server = parts[2];
            String action = parts[3];
            long began = System.nanoTime();
            try {
                synchronized (this) {
                    if (!up) {
                        respond(exchange, 409, "{\"status\":409,\"detail\":\"local-infra is not running\"}");
                        return;
                    }
                    switch (server + " " + action) {
                        case "kafka start" -> kafka.start();
                        case "kafka stop" -> kafka.stop();
                        case "mongodb start" -> startMongo();
                        case "mongodb stop" -> stopMongo();
                        case "smtp start" -> mail.startSmtp();
                        default -> mail.stopSmtp();
                    }
                }
            } catch (RuntimeException e) {
                log.error("fault control: {} {} failed", action, server, e);
                respond(exchange, 500, "{\"status\":500,\"detail\":\"" + action + " " + server + " failed\"}");
                return;
            }
            long millis = (System.nanoTime() - began) / 1_000_000;
            boolean running = action.equals("start");
            log.warn("fault control: {} {} in {} ms", server, running ? "started" : "stopped", millis);
            respond(
                    exchange,
                    200,
                    "{\"" + server + "\":\"" + (running ? "UP" : "DOWN") + "\",\"millis\":" + millis + "}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * @param mongoPort feedback-service's store
     * @param analyticsMongoPort analytics-service's store
     * @param mongoCompactInterval how often the running stores are compacted
     * @param mail whether to run the mail server (false: the services use another SMTP server)
     */
    record Settings(
            Path home,
            int kafkaPort,
            int mongoPort,
            int analyticsMongoPort,
            int healthPort,
            boolean faultControl,
            Duration mongoCompactInterval,
            boolean mail,
            int smtpPort,
            int imapPort) {

        private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

        static Settings fromEnvironment(Map<String, String> env) {
            return new Settings(
                    Path.of(env.getOrDefault("LEAD360_HOME", "./var"))
                            .toAbsolutePath()
                            .normalize(),
                    port(env, "LEAD360_KAFKA_PORT", 9192),
                    port(env, "LEAD360_MONGODB_PORT", 27117),
                    port(env, "LEAD360_ANALYTICS_MONGODB_PORT", 27118),
                    port(env, "LEAD360_INFRA_HEALTH_PORT", 8089),
                    Boolean.parseBoolean(env.getOrDefault("LEAD360_INFRA_FAULT_CONTROL", "false")
                            .trim()),
                    duration(env, "LEAD360_MONGODB_COMPACT_INTERVAL", EmbeddedMongo.DEFAULT_COMPACT_INTERVAL),
                    Boolean.parseBoolean(
                            env.getOrDefault("LEAD360_INFRA_MAIL", "true").trim()),
                    port(env, "LEAD360_SMTP_PORT", 3025),
                    port(env, "LEAD360_IMAP_PORT", 3143));
        }

        /** {@code 500ms}, {@code 30s}, {@code 1m}, {@code 2h} (as the services' settings read) or ISO-8601 ({@code PT1M}); positive. */
        private static Duration duration(Map<String, String> env, String name, Duration defaultValue) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return defaultValue;
            }
            String text = value.trim().toLowerCase(Locale.ROOT);
            Duration parsed = null;
            Matcher simple = SIMPLE_DURATION.matcher(text);
            try {
                if (simple.matches()) {
                    long amount = Long.parseLong(simple.group(1));
                    parsed = switch (simple.group(2)) {
                        case "ms" -> Duration.ofMillis(amount);
                        case "s" -> Duration.ofSeconds(amount);
                        case "m" -> Duration.ofMinutes(amount);
                        default -> Duration.ofHours(amount);
                    };
                } else if (text.startsWith("p")) {
                    parsed = Duration.parse(text.toUpperCase(Locale.ROOT));
                }
            } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
                parsed = null;
            }
            if (parsed == null || parsed.isZero() || parsed.isNegative()) {
                throw new IllegalArgumentException(
                        name + " must be a positive duration such as 30s, 1m or PT1M, was '" + value + "'");
            }
            return parsed;
        }

        private static int port(Map<String, String> env, String name, int defaultPort) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return defaultPort;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number, was '" + value + "'", e);
            }
        }
    }
}
