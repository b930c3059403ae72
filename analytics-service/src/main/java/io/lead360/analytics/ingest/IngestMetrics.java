package io.lead360.analytics.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The consumption counters at /actuator/metrics. Consumer lag comes from the Kafka client's own
 * metrics ({@code kafka.consumer.fetch.manager.records.lag.max}), which Boot binds to Micrometer.
 */
@Component
public class IngestMetrics {

    public static final String APPLIED = "lead360.events.applied";
    public static final String DUPLICATES = "lead360.events.duplicates";
    public static final String DEAD_LETTERED = "lead360.events.dead.lettered";

    private final Counter applied;
    private final Counter duplicates;
    private final MeterRegistry registry;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.applied = Counter.builder(APPLIED)
                .description("events that changed the profiles")
                .register(registry);
        this.duplicates = Counter.builder(DUPLICATES)
                .description("redelivered events skipped")
                .register(registry);
        // registered up front so that a zero shows rather than a 404
        Counter.builder(DEAD_LETTERED).tag("topic", "none").register(registry);
    }

    void counted(EventApplier.Outcome outcome) {
        applied.increment(outcome.applied());
        duplicates.increment(outcome.duplicates());
    }

    public void deadLettered(String topic) {
        Counter.builder(DEAD_LETTERED)
                .description("events sent to a dead-letter topic")
                .tag("topic", topic)
                .register(registry)
                .increment();
    }
}
