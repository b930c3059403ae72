package io.lead360.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server (mongo-java-server) persisting to an H2 MVStore file under {@code dataDir},
 * listening on 127.0.0.1 only. A clean {@link #stop()} closes the store, so no data is lost;
 * H2 commits every second, so a write made just before {@code kill -9} can be.
 */
public final class EmbeddedMongo {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String HOST = "127.0.0.1";
    static final String STORE_FILE = "mongodb.mv.db";

    private final Path dataDir;
    private final int requestedPort;

    // volatile: isRunning() answers health checks without waiting for a start or stop in progress
    private volatile MongoServer server;
    private int port;

    /** {@code port} 0 = a free port (kept across restarts of this instance). */
    public EmbeddedMongo(Path dataDir, int port) {
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create MongoDB data dir " + dataDir, e);
        }
        if (port == 0) {
            port = FreePort.orFree(requestedPort);
        }
        H2Backend backend = new H2Backend(dataDir.resolve(STORE_FILE).toString());
        MongoServer mongoServer = new MongoServer(backend);
        try {
            mongoServer.bind(HOST, port);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        server = mongoServer;
        log.info("MongoDB-wire server up at {} (data in {})", connectionString(), dataDir);
    }

    /** Stops listening and closes the H2 store, which writes everything to disk. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server = null;
        log.info("MongoDB-wire server at {} stopped", connectionString());
    }

    public boolean isRunning() {
        return server != null;
    }

    /** {@code mongodb://127.0.0.1:<port>} without a database; valid after the first {@link #start()}. */
    public synchronized String connectionString() {
        if (port == 0) {
            throw new IllegalStateException("MongoDB has not been started yet");
        }
        return "mongodb://" + HOST + ":" + port;
    }
}
