package io.lead360.analytics.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.lead360.analytics.ingest.TopicReplay;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.CollectionSet;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Rebuilds every profile from the topics: the event pipeline's {@link TopicReplay} replays them into
 * fresh collections, while the live listener writes new events into both the active and the fresh set.
 * When the replay reaches the end, the fresh set becomes the active one in one atomic update. Applying
 * is idempotent, so an event that arrives both ways counts once. Events are opened with the subjects'
 * keys exactly as live ones are: a rebuild after an erasure cannot bring anything back. The rebuild's
 * state (RUNNING, DONE, FAILED, events so far) is kept in the {@code rebuilds} collection.
 */
@Service
public class ProfileRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProfileRebuilder.class);
    private static final String COLLECTION = "rebuilds";
    private static final int PROGRESS_EVERY = 10_000;

    public enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    /** @param events events read from the topics so far */
    public record Rebuild(String rebuildId, Status status, long events) {}

    private final TopicReplay replay;
    private final ActiveCollections collections;
    private final MongoTemplate mongo;
    private final Clock clock;
    // One rebuild at a time per instance; a second request while one runs is refused.
    private final AtomicBoolean running = new AtomicBoolean();

    ProfileRebuilder(TopicReplay replay, ActiveCollections collections, MongoTemplate mongo) {
        this.replay = replay;
        this.collections = collections;
        this.mongo = mongo;
        this.clock = Clock.systemUTC();
    }

    /** @return empty when a rebuild is already running */
    public Optional<Rebuild> start() {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        String rebuildId = UUID.randomUUID().toString().replace("-", "");
        try {
            rebuilds()
                    .insertOne(new Document("_id", rebuildId)
                            .append("status", Status.RUNNING.name())
                            .append("events", 0L)
                            .append("startedAt", Date.from(clock.instant())));
        } catch (RuntimeException e) {
            // nothing started (e.g. MongoDB away): a later request may try again
            running.set(false);
            throw e;
        }
        var thread = new Thread(
                () -> {
                    try {
                        run(rebuildId);
                    } finally {
                        running.set(false);
                    }
                },
                "profile-rebuild-" + rebuildId);
        thread.setDaemon(true);
        thread.start();
        return Optional.of(new Rebuild(rebuildId, Status.RUNNING, 0));
    }

    public Optional<Rebuild> find(String rebuildId) {
        return Optional.ofNullable(rebuilds().find(Filters.eq("_id", rebuildId)).first())
                .map(doc -> new Rebuild(
                        rebuildId, Status.valueOf(doc.getString("status")), ((Number) doc.get("events")).longValue()));
    }

    private void run(String rebuildId) {
        CollectionSet target = CollectionSet.forRebuild(rebuildId);
        var events = new AtomicLong();
        var reported = new AtomicLong();
        try {
            // Dual writes start before the replay takes the end offsets, so nothing falls in between.
            collections.startBuilding(target);
            replay.replay(rebuildId, target, read -> {
                events.set(read);
                if (read - reported.get() >= PROGRESS_EVERY) {
                    reported.set(read);
                    rebuilds().updateOne(Filters.eq("_id", rebuildId), Updates.set("events", read));
                }
            });
            collections.switchTo(target);
            finish(rebuildId, Status.DONE, events.get(), null);
            log.info("rebuild {} done: {} events replayed into {}", rebuildId, events.get(), target);
        } catch (RuntimeException e) {
            log.error("rebuild {} failed", rebuildId, e);
            collections.abandon(target);
            finish(rebuildId, Status.FAILED, events.get(), e.getMessage());
        }
    }

    private void finish(String rebuildId, Status status, long events, String error) {
        rebuilds()
                .updateOne(
                        Filters.eq("_id", rebuildId),
                        Updates.combine(
                                Updates.set("status", status.name()),
                                Updates.set("events", events),
                                Updates.set("finishedAt", Date.from(clock.instant())),
                                Updates.set("error", error)));
    }

    private MongoCollection<Document> rebuilds() {
        return mongo.getCollection(COLLECTION);
    }
}
