package io.lead360.analytics.ingest;

import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.FeedbackEvent;
import io.lead360.events.FeedbackSubmitted;
import io.lead360.events.PersonErased;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of events sorted by how they are applied: erasures first (whatever their position, so
 * that no submission of the same batch outlives one), then cycle events in order, then the
 * submissions in one bulk write. Remembers each event's position in the batch, so that a failure
 * can name the record it happened at, and which subjects the batch mentions.
 */
final class EventBatch {

    /** An event and its position in the batch. */
    record At<E extends FeedbackEvent>(int index, E event) {
    }

    private final List<At<PersonErased>> erasures = new ArrayList<>();
    private final List<At<FeedbackEvent>> cycleEvents = new ArrayList<>();
    private final List<At<FeedbackSubmitted>> submissions = new ArrayList<>();
    // subject id to the position of the first event that mentions them
    private final Map<String, Integer> firstMention = new LinkedHashMap<>();

    EventBatch(List<FeedbackEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            FeedbackEvent event = events.get(i);
            if (event instanceof PersonErased erased) {
                erasures.add(new At<>(i, erased));
                mention(erased.personId(), i);
            } else if (event instanceof FeedbackSubmitted submitted) {
                submissions.add(new At<>(i, submitted));
                mention(submitted.subjectId(), i);
            } else {
                cycleEvents.add(new At<>(i, event));
                for (String subjectId : subjectsOf(event)) {
                    mention(subjectId, i);
                }
            }
        }
    }

    List<At<PersonErased>> erasures() {
        return erasures;
    }

    List<At<FeedbackEvent>> cycleEvents() {
        return cycleEvents;
    }

    /** The submissions to write: none about an erased person, before or after the erasure. */
    List<At<FeedbackSubmitted>> submissionsWithout(Set<String> erased) {
        return submissions.stream().filter(s -> !erased.contains(s.event().subjectId())).toList();
    }

    /** Every subject the batch writes something about. */
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

    private static Collection<String> subjectsOf(FeedbackEvent event) {
        if (event instanceof CycleOpened opened && opened.invited() != null) {
            return opened.invited().keySet();
        }
        if (event instanceof CycleClosed closed && closed.responded() != null) {
            return closed.responded().keySet();
        }
        return List.of();
    }
}
