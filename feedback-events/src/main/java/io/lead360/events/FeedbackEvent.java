package io.lead360.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * An event that feedback-service publishes and analytics-service consumes.
 * Every event names its own type and version in the JSON ({@code "type"}, {@code "version"})
 * and carries no rater identity; what it says about a subject is sealed with that subject's key
 * ({@link SubjectSeal}). A change that breaks old consumers gets a new version.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FeedbackSubmitted.class, name = "FeedbackSubmitted"),
    @JsonSubTypes.Type(value = CycleOpened.class, name = "CycleOpened"),
    @JsonSubTypes.Type(value = CycleClosed.class, name = "CycleClosed"),
    @JsonSubTypes.Type(value = ResultsReleased.class, name = "ResultsReleased"),
    @JsonSubTypes.Type(value = PersonErased.class, name = "PersonErased")
})
public sealed interface FeedbackEvent
        permits FeedbackSubmitted, CycleOpened, CycleClosed, ResultsReleased, PersonErased {

    UUID eventId();

    int version();

    Instant occurredAt();

    /** The Kafka record key: events with the same key stay in order. */
    String partitionKey();

    /** The topic this event is published to. */
    String topic();
}
