package io.lead360.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.stream.Stream;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend's database, whose collections answer a query naming one {@code _id} by reading that one
 * document. mongo-java-server uses its {@code _id} index only for a query on {@code _id} alone, so a
 * conditional update such as {@code {_id: x, appliedEvents: {$nin: [...]}}} or {@code {_id: x, version: 7}}
 * scanned and matched every document of the collection (issue 15: three quarters of analytics' ingest time
 * on the embedded default). MongoDB itself answers such a query from the index; this does the same.
 */
final class IdLookupDatabase extends H2Database {

    private static final String ID = "_id";

    /**
     * The stores of H2Backend and H2Database: private, and both open what is stored (databases, collections)
     * in their constructors, before a subclass could keep a reference of its own.
     */
    private static final java.lang.reflect.Field BACKEND_STORE = storeField(H2Backend.class);

    private static final java.lang.reflect.Field DATABASE_STORE = storeField(H2Database.class);

    private static java.lang.reflect.Field storeField(Class<?> owner) {
        try {
            java.lang.reflect.Field field = owner.getDeclaredField("mvStore");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static MVStore read(java.lang.reflect.Field store, Object owner) {
        try {
            return (MVStore) store.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database of this kind for the backend, on the backend's store. */
    static IdLookupDatabase of(H2Backend backend, String name, CursorRegistry cursors) {
        return new IdLookupDatabase(name, read(BACKEND_STORE, backend), cursors);
    }

    private IdLookupDatabase(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
    }

    /** The same maps as H2Database's own collections ({@code databases.<ns>}, {@code meta.<ns>}). */
    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore store = read(DATABASE_STORE, this);
        String namespace = getFullCollectionNamespace(collectionName);
        return new IdLookupCollection(
                this,
                collectionName,
                options,
                store.openMap("databases." + namespace),
                store.openMap("meta." + namespace),
                cursorRegistry);
    }

    private static final class IdLookupCollection extends H2Collection {

        IdLookupCollection(
                H2Database database,
                String name,
                CollectionOptions options,
                org.h2.mvstore.MVMap<Object, Document> data,
                org.h2.mvstore.MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult matchDocuments(
                Document query, Document orderBy, int skip, int limit, int batchSize, Document fieldSelector) {
            Object id = query.get(ID);
            // a plain id (no operator, no array): only the document stored under it can match
            if (id instanceof String || id instanceof ObjectId) {
                Document document = getDocument(id);
                return matchDocumentsFromStream(
                        document == null ? Stream.empty() : Stream.of(document),
                        query,
                        orderBy,
                        skip,
                        limit,
                        batchSize,
                        fieldSelector);
            }
            return super.matchDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }
    }
}
