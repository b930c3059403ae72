package io.lead360.analytics.ingest;

import io.lead360.analytics.config.AnalyticsProperties;
import io.lead360.analytics.storage.CollectionSet;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Replays both topics from their beginning into one set of collections: a consumer of its own (its own
 * group id, assigned to every partition) reads up to the end offsets taken at the start, and each batch
 * is read, opened and applied as the live listener does it ({@link EventReader}, {@link EventOpener},
 * {@link EventApplier}). Applying is idempotent, so an event that also arrives live counts once; events
 * are opened with the subjects' keys exactly as live ones are, so a replay after an erasure cannot bring
 * anything back. The rebuild ({@code rebuild/}) decides which set is replayed into and when it goes live.
 */
@Component
public class TopicReplay {

    private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);
    private static final List<String> TOPICS = List.of(Topics.CYCLE_EVENTS, Topics.FEEDBACK_SUBMITTED);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<?, ?> consumers;
    private final EventReader reader;
    private final EventOpener opener;
    private final EventApplier applier;
    private final AnalyticsProperties properties;
    private final Clock clock;

    TopicReplay(
            ConsumerFactory<?, ?> consumers,
            EventReader reader,
            EventOpener opener,
            EventApplier applier,
            AnalyticsProperties properties) {
        this.consumers = consumers;
        this.reader = reader;
        this.opener = opener;
        this.applier = applier;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /**
     * @param replayId names the replay's consumer group and client
     * @param progress told after each batch how many records have been read so far
     * @return how many records were read
     * @throws IllegalStateException when the topics stop yielding records before their end, or the store or
     *                               feedback-service's keys stay unavailable for longer than the idle timeout
     */
    public long replay(String replayId, CollectionSet target, LongConsumer progress) {
        long events = 0;
        try (Consumer<String, String> consumer = consumer(replayId)) {
            var partitions = new ArrayList<TopicPartition>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant lastRecord = clock.instant();
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
                progress.accept(events);
            }
        }
        return events;
    }

    /**
     * Invalid values went to the dead-letter topic when they first arrived; a replay skips them, and
     * so every event about an erased subject (the key is destroyed: nothing of it opens again). A
     * short outage of MongoDB or of feedback-service's keys is waited out, up to the idle timeout;
     * after that the replay fails rather than leave profiles with events missing.
     */
    private long apply(ConsumerRecords<String, String> records, CollectionSet target) {
        var events = new ArrayList<FeedbackEvent>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(reader.read(record.value()));
            } catch (InvalidEventException e) {
                log.debug("replay skips invalid record {}-{}@{}", record.topic(), record.partition(), record.offset());
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
                        "replay skips an event that does not open: {}",
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
            // Retry one by one so that one unusable event does not stop the replay.
            for (OpenedEvent event : opened) {
                try {
                    applier.apply(List.of(event), List.of(target));
                } catch (EventApplier.EventApplyException skipped) {
                    if (TransientFailures.isTransient(skipped)) {
                        throw skipped;
                    }
                    log.warn("replay skips event {}: {}", event.event().eventId(), skipped.getMessage());
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
    private Consumer<String, String> consumer(String replayId) {
        var overrides = new Properties();
        overrides.put(
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.rebuild().maxPollRecords());
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return (Consumer<String, String>) consumers.createConsumer(
                "lead360-analytics-rebuild-" + replayId, "rebuild-" + replayId, null, overrides);
    }
}
