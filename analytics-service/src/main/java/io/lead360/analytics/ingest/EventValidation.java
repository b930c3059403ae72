package io.lead360.analytics.ingest;

import io.lead360.events.Relationship;
import java.util.Map;

/** The checks an event's readable and opened parts share; each failure is an {@link InvalidEventException}. */
final class EventValidation {

    /** feedback-service's ids are UUIDs; the bound keeps one key request far below its body limit. */
    static final int MAX_ID_LENGTH = 128;

    private EventValidation() {}

    /** Item and question ids become parts of MongoDB update paths. */
    static void requireFieldName(String id, String what) {
        require(
                id != null && !id.isBlank() && !id.contains(".") && !id.startsWith("$") && !id.contains("\0"),
                what + " is not usable: " + id);
    }

    /** A subject's id: feedback-service is asked for its key, so it must be one feedback-service could have made. */
    static void requireSubjectId(String id, String what) {
        requireText(id, what);
        require(id.length() <= MAX_ID_LENGTH, what + " longer than " + MAX_ID_LENGTH + " characters");
    }

    static void requireText(String value, String what) {
        require(value != null && !value.isBlank(), what + " missing");
    }

    /** Counts per relationship: a known relationship each, none negative. */
    static void requireCounts(Map<Relationship, Integer> counts, String what) {
        require(counts != null, what + " missing");
        counts.forEach((relationship, n) ->
                require(relationship != null && n != null && n >= 0, what + " holds an unusable count"));
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidEventException(message);
        }
    }
}
