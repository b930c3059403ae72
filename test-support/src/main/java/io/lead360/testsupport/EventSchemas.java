package io.lead360.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks an event exactly as it travels on Kafka against the JSON Schema that feedback-events
 * publishes for its type (schemas/&lt;type&gt;.v&lt;version&gt;.json), so that a service's real
 * output, not only a hand-made sample, is held to the contract.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {}

    /** What is wrong with the event, empty when it matches its schema. */
    public static List<String> violations(String eventJson) {
        JsonNode event;
        try {
            event = JSON.readTree(eventJson);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        String name = event.path("type").asText() + ".v" + event.path("version").asInt() + ".json";
        JsonSchema schema = SCHEMAS.computeIfAbsent(name, EventSchemas::load);
        if (schema == null) {
            return List.of("no schema " + name);
        }
        return schema.validate(event).stream()
                .map(ValidationMessage::getMessage)
                .toList();
    }

    private static JsonSchema load(String name) {
        try (InputStream in = EventSchemas.class.getResourceAsStream("/schemas/" + name)) {
            return in == null ? null : FACTORY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
