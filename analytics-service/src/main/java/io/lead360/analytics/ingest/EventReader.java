package io.lead360.analytics.ingest;

import static io.lead360.analytics.ingest.EventValidation.require;
import static io.lead360.analytics.ingest.EventValidation.requireFieldName;
import static io.lead360.analytics.ingest.EventValidation.requireSubjectId;
import static io.lead360.analytics.ingest.EventValidation.requireText;

import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.ResultsReleased;
import io.lead360.events.SealedSubject;
import java.util.HashSet;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a record value into a {@link FeedbackEvent} envelope (contract version 2) and checks what
 * Jackson cannot: required fields, the version, ids that are safe as MongoDB field names (item and
 * question ids become parts of update paths) and subject ids analytics may ask keys for. What the
 * event says about its subjects is still sealed here; {@link EventOpener} opens and checks it.
 */
@Component
public class EventReader {

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
            // Jackson's message (and so its exception, if chained) may quote the offending value;
            // failures are logged and land in dead-letter headers: name only where.
            throw new InvalidEventException("not a valid event: " + e.getClass().getSimpleName() + " at "
                    + (e.getPath().isEmpty() ? "the top level" : e.getPathReference())
                    + (e.getLocation() == null
                            ? ""
                            : ", column " + e.getLocation().getColumnNr()));
        }
        if (event == null) {
            throw new InvalidEventException("not a valid event: null");
        }
        require(event.eventId() != null, "eventId missing");
        require(event.occurredAt() != null, "occurredAt missing");
        // Java 17: no pattern matching for switch yet.
        if (event instanceof FeedbackSubmitted e) {
            require(e.version() == FeedbackSubmitted.VERSION, "unsupported version " + e.version());
            requireText(e.cycleId(), "cycleId");
            requireSubjectId(e.subjectId(), "subjectId");
            requireText(e.answers(), "answers");
        } else if (event instanceof CycleOpened e) {
            check(e);
        } else if (event instanceof CycleClosed e) {
            require(e.version() == CycleClosed.VERSION, "unsupported version " + e.version());
            requireText(e.cycleId(), "cycleId");
            check(e.subjects());
        } else if (event instanceof ResultsReleased e) {
            require(e.version() == ResultsReleased.VERSION, "unsupported version " + e.version());
            requireText(e.cycleId(), "cycleId");
            check(e.subjects());
        } else if (event instanceof PersonErased e) {
            require(e.version() == PersonErased.VERSION, "unsupported version " + e.version());
            requireText(e.personId(), "personId");
        }
        return event;
    }

    private static void check(CycleOpened e) {
        require(e.version() == CycleOpened.VERSION, "unsupported version " + e.version());
        requireText(e.cycleId(), "cycleId");
        require(e.questionnaire() != null && e.questionnaire().competencies() != null, "questionnaire missing");
        e.questionnaire().competencies().forEach(c -> {
            require(c != null && c.key() != null && c.items() != null, "competency incomplete");
            c.items().forEach(i -> requireFieldName(i == null ? null : i.id(), "item id"));
        });
        if (e.questionnaire().openQuestions() != null) {
            e.questionnaire()
                    .openQuestions()
                    .forEach(q -> requireFieldName(q == null ? null : q.id(), "open question id"));
        }
        check(e.subjects());
    }

    /** One sealed part per subject, each naming the subject whose key opens it. */
    private static void check(List<SealedSubject> subjects) {
        require(subjects != null, "subjects missing");
        var seen = new HashSet<String>();
        for (SealedSubject subject : subjects) {
            require(subject != null, "subject missing");
            requireSubjectId(subject.subjectId(), "subject id");
            requireText(subject.sealed(), "sealed part");
            require(seen.add(subject.subjectId()), "a subject has two sealed parts");
        }
    }
}
