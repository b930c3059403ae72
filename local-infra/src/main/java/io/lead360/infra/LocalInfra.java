package io.lead360.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local infrastructure in one JVM: a Kafka broker and a MongoDB-wire server, plus
 * {@code GET /health}. SIGTERM stops both cleanly (MongoDB first, then Kafka), so no data is lost.
 *
 * <p>{@code demo <gateway-url> <admin-email> <admin-password>} loads the demo data instead.
 *
 * <p>Environment: {@code LEAD360_HOME} (./var), {@code LEAD360_KAFKA_PORT} (9192),
 * {@code LEAD360_MONGODB_PORT} (27117), {@code LEAD360_INFRA_HEALTH_PORT} (8089),
 * {@code LEAD360_INFRA_FAULT_CONTROL} (false): when true, {@code POST /faults/kafka/stop|start} and
 * {@code POST /faults/mongodb/stop|start} stop and start one server in-process (same ports, same
 * data), so fault tests can take the broker or the database away and bring it back.
 */
public final class LocalInfra {

    private static final String LOGBACK_CONFIG = "lead360-local-infra-logback.xml";

    private final EmbeddedKafka kafka;
    private final EmbeddedMongo mongo;
    private final int healthPort;
    private final boolean faultControl;
    private final Logger log = LoggerFactory.getLogger(LocalInfra.class);

    private HttpServer healthServer;
    private volatile boolean up;

    LocalInfra(Settings settings) {
        Path data = settings.home().resolve("data");
        this.kafka = new EmbeddedKafka(data.resolve("kafka"), settings.kafkaPort());
        this.mongo = new EmbeddedMongo(data.resolve("mongodb"), settings.mongoPort());
        this.healthPort = settings.healthPort();
        this.faultControl = settings.faultControl();
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            io.lead360.infra.demo.DemoLoader.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        // Not named logback.xml: this jar is on the test classpath of every service (via
        // test-support), where a logback.xml would take over their logging configuration.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
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
            log.warn("Fault control is ON: POST /faults/{kafka|mongodb}/{stop|start} on port {}", healthPort);
        }
        // More than one thread: a fault request that restarts Kafka must not hold up /health.
        healthServer.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-infra-health");
            t.setDaemon(true);
            return t;
        }));
        healthServer.start();
        mongo.start();
        kafka.start();
        up = true;
        log.info("local-infra UP in {} ms: kafka {}, mongodb {}, health http://127.0.0.1:{}/health",
                (System.nanoTime() - started) / 1_000_000, kafka.bootstrapServers(), mongo.connectionString(), healthPort);
    }

    synchronized void stop() {
        up = false;
        log.info("local-infra stopping");
        try {
            mongo.stop();
        } catch (RuntimeException e) {
            log.error("MongoDB did not stop cleanly", e);
        }
        try {
            kafka.stop();
        } catch (RuntimeException e) {
            log.error("Kafka did not stop cleanly", e);
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
            boolean mongoUp = up && mongo.isRunning();
            boolean healthy = kafkaUp && mongoUp;
            String body = healthy
                    ? "{\"status\":\"UP\",\"kafka\":\"" + kafka.bootstrapServers()
                            + "\",\"mongodb\":\"" + mongo.connectionString() + "\"}"
                    : "{\"status\":\"DOWN\",\"kafka\":\"" + (kafkaUp ? "UP" : "DOWN")
                            + "\",\"mongodb\":\"" + (mongoUp ? "UP" : "DOWN") + "\"}";
            respond(exchange, healthy ? 200 : 503, body);
        }
    }

    /** {@code POST /faults/<kafka|mongodb>/<stop|start>}: 200 with the new state; idempotent. */
    private void fault(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            // "", "faults", server, action
            if (parts.length != 4 || !Set.of("kafka", "mongodb").contains(parts[2])
                    || !Set.of("stop", "start").contains(parts[3])) {
                respond(exchange, 404, "{\"status\":404,\"detail\":\"POST /faults/{kafka|mongodb}/{stop|start}\"}");
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
                        case "mongodb start" -> mongo.start();
                        default -> mongo.stop();
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
            respond(exchange, 200, "{\"" + server + "\":\"" + (running ? "UP" : "DOWN") + "\",\"millis\":" + millis + "}");
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

    record Settings(Path home, int kafkaPort, int mongoPort, int healthPort, boolean faultControl) {

        static Settings fromEnvironment(Map<String, String> env) {
            return new Settings(
                    Path.of(env.getOrDefault("LEAD360_HOME", "./var")).toAbsolutePath().normalize(),
                    port(env, "LEAD360_KAFKA_PORT", 9192),
                    port(env, "LEAD360_MONGODB_PORT", 27117),
                    port(env, "LEAD360_INFRA_HEALTH_PORT", 8089),
                    Boolean.parseBoolean(env.getOrDefault("LEAD360_INFRA_FAULT_CONTROL", "false").trim()));
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
