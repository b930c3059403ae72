package io.lead360.feedback.outbox;

import io.lead360.events.FeedbackEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns an event into its outbox entry, serialized once with the app's JsonMapper as FeedbackEvent. */
@Component
public class OutboxEntries {

    private final JsonMapper jsonMapper;

    OutboxEntries(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public OutboxEntry of(FeedbackEvent event) {
        String payload = jsonMapper.writerFor(FeedbackEvent.class).writeValueAsString(event);
        return new OutboxEntry(event.eventId().toString(), event.topic(), event.partitionKey(),
                event.getClass().getSimpleName(), payload);
    }
}
