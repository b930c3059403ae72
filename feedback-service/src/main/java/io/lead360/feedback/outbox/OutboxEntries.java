package io.lead360.feedback.outbox;

import io.lead360.events.FeedbackEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns an event into its outbox entry, serialized once with the app's JsonMapper as FeedbackEvent. */
@Component
public class OutboxEntries {

    private final JsonMapper jsonMapper;
    private final Tracer tracer;
    private final Propagator propagator;
    private final Clock clock;

    OutboxEntries(JsonMapper jsonMapper, Tracer tracer, Propagator propagator, Clock clock) {
        this.jsonMapper = jsonMapper;
        this.tracer = tracer;
        this.propagator = propagator;
        this.clock = clock;
    }

    /**
     * The entry of an administrator's action (a cycle transition, an erasure): it carries when it was
     * written and the trace of the request that wrote it, which its publication continues.
     */
    public OutboxEntry of(FeedbackEvent event) {
        return new OutboxEntry(
                event.eventId().toString(),
                event.topic(),
                event.partitionKey(),
                event.getClass().getSimpleName(),
                payloadOf(event),
                clock.instant(),
                currentTraceparent());
    }

    /**
     * Only the record value, for a rater's submission. Deliberately without a time or the request's trace
     * context: stored with the held answer (or sent as its record's header) that context would tie the
     * published answer, in a tracing backend, to the HTTP request of a named rater (its path holds the
     * request id) at the exact time. A submission's trace ends at the ballot write; its publication is a
     * trace of its own, the publisher round's (see {@code ballot.BallotPublisher}).
     */
    public String payloadOf(FeedbackEvent event) {
        return jsonMapper.writerFor(FeedbackEvent.class).writeValueAsString(event);
    }

    private String currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(OutboxEntry.TRACEPARENT);
    }
}
