package io.lead360.analytics.ingest;

import io.lead360.analytics.erasure.ErasedSubjects;
import io.lead360.analytics.keys.SubjectKeys;
import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.ResultsReleased;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens what a batch of events says about its subjects ({@link EventSeals}) with the subjects'
 * keys, fetched for the whole batch at once.
 * <ul>
 * <li>A subject already recorded as erased, or whose key feedback-service reports erased: their
 * submissions are skipped, their parts of cycle events left out; a reported erasure is recorded
 * like a {@code PersonErased}, and the key leaves memory.
 * <li>A subject feedback-service does not know: the event is invalid.
 * <li>feedback-service (or MongoDB, asked who is erased) unable to answer: the events needing a key
 * not in memory fail with that transient failure and wait.
 * </ul>
 */
@Component
public class EventOpener {

    private static final Logger log = LoggerFactory.getLogger(EventOpener.class);

    private final SubjectKeys keys;
    private final ErasedSubjects erased;
    private final EventSeals seals;

    public EventOpener(SubjectKeys keys, ErasedSubjects erased, JsonMapper json) {
        this.keys = keys;
        this.erased = erased;
        this.seals = new EventSeals(json);
    }

    /** Opens each event in order; never throws, a failure is recorded at its event. */
    public Opening open(List<FeedbackEvent> events) {
        Keys batchKeys = keysFor(subjectsOf(events));
        var results = new ArrayList<Result>(events.size());
        for (FeedbackEvent event : events) {
            try {
                results.add(new Result(open(event, batchKeys), null));
            } catch (RuntimeException e) {
                results.add(new Result(null, e));
            }
        }
        return new Opening(results);
    }

    private Keys keysFor(Set<String> subjectIds) {
        Set<String> known = Set.of();
        try {
            // an erasure recorded here is final: no key is asked for, whatever any cache holds
            known = erased.amongst(subjectIds);
            var wanted = new ArrayList<String>();
            for (String subjectId : subjectIds) {
                if (!known.contains(subjectId)) {
                    wanted.add(subjectId);
                }
            }
            SubjectKeys.Lookup lookup = keys.lookup(wanted);
            for (String subjectId : lookup.erased()) {
                erased.record(subjectId);
                keys.forget(subjectId);
            }
            if (!lookup.erased().isEmpty()) {
                log.info(
                        "feedback-service reports {} subject(s) erased; recorded as erasures",
                        lookup.erased().size());
            }
            var erasedNow = new HashSet<>(known);
            erasedNow.addAll(lookup.erased());
            return new Keys(lookup.keys(), erasedNow, null);
        } catch (RuntimeException e) {
            // what is in memory still opens events; the rest wait for the failure to pass. The error
            // handler logs only "in retry": say why, in words that never hold a key or a token.
            log.warn("subject keys unavailable, events needing them wait: {}", e.getMessage());
            return new Keys(keys.cached(subjectIds), known, e);
        }
    }

    private OpenedEvent open(FeedbackEvent event, Keys batchKeys) {
        if (event instanceof PersonErased e) {
            keys.forget(e.personId());
        }
        return seals.open(event, batchKeys);
    }

    private static Set<String> subjectsOf(List<FeedbackEvent> events) {
        var subjectIds = new LinkedHashSet<String>();
        for (FeedbackEvent event : events) {
            if (event instanceof FeedbackSubmitted e) {
                subjectIds.add(e.subjectId());
            } else if (event instanceof CycleOpened e) {
                e.subjects().forEach(p -> subjectIds.add(p.subjectId()));
            } else if (event instanceof CycleClosed e) {
                e.subjects().forEach(p -> subjectIds.add(p.subjectId()));
            } else if (event instanceof ResultsReleased e) {
                e.subjects().forEach(p -> subjectIds.add(p.subjectId()));
            }
        }
        return subjectIds;
    }

    /** What the batch knows of each subject's key. */
    private record Keys(Map<String, byte[]> keys, Set<String> erased, RuntimeException unavailable)
            implements EventSeals.KeyRing {

        @Override
        public byte[] keyOf(String subjectId) {
            if (erased.contains(subjectId)) {
                return null;
            }
            byte[] key = keys.get(subjectId);
            if (key != null) {
                return key;
            }
            if (unavailable != null) {
                throw unavailable;
            }
            throw new InvalidEventException("a subject of the event is unknown to feedback-service");
        }
    }

    /** One event's outcome: opened, or the failure that stopped it. */
    public record Result(OpenedEvent opened, RuntimeException failure) {}

    /** The outcome of every event of a batch, in order. */
    public record Opening(List<Result> results) {

        public Opening {
            results = List.copyOf(results);
        }

        /** The opened events before the first that failed: they can be applied, in their positions. */
        public List<OpenedEvent> upToFirstFailure() {
            var opened = new ArrayList<OpenedEvent>();
            for (Result result : results) {
                if (result.failure() != null) {
                    break;
                }
                opened.add(result.opened());
            }
            return opened;
        }

        /** Every event that opened, whatever failed around it. */
        public List<OpenedEvent> opened() {
            return results.stream()
                    .filter(r -> r.failure() == null)
                    .map(Result::opened)
                    .toList();
        }

        public Optional<Failure> firstFailure() {
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).failure() != null) {
                    return Optional.of(new Failure(i, results.get(i).failure()));
                }
            }
            return Optional.empty();
        }

        /** @param index position of the event in the batch */
        public record Failure(int index, RuntimeException cause) {}
    }
}
