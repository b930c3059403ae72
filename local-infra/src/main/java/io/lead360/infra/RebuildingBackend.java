package io.lead360.infra;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.h2.mvstore.MVStore;

/**
 * The backend the wire server talks to: an H2 backend that can be replaced, between two commands, by
 * one on a rebuilt file. Every call holds the read lock; {@link #replace} holds the write lock, so it
 * waits for the commands in flight and the next ones wait for it.
 */
final class RebuildingBackend implements MongoBackend {

    /** An H2 backend that tells how many query cursors are open. */
    static final class StoreBackend extends H2Backend {

        StoreBackend(MVStore store) {
            super(store);
        }

        /** Databases whose queries on one {@code _id} read one document (see {@link IdLookupDatabase}). */
        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return IdLookupDatabase.of(this, databaseName, getCursorRegistry());
        }

        int openCursors() {
            return getCursorRegistry().size();
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile StoreBackend current;
    private boolean oplog;

    RebuildingBackend(StoreBackend first) {
        this.current = first;
    }

    /**
     * Replaces the backend with what {@code rebuild} makes of it, unless query cursors are open and
     * {@code evenWithOpenCursors} is false: a cursor lives in its backend, so a client still reading
     * one would get "cursor not found".
     *
     * @return false when it did not replace (open cursors)
     */
    boolean replace(UnaryOperator<StoreBackend> rebuild, boolean evenWithOpenCursors) {
        lock.writeLock().lock();
        try {
            if (!evenWithOpenCursors && current.openCursors() > 0) {
                return false;
            }
            StoreBackend next = rebuild.apply(current);
            if (next != current && oplog) {
                next.enableOplog();
            }
            current = next;
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The store in use (do not keep it: a rebuild closes it). */
    MVStore store() {
        return current.getMvStore();
    }

    int openCursors() {
        return current.openCursors();
    }

    private <T> T read(Supplier<T> call) {
        lock.readLock().lock();
        try {
            return call.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void run(Runnable call) {
        lock.readLock().lock();
        try {
            call.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void handleClose(Channel channel) {
        run(() -> current.handleClose(channel));
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return read(() -> current.handleCommand(channel, database, command, query));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return read(() -> current.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return read(() -> current.handleMessage(message));
    }

    @Override
    public void dropDatabase(String database) {
        run(() -> current.dropDatabase(database));
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return read(() -> current.getCurrentOperations(query));
    }

    @Override
    public Document getServerStatus() {
        return read(current::getServerStatus);
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            current.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        run(() -> current.closeCursors(cursorIds));
    }

    @Override
    public Clock getClock() {
        return current.getClock();
    }

    @Override
    public void enableOplog() {
        lock.writeLock().lock();
        try {
            oplog = true;
            current.enableOplog();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void disableOplog() {
        lock.writeLock().lock();
        try {
            oplog = false;
            current.disableOplog();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return read(() -> current.resolveDatabase(database));
    }

    /** Not supported: lead360 keeps the default version (the 5.x driver refuses the older ones). */
    @Override
    public MongoBackend version(MongoVersion version) {
        throw new UnsupportedOperationException("the embedded MongoDB keeps its default version");
    }
}
