package io.lead360.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process),
 * listening on 127.0.0.1 only. Data lives in {@code dataDir} and survives a restart: the directory
 * is formatted only the first time.
 */
public final class EmbeddedKafka {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Path dataDir;
    private final int requestedPort;
    private final int requestedControllerPort;

    // volatile: isRunning() answers health checks without waiting for a start or stop in progress
    private volatile KafkaRaftServer server;
    private int port;
    private int controllerPort;

    /** Broker on {@code port} (0 = a free port), controller on {@code port + 1} (or a free port). */
    public EmbeddedKafka(Path dataDir, int port) {
        this(dataDir, port, port == 0 ? 0 : port + 1);
    }

    public EmbeddedKafka(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = port;
        this.requestedControllerPort = controllerPort;
    }

    /** Starts the broker and returns once it is unfenced and accepts clients. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        // Ports are fixed on the first start so a restart keeps the same bootstrap address.
        if (port == 0) {
            port = FreePort.orFree(requestedPort);
            controllerPort = FreePort.orFree(requestedControllerPort);
        }
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(), false);
        formatIfNeeded(config);
        long started = System.nanoTime();
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            raftServer.shutdown();
            raftServer.awaitShutdown();
            throw e;
        }
        server = raftServer;
        log.info(
                "Kafka broker up at {} in {} ms (data in {})",
                bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000,
                dataDir);
    }

    /** Controlled shutdown: the broker leaves the cluster, then the controller stops; logs are flushed. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker at {} stopped", bootstrapServers());
    }

    public boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:<port>}; valid after the first {@link #start()}. */
    public synchronized String bootstrapServers() {
        if (port == 0) {
            throw new IllegalStateException("Kafka has not been started yet");
        }
        return HOST + ":" + port;
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        // A single node can only ever hold one replica of anything.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "true");
        // Consumers join immediately instead of waiting 3 s for more members.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Small footprint: this is a developer machine, not a production cluster.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        return p;
    }

    private void formatIfNeeded(KafkaConfig config) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            new Formatter()
                    .setPrintStream(System.out)
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dataDir.toString())
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data dir " + dataDir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka data dir " + dataDir, e);
        }
        log.info("Formatted new Kafka data dir {}", dataDir);
    }
}
