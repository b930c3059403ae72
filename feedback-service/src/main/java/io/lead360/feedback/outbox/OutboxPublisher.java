package io.lead360.feedback.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.config.FeedbackProperties;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Moves the outbox entries of cycles and erasures to Kafka: send, wait for the broker's ack, then
 * pull the entry. A crash between the two publishes twice (consumers are idempotent); Kafka down
 * leaves entries waiting. Submissions do not pass here: they wait in their ballot (see
 * {@code ballot.BallotPublisher}). Runs on the scheduler thread, never on a request thread.
 *
 * <p>Each entry is published under an observation ({@value #OBSERVATION}) that continues the trace of
 * the administrator's request which wrote it (the entry's {@code traceparent}); the Kafka send is its
 * child, so the record's {@code traceparent} header carries that trace on to analytics-service.
 */
@Component
class OutboxPublisher implements SmartLifecycle {

    /** The collections whose documents carry an outbox array. */
    static final List<String> COLLECTIONS = List.of("cycles", "erasures");

    static final String OBSERVATION = "lead360.outbox.publish";

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final MongoTemplate mongo;
    private final EventSender sender;
    private final FeedbackProperties.Outbox settings;
    private final ObservationRegistry observations;
    private final PublisherLoop loop;

    OutboxPublisher(
            MongoTemplate mongo, EventSender sender, FeedbackProperties properties, ObservationRegistry observations) {
        this.mongo = mongo;
        this.sender = sender;
        this.settings = properties.outbox();
        this.observations = observations;
        this.loop = new PublisherLoop("outbox-publisher", this::publishSafely, new Wakeup(), settings.pollInterval());
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    /** @return whether the round found a full batch in some collection */
    boolean publishSafely() {
        try {
            return publishPending() >= settings.batchSize();
        } catch (RuntimeException e) {
            log.warn("Outbox round failed, retrying later: {}", e.toString());
            return false;
        }
    }

    /**
     * One round: every entry of up to batchSize documents per collection in flight together, one wait
     * for all acknowledgements, then one bulk update per collection pulling what was acknowledged. A
     * document's entries are sent in order under one key (one partition, one producer: Kafka keeps
     * that order); only the acknowledged prefix is pulled, so a failed send keeps it and everything after.
     *
     * @return how many entries were published
     */
    int publishPending() {
        record Sent(Document document, Document entry, CompletableFuture<?> ack) {}
        Map<String, List<Sent>> sent = new LinkedHashMap<>();
        for (String collection : COLLECTIONS) {
            Query pending =
                    Query.query(where(OutboxEntry.FIELD + ".0").exists(true)).limit(settings.batchSize());
            pending.fields().include(OutboxEntry.FIELD);
            List<Document> documents = mongo.find(pending, Document.class, collection);
            if (documents.isEmpty()) {
                continue;
            }
            if (!sender.topicsReady()) {
                return 0;
            }
            List<Sent> sends = new ArrayList<>();
            for (Document document : documents) {
                for (Document entry : document.getList(OutboxEntry.FIELD, Document.class)) {
                    sends.add(new Sent(document, entry, send(entry, collection)));
                }
            }
            sent.put(collection, sends);
        }
        awaitAll(sent.values().stream().flatMap(List::stream).map(Sent::ack).toList());
        int published = 0;
        for (Map.Entry<String, List<Sent>> collection : sent.entrySet()) {
            BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection.getKey());
            Map<Object, List<String>> acknowledged = new LinkedHashMap<>();
            Set<Object> stopped = new HashSet<>();
            for (Sent s : collection.getValue()) {
                Object id = s.document().get("_id");
                if (stopped.contains(id) || !s.ack().isDone() || s.ack().isCompletedExceptionally()) {
                    stopped.add(id); // the order of a document's entries: nothing after a failed one
                    continue;
                }
                acknowledged
                        .computeIfAbsent(id, k -> new ArrayList<>())
                        .add(s.entry().getString("eventId"));
            }
            acknowledged.forEach((id, eventIds) -> pulls.updateOne(
                    Query.query(where("_id").is(id)),
                    new Update().pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", eventIds)))));
            if (!acknowledged.isEmpty()) {
                pulls.execute();
            }
            published += acknowledged.values().stream().mapToInt(List::size).sum();
        }
        return published;
    }

    private void awaitAll(List<CompletableFuture<?>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the failed ones are logged by their callbacks and stay in the outbox
        }
    }

    /** Starts the send under the entry's observation, which its acknowledgement (or failure) stops. */
    private CompletableFuture<?> send(Document entry, String collection) {
        String type = entry.getString("type");
        Observation observation = Observation.createNotStarted(OBSERVATION, () -> storedTraceOf(entry), observations)
                .contextualName("outbox publish " + type)
                .lowCardinalityKeyValue("lead360.event.type", type)
                .lowCardinalityKeyValue("lead360.outbox.collection", collection)
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            return sender.send(entry.getString("topic"), entry.getString("key"), type, entry.getString("payload"))
                    .whenComplete((ok, e) -> {
                        if (e == null) {
                            // an administrator's action reached Kafka; the line carries its trace id (nothing about a
                            // person)
                            log.info(
                                    "Published {} {} to {}",
                                    type,
                                    entry.getString("eventId"),
                                    entry.getString("topic"));
                        } else {
                            observation.error(e);
                            log.warn(
                                    "Could not publish event {} to {}: {}",
                                    entry.getString("eventId"),
                                    entry.getString("topic"),
                                    e.toString());
                        }
                        observation.stop();
                    });
        } catch (RuntimeException e) {
            observation.error(e);
            observation.stop();
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The entry as the carrier of the trace context it was written with (none: a trace of its own). */
    private static ReceiverContext<Document> storedTraceOf(Document entry) {
        ReceiverContext<Document> context = new ReceiverContext<>((carrier, key) ->
                OutboxEntry.TRACEPARENT.equals(key) ? carrier.getString(OutboxEntry.TRACEPARENT) : null);
        context.setCarrier(entry);
        return context;
    }
}
