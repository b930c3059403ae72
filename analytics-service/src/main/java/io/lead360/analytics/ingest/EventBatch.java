package io.lead360.analytics.ingest;

import io.lead360.analytics.cycle.CycleChange;
import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;
import io.lead360.events.ResultsReleased;
import io.lead360.events.SealedSubject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of opened events sorted by how they are applied: erasures first (whatever their position,
 * so that no submission of the same batch outlives one), then cycle changes in order, then the
 * submissions in one bulk write. Remembers each event's position in the batch, so that a failure
 * can name the record it happened at, and which subjects the batch mentions (every subject its
 * events name, including those whose parts could not be opened because they were erased).
 */
final class EventBatch {

    /** An event and its position in the batch. */
    record At<E>(int index, E event) {}

    private final List<At<PersonErased>> erasures = new ArrayList<>();
    private final List<At<CycleChange>> cycleChanges = new ArrayList<>();
    private final List<At<OpenedEvent.Submission>> submissions = new ArrayList<>();
    // subject id to the position of the first event that mentions them
    private final Map<String, Integer> firstMention = new LinkedHashMap<>();

    EventBatch(List<OpenedEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            OpenedEvent opened = events.get(i);
            if (opened instanceof OpenedEvent.Erasure erasure) {
                erasures.add(new At<>(i, erasure.event()));
            } else if (opened instanceof OpenedEvent.Submission submission) {
                submissions.add(new At<>(i, submission));
            } else if (opened instanceof OpenedEvent.OfCycle cycle) {
                cycleChanges.add(new At<>(i, cycle.change()));
            }
            for (String subjectId : subjectsOf(opened.event())) {
                mention(subjectId, i);
            }
        }
    }

    List<At<PersonErased>> erasures() {
        return erasures;
    }

    List<At<CycleChange>> cycleChanges() {
        return cycleChanges;
    }

    /** The submissions to write: none about an erased person, before or after the erasure. */
    List<At<OpenedEvent.Submission>> submissionsWithout(Set<String> erased) {
        return submissions.stream()
                .filter(s -> !erased.contains(s.event().subjectId()))
                .toList();
    }

    /** Every subject the batch names. */
    Set<String> subjects() {
        return firstMention.keySet();
    }

    /** Position of the first event that mentions the subject; {@code Integer.MAX_VALUE} if none does. */
    int firstMentionOf(String subjectId) {
        return firstMention.getOrDefault(subjectId, Integer.MAX_VALUE);
    }

    private void mention(String subjectId, int index) {
        if (subjectId != null) {
            firstMention.putIfAbsent(subjectId, index);
        }
    }

    private static List<String> subjectsOf(FeedbackEvent event) {
        // Java 17: no pattern matching for switch yet.
        if (event instanceof PersonErased e) {
            return List.of(e.personId());
        } else if (event instanceof FeedbackSubmitted e) {
            return List.of(e.subjectId());
        } else if (event instanceof CycleOpened e) {
            return ids(e.subjects());
        } else if (event instanceof CycleClosed e) {
            return ids(e.subjects());
        } else if (event instanceof ResultsReleased e) {
            return ids(e.subjects());
        }
        return List.of();
    }

    private static List<String> ids(List<SealedSubject> subjects) {
        return subjects == null
                ? List.of()
                : subjects.stream().map(SealedSubject::subjectId).toList();
    }
}
