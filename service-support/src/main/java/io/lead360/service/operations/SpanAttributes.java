package io.lead360.service.operations;

import java.util.Set;

/**
 * Which span attributes may leave a lead360 service for a tracing backend: a fixed list of keys known to
 * hold no person's id, email, request id or answer. Everything else is withheld, whatever instrumentation
 * adds later. Withheld on purpose: the concrete request URL ({@code http.url} of Spring,
 * {@code http.uri} of the gateway: their paths hold request and person ids, and a query may hold a person
 * id), exception messages and stack traces (they may quote an id), peer addresses (a rater's IP address).
 * What stays says where a request went by its route template ({@code uri}), how it ended, and which
 * topic and partition an event took.
 */
public final class SpanAttributes {

    /** The prefix of lead360's own span attributes, whose values never name a person. */
    public static final String OWN_PREFIX = "lead360.";

    private static final Set<String> SAFE = Set.of(
            // Spring's HTTP server and client observations (the uri is the route template)
            "method",
            "status",
            "uri",
            "outcome",
            "exception",
            "client.name",
            // Spring Cloud Gateway's routed requests
            "http.method",
            "http.status_code",
            "spring.cloud.gateway.route.id",
            "spring.cloud.gateway.route.uri",
            // spring-kafka's template and listener observations: no record key (a subject's id) among them
            "spring.kafka.template.name",
            "spring.kafka.listener.id",
            "messaging.system",
            "messaging.operation",
            "messaging.destination.name",
            "messaging.destination.kind",
            "messaging.source.name",
            "messaging.source.kind",
            "messaging.kafka.consumer.group",
            "messaging.kafka.client_id",
            "messaging.consumer.id",
            "messaging.kafka.source.partition",
            "messaging.kafka.message.offset");

    /** Of the attributes of a recorded exception only its type leaves; its message may quote an id. */
    public static final String EXCEPTION_TYPE = "exception.type";

    private SpanAttributes() {}

    public static boolean mayLeave(String key) {
        return SAFE.contains(key) || key.startsWith(OWN_PREFIX);
    }
}
