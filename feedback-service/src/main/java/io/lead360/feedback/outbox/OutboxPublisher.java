package io.lead360.feedback.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.feedback.config.FeedbackProperties;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
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
class OutboxPublisher implements SchedulingConfigurer {

    /** The collections whose documents carry an outbox array. */
    static final List<String> COLLECTIONS = List.of("cycles", "erasures");

    static final String OBSERVATION = "lead360.outbox.publish";

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final MongoTemplate mongo;
    private final EventSender sender;
    private final FeedbackProperties.Outbox settings;
    private final ObservationRegistry observations;

    OutboxPublisher(
            MongoTemplate mongo, EventSender sender, FeedbackProperties properties, ObservationRegistry observations) {
        this.mongo = mongo;
        this.sender = sender;
        this.settings = properties.outbox();
        this.observations = observations;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::publishSafely, settings.pollInterval());
    }

    void publishSafely() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            log.warn("Outbox round failed, retrying later: {}", e.toString());
        }
    }

    /** @return how many entries were published */
    int publishPending() {
        int published = 0;
        for (String collection : COLLECTIONS) {
            Query pending =
                    Query.query(where(OutboxEntry.FIELD + ".0").exists(true)).limit(settings.batchSize());
            pending.fields().include(OutboxEntry.FIELD);
            List<Document> documents = mongo.find(pending, Document.class, collection);
            if (!documents.isEmpty() && !sender.topicsReady()) {
                return published;
            }
            for (Document document : documents) {
                for (Document entry : document.getList(OutboxEntry.FIELD, Document.class)) {
                    if (!send(entry, collection)) {
                        return published; // broker unreachable: stop the round, keep the order
                    }
                    mongo.updateFirst(
                            Query.query(where("_id").is(document.get("_id"))),
                            new Update().pull(OutboxEntry.FIELD, new Document("eventId", entry.getString("eventId"))),
                            collection);
                    published++;
                }
            }
        }
        return published;
    }

    private boolean send(Document entry, String collection) {
        String type = entry.getString("type");
        Observation observation = Observation.createNotStarted(OBSERVATION, () -> storedTraceOf(entry), observations)
                .contextualName("outbox publish " + type)
                .lowCardinalityKeyValue("lead360.event.type", type)
                .lowCardinalityKeyValue("lead360.outbox.collection", collection)
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            sender.send(entry.getString("topic"), entry.getString("key"), type, entry.getString("payload"))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            // an administrator's action reached Kafka; the line carries its trace id (nothing about a person)
            log.info("Published {} {} to {}", type, entry.getString("eventId"), entry.getString("topic"));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            observation.error(e);
            return false;
        } catch (Exception e) {
            observation.error(e);
            log.warn(
                    "Could not publish event {} to {}: {}",
                    entry.getString("eventId"),
                    entry.getString("topic"),
                    e.toString());
            return false;
        } finally {
            observation.stop();
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
