package io.lead360.feedback.ballot;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.Topics;
import io.lead360.feedback.config.FeedbackProperties;
import io.lead360.feedback.outbox.EventSender;
import io.lead360.feedback.outbox.PublisherLoop;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Publishes what the {@link BatchRule} lets out of each due ballot: all sends of a round in flight
 * together, then, per ballot whose records were all acknowledged, the published and destroyed answers
 * are pulled in one update. A crash in between publishes a record twice (analytics applies it once);
 * Kafka down leaves the answers held, counted and safe. Several instances may run this at once: they
 * choose the same answers (see BatchRule) and so only duplicate records.
 *
 * <p>A round that sends starts a trace of its own ({@value #OBSERVATION}, a root: the scheduler thread
 * carries no request's context), which its Kafka sends and analytics' processing of them continue. No
 * submission's trace reaches Kafka: a held answer keeps no trace context (see
 * {@code outbox.OutboxEntries#payloadOf}), because that context would tie the published answer to the
 * HTTP request of a named rater at the exact time. What a tracing backend learns from a round is what
 * Kafka's records show anyway: when a batch left, and how many answers it held.
 */
@Component
class BallotPublisher implements SmartLifecycle {

    static final String OBSERVATION = "lead360.ballots.publish";

    private static final Logger log = LoggerFactory.getLogger(BallotPublisher.class);
    private static final String TYPE = FeedbackSubmitted.class.getSimpleName();

    private final MongoTemplate mongo;
    private final EventSender sender;
    private final FeedbackProperties.Outbox settings;
    private final ObservationRegistry observations;
    private final PublisherLoop loop;
    /** How many due ballots the last round found (a full batch: the next round runs at once). */
    private int lastDue;

    BallotPublisher(
            MongoTemplate mongo,
            EventSender sender,
            FeedbackProperties properties,
            ObservationRegistry observations,
            Ballots ballots) {
        this.mongo = mongo;
        this.sender = sender;
        this.settings = properties.outbox();
        this.observations = observations;
        // woken when a ballot becomes due here (accept, seal); the idle poll finds other instances' ballots
        this.loop = new PublisherLoop(
                "ballot-publisher", this::publishSafely, ballots.dueSignal(), settings.pollInterval());
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

    /** @return whether the round found a full batch of due ballots and published from it */
    boolean publishSafely() {
        try {
            // a full batch that published nothing (Kafka away) waits for the idle poll: no busy retry
            return publishDue() > 0 && lastDue >= settings.batchSize();
        } catch (RuntimeException e) {
            log.warn("Ballot publishing round failed, retrying later: {}", e.toString());
            return false;
        }
    }

    /** @return how many answers were published this round */
    int publishDue() {
        List<Ballot> due = mongo.find(Query.query(where("due").is(true)).limit(settings.batchSize()), Ballot.class);
        lastDue = due.size();
        if (due.isEmpty()) {
            return 0;
        }
        record Round(Ballot ballot, BatchRule.Selection selection, List<CompletableFuture<?>> sends) {}
        List<Round> rounds = new ArrayList<>();
        boolean anyToSend = false;
        for (Ballot ballot : due) {
            BatchRule.Selection selection = BatchRule.select(
                    ballot.threshold(),
                    ballot.isSealed(),
                    ballot.responded() == null ? java.util.Map.of() : ballot.responded(),
                    ballot.heldOrEmpty());
            anyToSend |= !selection.publish().isEmpty();
            rounds.add(new Round(ballot, selection, new ArrayList<>()));
        }
        if (anyToSend && !sender.topicsReady()) {
            return 0;
        }
        // a round that only destroys or settles sends nothing: no trace for it
        Observation observation = anyToSend
                ? Observation.createNotStarted(OBSERVATION, observations)
                        .parentObservation(null)
                        .contextualName("ballots publish")
                        .start()
                : Observation.NOOP;
        int published = 0;
        try (Observation.Scope scope = observation.openScope()) {
            for (Round round : rounds) {
                for (Ballot.Held held : round.selection().publish()) {
                    round.sends()
                            .add(sender.send(
                                    Topics.FEEDBACK_SUBMITTED, round.ballot().subjectId(), TYPE, held.payload()));
                }
            }
            acknowledged(rounds.stream().flatMap(r -> r.sends().stream()).toList());
            BulkOperations settle = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, Ballot.class);
            boolean anySettled = false;
            for (Round round : rounds) {
                if (round.sends().stream().anyMatch(f -> !f.isDone() || f.isCompletedExceptionally())) {
                    continue; // held still: the next round tries again
                }
                settle(settle, round.ballot(), round.selection());
                anySettled = true;
                published += round.selection().publish().size();
            }
            if (anySettled) {
                settle.execute(); // one bulk write for the whole round
            }
            observation.highCardinalityKeyValue("lead360.answers.published", Integer.toString(published));
        } catch (RuntimeException e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
        return published;
    }

    private boolean acknowledged(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Could not publish held answers: {}", e.toString());
            return false;
        }
    }

    /**
     * Pulls what went out (or was destroyed) and clears {@code due}: one rewrite of the ballot when no
     * response came in meanwhile (its version unchanged), else only the pull, and {@code due} stays. In this
     * order (the bulk is ordered) a response between the two writes cannot leave the pull undone.
     */
    private static void settle(BulkOperations bulk, Ballot ballot, BatchRule.Selection selection) {
        List<String> gone = new ArrayList<>();
        selection.publish().forEach(h -> gone.add(h.eventId()));
        selection.destroy().forEach(h -> gone.add(h.eventId()));
        Update settled = new Update().set("due", false);
        if (!gone.isEmpty()) {
            settled.pull("held", new org.bson.Document("eventId", new org.bson.Document("$in", gone)));
        }
        bulk.updateOne(Query.query(where("_id").is(ballot.id()).and("version").is(ballot.version())), settled);
        if (!gone.isEmpty()) {
            bulk.updateOne(
                    Query.query(where("_id").is(ballot.id()).and("version").ne(ballot.version())),
                    new Update().pull("held", new org.bson.Document("eventId", new org.bson.Document("$in", gone))));
        }
    }
}
