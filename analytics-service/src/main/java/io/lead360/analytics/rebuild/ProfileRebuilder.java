package io.lead360.analytics.rebuild;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.lead360.analytics.config.AnalyticsProperties;
import io.lead360.analytics.ingest.EventApplier;
import io.lead360.analytics.ingest.EventOpener;
import io.lead360.analytics.ingest.EventReader;
import io.lead360.analytics.ingest.InvalidEventException;
import io.lead360.analytics.ingest.OpenedEvent;
import io.lead360.analytics.ingest.TransientFailures;
import io.lead360.analytics.storage.ActiveCollections;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Service;

/**
 * Rebuilds every profile from the topics: a consumer of its own (its own group id, assigned to
 * every partition from the beginning) replays up to the end offsets taken at the start into fresh
 * collections, while the live listener writes new events into both the active and the fresh set.
 * When the replay reaches the end, the fresh set becomes the active one in one atomic update.
 * Applying is idempotent, so an event that arrives both ways counts once. Events are opened with
 * the subjects' keys exactly as live ones are: a rebuild after an erasure cannot bring anything back.
 */
@Service
public class ProfileRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProfileRebuilder.class);
    private static final String COLLECTION = "rebuilds";
    private static final List<String> TOPICS = List.of(Topics.CYCLE_EVENTS, Topics.FEEDBACK_SUBMITTED);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int PROGRESS_EVERY = 10_000;

    public enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    /** @param events events read from the topics so far */
    public record Rebuild(String rebuildId, Status status, long events) {}

    private final ConsumerFactory<?, ?> consumers;
    private final EventReader reader;
    private final EventOpener opener;
    private final EventApplier applier;
    private final ActiveCollections collections;
    private final MongoTemplate mongo;
    private final AnalyticsProperties properties;
    private final Clock clock;
    // One rebuild at a time per instance; a second request while one runs is refused.
    private final AtomicBoolean running = new AtomicBoolean();

    ProfileRebuilder(
            ConsumerFactory<?, ?> consumers,
            EventReader reader,
            EventOpener opener,
            EventApplier applier,
            ActiveCollections collections,
            MongoTemplate mongo,
            AnalyticsProperties properties) {
        this.consumers = consumers;
        this.reader = reader;
        this.opener = opener;
        this.applier = applier;
        this.collections = collections;
        this.mongo = mongo;
        this.properties = properties;
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
        long events = 0;
        try {
            // Dual writes start before the end offsets are taken, so nothing falls in between.
            collections.startBuilding(target);
            try (Consumer<String, String> consumer = consumer(rebuildId)) {
                var partitions = new ArrayList<TopicPartition>();
                for (String topic : TOPICS) {
                    consumer.partitionsFor(topic)
                            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Instant lastRecord = clock.instant();
                long reported = 0;
                while (!reachedEnd(consumer, end)) {
                    ConsumerRecords<String, String> records = consumer.poll(POLL);
                    if (records.isEmpty()) {
                        if (Duration.between(lastRecord, clock.instant())
                                        .compareTo(properties.rebuild().idleTimeout())
                                > 0) {
                            throw new IllegalStateException("the topics stopped yielding records before their end");
                        }
                        continue;
                    }
                    lastRecord = clock.instant();
                    events += apply(records, target);
                    if (events - reported >= PROGRESS_EVERY) {
                        reported = events;
                        rebuilds().updateOne(Filters.eq("_id", rebuildId), Updates.set("events", events));
                    }
                }
            }
            collections.switchTo(target);
            finish(rebuildId, Status.DONE, events, null);
            log.info("rebuild {} done: {} events replayed into {}", rebuildId, events, target);
        } catch (RuntimeException e) {
            log.error("rebuild {} failed", rebuildId, e);
            collections.abandon(target);
            finish(rebuildId, Status.FAILED, events, e.getMessage());
        }
    }

    /**
     * Invalid values went to the dead-letter topic when they first arrived; a replay skips them, and
     * so every event about an erased subject (the key is destroyed: nothing of it opens again). A
     * short outage of MongoDB or of feedback-service's keys is waited out, up to the idle timeout;
     * after that the rebuild fails rather than switch to profiles with events missing.
     */
    private long apply(ConsumerRecords<String, String> records, CollectionSet target) {
        var events = new ArrayList<FeedbackEvent>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(reader.read(record.value()));
            } catch (InvalidEventException e) {
                log.debug("rebuild skips invalid record {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
        }
        Instant waitingSince = null;
        while (true) {
            try {
                openAndApply(events, target);
                return records.count();
            } catch (RuntimeException e) {
                if (!TransientFailures.isTransient(e)) {
                    throw e;
                }
                Instant now = clock.instant();
                waitingSince = waitingSince == null ? now : waitingSince;
                if (Duration.between(waitingSince, now)
                                .compareTo(properties.rebuild().idleTimeout())
                        > 0) {
                    throw new IllegalStateException(
                            "the store or feedback-service's keys stayed unavailable: " + e.getMessage(), e);
                }
                pause(properties.kafka().retryBackOff());
            }
        }
    }

    private void openAndApply(List<FeedbackEvent> events, CollectionSet target) {
        EventOpener.Opening opening = opener.open(events);
        for (EventOpener.Result result : opening.results()) {
            if (result.failure() != null) {
                if (TransientFailures.isTransient(result.failure())) {
                    throw result.failure();
                }
                log.debug(
                        "rebuild skips an event that does not open: {}",
                        result.failure().getMessage());
            }
        }
        List<OpenedEvent> opened = opening.opened();
        try {
            applier.apply(opened, List.of(target));
        } catch (EventApplier.EventApplyException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            // Retry one by one so that one unusable event does not stop the rebuild.
            for (OpenedEvent event : opened) {
                try {
                    applier.apply(List.of(event), List.of(target));
                } catch (EventApplier.EventApplyException skipped) {
                    if (TransientFailures.isTransient(skipped)) {
                        throw skipped;
                    }
                    log.warn("rebuild skips event {}: {}", event.event().eventId(), skipped.getMessage());
                }
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        }
    }

    private static boolean reachedEnd(Consumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, String> consumer(String rebuildId) {
        var overrides = new Properties();
        overrides.put(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.rebuild().maxPollRecords());
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return (Consumer<String, String>) consumers.createConsumer(
                "lead360-analytics-rebuild-" + rebuildId, "rebuild-" + rebuildId, null, overrides);
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
