package io.lead360.analytics.ingest;

import static io.lead360.analytics.ingest.EventValidation.require;
import static io.lead360.analytics.ingest.EventValidation.requireCounts;
import static io.lead360.analytics.ingest.EventValidation.requireFieldName;

import io.lead360.analytics.cycle.Cycle;
import io.lead360.analytics.cycle.CycleChange;
import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.RatingScale;
import io.lead360.events.ResultsReleased;
import io.lead360.events.SealedSubject;
import io.lead360.events.SubjectSeal;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the sealed parts of one event with its subjects' keys and checks what they say as the
 * readable part is checked. Plain Java: the keys come from a {@link KeyRing}.
 * <ul>
 * <li>A part that does not open (forged, moved to another event, cycle or subject, damaged), or
 * opened content that breaks the contract: the event is invalid.
 * <li>A subject whose key is erased: their submission is skipped, their part of a cycle event left
 * out.
 * <li>A cycle event needs at least one part that opens, and its readable part must agree with what
 * is sealed (threshold, questionnaire, cycle): so that nobody who can only write to the topics can
 * open, close, change or release a cycle.
 * </ul>
 */
final class EventSeals {

    /** The subjects' keys as far as they are known. */
    interface KeyRing {

        /**
         * @return the subject's key, or null when it was erased
         * @throws InvalidEventException when feedback-service does not know the subject
         * @throws RuntimeException      (transient) when it could not be asked
         */
        byte[] keyOf(String subjectId);
    }

    private final JsonMapper json;

    EventSeals(JsonMapper json) {
        this.json = json;
    }

    OpenedEvent open(FeedbackEvent event, KeyRing keys) {
        // Java 17: no pattern matching for switch yet.
        if (event instanceof FeedbackSubmitted e) {
            return submission(e, keys);
        } else if (event instanceof CycleOpened e) {
            return new OpenedEvent.OfCycle(opened(e, keys));
        } else if (event instanceof CycleClosed e) {
            return new OpenedEvent.OfCycle(closed(e, keys));
        } else if (event instanceof ResultsReleased e) {
            return new OpenedEvent.OfCycle(released(e, keys));
        } else if (event instanceof PersonErased e) {
            return new OpenedEvent.Erasure(e);
        }
        throw new InvalidEventException("unknown event type");
    }

    private OpenedEvent submission(FeedbackSubmitted event, KeyRing keys) {
        byte[] key = keys.keyOf(event.subjectId());
        if (key == null) {
            return new OpenedEvent.Skipped(event);
        }
        var answers = read(key, event.sealContext(), event.answers(), FeedbackSubmitted.Answers.class);
        require(answers.relationship() != null, "relationship missing");
        require(answers.ratings() != null, "ratings missing");
        answers.ratings().forEach((itemId, score) -> {
            requireFieldName(itemId, "item id");
            require(score == null || RatingScale.contains(score), "score out of range for " + itemId);
        });
        (answers.comments() == null ? Map.<String, String>of() : answers.comments())
                .keySet()
                .forEach(questionId -> requireFieldName(questionId, "open question id"));
        return new OpenedEvent.Submission(event, answers);
    }

    private CycleChange opened(CycleOpened event, KeyRing keys) {
        String fingerprint = event.questionnaire().fingerprint();
        var subjects = new LinkedHashMap<String, Cycle.Invitations>();
        for (SealedSubject part : event.subjects()) {
            byte[] key = keys.keyOf(part.subjectId());
            if (key == null) {
                continue;
            }
            var sealed = read(key, event.sealContext(part.subjectId()), part.sealed(), CycleOpened.Invitations.class);
            // The readable part must be the one that was sealed: a changed threshold or questionnaire is tampering.
            require(
                    sealed.anonymityThreshold() == event.anonymityThreshold(),
                    "the anonymity threshold is not the sealed one");
            require(fingerprint.equals(sealed.questionnaireFingerprint()), "the questionnaire is not the sealed one");
            requireCounts(sealed.invited(), "invited");
            requireCounts(sealed.nominatedByAdministrator(), "nominatedByAdministrator");
            sealed.nominatedByAdministrator()
                    .forEach((relationship, n) -> require(
                            n <= sealed.invited().getOrDefault(relationship, 0), "more raters nominated than invited"));
            subjects.put(part.subjectId(), new Cycle.Invitations(sealed.invited(), sealed.nominatedByAdministrator()));
        }
        requireOneOpened(subjects.size());
        return new CycleChange.Opened(event, subjects);
    }

    private CycleChange closed(CycleClosed event, KeyRing keys) {
        var subjects = new LinkedHashMap<String, Cycle.Tally>();
        for (SealedSubject part : event.subjects()) {
            byte[] key = keys.keyOf(part.subjectId());
            if (key == null) {
                continue;
            }
            var tally = read(key, event.sealContext(part.subjectId()), part.sealed(), CycleClosed.Tally.class);
            requireCounts(tally.responded(), "responded");
            requireCounts(tally.published(), "published");
            tally.published()
                    .forEach((relationship, n) -> require(
                            n <= tally.responded().getOrDefault(relationship, 0),
                            "more responses published than counted"));
            subjects.put(part.subjectId(), new Cycle.Tally(tally.responded(), tally.published()));
        }
        requireOneOpened(subjects.size());
        return new CycleChange.Closed(event, subjects);
    }

    private CycleChange released(ResultsReleased event, KeyRing keys) {
        int opened = 0;
        for (SealedSubject part : event.subjects()) {
            byte[] key = keys.keyOf(part.subjectId());
            if (key == null) {
                continue;
            }
            var release = read(key, event.sealContext(part.subjectId()), part.sealed(), ResultsReleased.Release.class);
            require(event.cycleId().equals(release.cycleId()), "the released cycle is not the sealed one");
            opened++;
        }
        requireOneOpened(opened);
        return new CycleChange.Released(event);
    }

    /** Only a holder of a subject's key can make a part that opens; without one, anyone could have written the event. */
    private static void requireOneOpened(int opened) {
        require(opened > 0, "no subject's part opens: nothing vouches for this event");
    }

    private <T> T read(byte[] key, String context, String sealed, Class<T> type) {
        byte[] plain;
        try {
            plain = SubjectSeal.open(key, context, sealed);
        } catch (SubjectSeal.BrokenSealException e) {
            throw new InvalidEventException(e.getMessage());
        }
        T content;
        try {
            content = json.readValue(plain, type);
        } catch (JacksonException e) {
            // never the message: it may quote what was sealed
            throw new InvalidEventException("the sealed " + type.getSimpleName() + " is not valid: "
                    + e.getClass().getSimpleName());
        }
        require(content != null, "the sealed " + type.getSimpleName() + " is empty");
        return content;
    }
}
