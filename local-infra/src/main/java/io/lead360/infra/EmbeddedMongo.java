package io.lead360.infra;

import de.bwaldvogel.mongo.MongoServer;
import io.lead360.infra.RebuildingBackend.StoreBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server (mongo-java-server) persisting to an H2 MVStore file under {@code dataDir},
 * listening on 127.0.0.1 only. A clean {@link #stop()} closes the store, so no data is lost;
 * H2 commits every second, so a write made just before {@code kill -9} can be.
 *
 * <p>What was updated or deleted leaves the file: every {@code compactInterval}, if anything changed,
 * the server pauses between two commands, copies its live entries into a new file and goes on with
 * that one (see {@link StoreFile} for why H2's own compaction is not enough). A clean stop and the
 * first start in a JVM do the same with the server down. The pause grows with the data: measured on
 * 2 cores, about 0.5 s for 10,000 documents (10 MB) and 4 s for 50,000 (48 MB). The directory is
 * 0700, the files 0600.
 */
public final class EmbeddedMongo {

    public static final Duration DEFAULT_COMPACT_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String HOST = "127.0.0.1";
    static final String STORE_FILE = "mongodb.mv.db";
    /** How long a compaction waits for clients to finish reading open cursors before it goes ahead anyway. */
    private static final Duration CURSOR_GRACE = Duration.ofSeconds(10);

    private static final long CURSOR_RETRY_MILLIS = 200;

    private final Path dataDir;
    private final int requestedPort;
    private final Duration compactInterval;

    // volatile: isRunning() answers health checks without waiting for a start or stop in progress
    private volatile MongoServer server;
    private volatile RebuildingBackend backend;
    private ScheduledExecutorService compactor;
    private volatile boolean stopping;
    private int port;
    /** True once this instance rebuilt the file at a stop: a restart need not rebuild it again. */
    private boolean rebuilt;
    /** Held by the one compaction that runs; not this object's monitor, which stop() holds while it waits for it. */
    private final Object compacting = new Object();
    /** The store version right after the last rebuild (guarded by {@link #compacting}): unchanged since, nothing to do. */
    private long rebuiltVersion = -1;
    /** Rebuilds of the running store by this instance (guarded by {@link #compacting}). */
    private long rebuilds;

    /** {@code port} 0 = a free port (kept across restarts of this instance); compacts every minute. */
    public EmbeddedMongo(Path dataDir, int port) {
        this(dataDir, port, DEFAULT_COMPACT_INTERVAL);
    }

    public EmbeddedMongo(Path dataDir, int port, Duration compactInterval) {
        if (compactInterval.isNegative() || compactInterval.isZero()) {
            throw new IllegalArgumentException("compactInterval must be positive, was " + compactInterval);
        }
        this.dataDir = dataDir.toAbsolutePath();
        this.requestedPort = port;
        this.compactInterval = compactInterval;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        OwnerOnlyFiles.directory(dataDir);
        OwnerOnlyFiles.tighten(dataDir);
        Path file = storeFile();
        StoreFile.removeLeftovers(file);
        if (!rebuilt) {
            // whatever a crash, or a version before the rebuilds, left in the file goes now
            rebuildClosed("at start");
        }
        if (port == 0) {
            port = FreePort.orFree(requestedPort);
        }
        StoreBackend first = new StoreBackend(StoreFile.open(file));
        RebuildingBackend rebuilding = new RebuildingBackend(first);
        MongoServer mongoServer = new MongoServer(rebuilding);
        try {
            mongoServer.bind(HOST, port);
        } catch (RuntimeException e) {
            rebuilding.close();
            throw e;
        }
        backend = rebuilding;
        synchronized (compacting) {
            rebuiltVersion = committedVersion(first.getMvStore());
        }
        server = mongoServer;
        rebuilt = false;
        stopping = false;
        compactor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mongodb-compaction-" + port);
            t.setDaemon(true);
            return t;
        });
        long every = compactInterval.toMillis();
        compactor.scheduleWithFixedDelay(this::compactIfChanged, every, every, TimeUnit.MILLISECONDS);
        log.info(
                "MongoDB-wire server up at {} (data in {}, compacted every {})",
                connectionString(),
                dataDir,
                compactInterval);
    }

    /** Stops listening, closes the H2 store (which writes everything to disk), then rebuilds its file. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        stopCompactor();
        server.shutdown();
        server = null;
        backend = null;
        rebuilt = rebuildClosed("at stop");
        log.info("MongoDB-wire server at {} stopped", connectionString());
    }

    /**
     * Rebuilds the running store's file now if anything changed since the last rebuild (the periodic
     * compaction does this every {@code compactInterval}).
     *
     * @return false when nothing had changed
     */
    boolean compactNow() {
        RebuildingBackend current;
        synchronized (this) {
            if (backend == null) {
                throw new IllegalStateException("MongoDB does not run");
            }
            current = backend;
        }
        return compact(current);
    }

    /** How often this instance rebuilt its running store (tests). */
    long rebuilds() {
        synchronized (compacting) {
            return rebuilds;
        }
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

    /** The directory this server's files live in. */
    public Path dataDir() {
        return dataDir;
    }

    private Path storeFile() {
        return dataDir.resolve(STORE_FILE);
    }

    private void compactIfChanged() {
        RebuildingBackend current = backend;
        if (current != null) {
            compact(current);
        }
    }

    /** One compaction at a time; waits up to {@link #CURSOR_GRACE} for open cursors to be read to the end. */
    private boolean compact(RebuildingBackend current) {
        synchronized (compacting) {
            return compactExclusively(current);
        }
    }

    private boolean compactExclusively(RebuildingBackend current) {
        long graceEnds = System.nanoTime() + CURSOR_GRACE.toNanos();
        long rebuildsBefore = rebuilds;
        try {
            while (!stopping) {
                boolean late = System.nanoTime() - graceEnds > 0;
                int cursors = current.openCursors();
                if (current.replace(this::rebuildOpen, late)) {
                    if (late && cursors > 0) {
                        log.warn(
                                "MongoDB store {} rebuilt although {} query cursors stayed open for {}; "
                                        + "their clients get 'cursor not found'",
                                storeFile(),
                                cursors,
                                CURSOR_GRACE);
                    }
                    return rebuilds != rebuildsBefore;
                }
                compacting.wait(CURSOR_RETRY_MILLIS);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            // the store in use stays as it was; the next interval tries again
            log.error("MongoDB store {}: compaction failed", storeFile(), e);
            return false;
        }
    }

    /**
     * Runs with every command held back: copies the live entries of {@code old}'s store into a new file,
     * closes {@code old}, puts the copy in place of its file and opens it. Returns {@code old} itself,
     * untouched, when nothing changed since the last rebuild; when the copy fails, throws with
     * {@code old} still open and in use.
     */
    private StoreBackend rebuildOpen(StoreBackend old) {
        MVStore store = old.getMvStore();
        if (committedVersion(store) == rebuiltVersion) {
            return old;
        }
        long began = System.nanoTime();
        Path file = storeFile();
        Path copy = StoreFile.copyOf(file);
        StoreFile.copyEntries(store, copy, name -> true);
        old.close();
        try {
            StoreFile.replace(copy, file);
        } catch (RuntimeException e) {
            // the old file is still in place and complete: go on with it
            log.error("MongoDB store {}: the rebuilt copy could not replace it; going on with the old file", file, e);
        }
        StoreBackend next = new StoreBackend(StoreFile.open(file));
        rebuiltVersion = committedVersion(next.getMvStore());
        rebuilds++;
        log.info(
                "MongoDB store {} rebuilt in {} ms ({} bytes; commands waited meanwhile)",
                file,
                millisSince(began),
                size(file));
        return next;
    }

    /** Rebuilds the closed store file; on failure the file stays as it was (nothing is lost) and false is returned. */
    private boolean rebuildClosed(String when) {
        long began = System.nanoTime();
        try {
            if (StoreFile.rebuild(storeFile())) {
                log.info(
                        "MongoDB store {} rebuilt from its live entries {} in {} ms ({} bytes)",
                        storeFile(),
                        when,
                        millisSince(began),
                        size(storeFile()));
            }
            return true;
        } catch (RuntimeException e) {
            log.error("MongoDB store {} could not be rebuilt {}; it stays as it was", storeFile(), when, e);
            return false;
        }
    }

    /**
     * Lets a running compaction finish instead of interrupting it: an interrupt during file I/O closes
     * H2's file channel and leaves the store unusable.
     */
    private void stopCompactor() {
        stopping = true;
        compactor.shutdown();
        try {
            if (!compactor.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("MongoDB store {}: compaction still runs after a minute; closing anyway", storeFile());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        compactor = null;
    }

    /** Commits what is pending; the version then tells whether anything changed ({@code commit()} answers -1 when nothing did). */
    private static long committedVersion(MVStore store) {
        store.commit();
        return store.getCurrentVersion();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
