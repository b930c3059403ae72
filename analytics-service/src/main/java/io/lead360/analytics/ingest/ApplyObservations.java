package io.lead360.analytics.ingest;

import io.lead360.events.EventHeaders;
import io.lead360.events.FeedbackEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

/**
 * One observation ({@value #NAME}) per record of a batch, open while the batch is read, opened and
 * applied: it continues the trace in the record's {@code traceparent} header (an administrator's
 * request for cycle events and erasures, a publisher round for submissions), so that a trace shows
 * where its event was applied. The batch is applied as one, so each observation spans the whole batch
 * its record was in; none is put in scope (there is no one current record).
 */
@Component
class ApplyObservations {

    static final String NAME = "lead360.events.apply";

    /** The tag takes only a known type: a header is whatever a Kafka writer put there. */
    private static final Set<String> EVENT_TYPES = Arrays.stream(FeedbackEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName)
            .collect(Collectors.toUnmodifiableSet());

    private final ObservationRegistry registry;

    ApplyObservations(ObservationRegistry registry) {
        this.registry = registry;
    }

    List<Observation> start(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(this::start).toList();
    }

    private Observation start(ConsumerRecord<String, String> record) {
        String type = typeOf(record);
        return Observation.createNotStarted(NAME, () -> carrying(record), registry)
                .parentObservation(null) // the record's trace, not whatever the container thread had
                .contextualName("apply " + type)
                .lowCardinalityKeyValue("lead360.event.type", type)
                .lowCardinalityKeyValue("messaging.source.name", record.topic())
                .highCardinalityKeyValue("messaging.kafka.source.partition", Integer.toString(record.partition()))
                .highCardinalityKeyValue("messaging.kafka.message.offset", Long.toString(record.offset()))
                .start();
    }

    static String typeOf(ConsumerRecord<?, ?> record) {
        String type = header(record, EventHeaders.EVENT_TYPE);
        return type != null && EVENT_TYPES.contains(type) ? type : "unknown";
    }

    private static ReceiverContext<ConsumerRecord<String, String>> carrying(ConsumerRecord<String, String> record) {
        ReceiverContext<ConsumerRecord<String, String>> context = new ReceiverContext<>(ApplyObservations::header);
        context.setCarrier(record);
        context.setRemoteServiceName("kafka");
        return context;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
