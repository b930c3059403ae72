package io.lead360.analytics.ingest;

import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.ResultsReleased;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/**
 * Turns a record value into a {@link FeedbackEvent} and checks what Jackson cannot: required
 * fields, the version, score range and ids that are safe as MongoDB field names (item and
 * question ids become parts of update paths).
 */
@Component
public class EventReader {

    private static final int MIN_SCORE = 1;
    private static final int MAX_SCORE = 5;

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    public FeedbackEvent read(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("empty record value");
        }
        FeedbackEvent event;
        try {
            event = json.readValue(value, FeedbackEvent.class);
        } catch (JacksonException e) {
            // Jackson's message (and so its exception, if chained) may quote the offending value, which
            // can be a comment; failures are logged and land in dead-letter headers: name only where.
            throw new InvalidEventException("not a valid event: " + e.getClass().getSimpleName() + " at "
                    + (e.getPath().isEmpty() ? "the top level" : e.getPathReference())
                    + (e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr()));
        }
        if (event == null) {
            throw new InvalidEventException("not a valid event: null");
        }
        require(event.eventId() != null, "eventId missing");
        require(event.occurredAt() != null, "occurredAt missing");
        // Java 17: no pattern matching for switch yet.
        if (event instanceof FeedbackSubmitted e) {
            check(e);
        } else if (event instanceof CycleOpened e) {
            check(e);
        } else if (event instanceof CycleClosed e) {
            require(e.version() == CycleClosed.VERSION, "unsupported version " + e.version());
            requireText(e.cycleId(), "cycleId");
        } else if (event instanceof ResultsReleased e) {
            require(e.version() == ResultsReleased.VERSION, "unsupported version " + e.version());
            requireText(e.cycleId(), "cycleId");
        } else if (event instanceof PersonErased e) {
            require(e.version() == PersonErased.VERSION, "unsupported version " + e.version());
            requireText(e.personId(), "personId");
        }
        return event;
    }

    private static void check(FeedbackSubmitted e) {
        require(e.version() == FeedbackSubmitted.VERSION, "unsupported version " + e.version());
        requireText(e.cycleId(), "cycleId");
        requireText(e.subjectId(), "subjectId");
        require(e.relationship() != null, "relationship missing");
        require(e.ratings() != null, "ratings missing");
        e.ratings().forEach((itemId, score) -> {
            requireFieldName(itemId, "item id");
            require(score == null || (score >= MIN_SCORE && score <= MAX_SCORE), "score out of range for " + itemId);
        });
        (e.comments() == null ? Map.<String, String>of() : e.comments())
                .keySet().forEach(questionId -> requireFieldName(questionId, "open question id"));
    }

    private static void check(CycleOpened e) {
        require(e.version() == CycleOpened.VERSION, "unsupported version " + e.version());
        requireText(e.cycleId(), "cycleId");
        require(e.questionnaire() != null && e.questionnaire().competencies() != null, "questionnaire missing");
        require(e.invited() != null, "invited missing");
        e.questionnaire().competencies().forEach(c -> {
            require(c != null && c.key() != null && c.items() != null, "competency incomplete");
            c.items().forEach(i -> requireFieldName(i == null ? null : i.id(), "item id"));
        });
        if (e.questionnaire().openQuestions() != null) {
            e.questionnaire().openQuestions().forEach(q -> requireFieldName(q == null ? null : q.id(), "open question id"));
        }
        e.invited().keySet().forEach(subjectId -> requireText(subjectId, "subject id"));
    }

    private static void requireFieldName(String id, String what) {
        require(id != null && !id.isBlank() && !id.contains(".") && !id.startsWith("$") && !id.contains("\0"),
                what + " is not usable: " + id);
    }

    private static void requireText(String value, String what) {
        require(value != null && !value.isBlank(), what + " missing");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidEventException(message);
        }
    }
}
