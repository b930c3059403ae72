package io.lead360.events;

/** The Kafka record headers that travel with every event. */
public final class EventHeaders {

    /** The event's type name ({@code FeedbackSubmitted}, …), the same as its JSON {@code "type"}. */
    public static final String EVENT_TYPE = "lead360-event-type";

    private EventHeaders() {}
}
