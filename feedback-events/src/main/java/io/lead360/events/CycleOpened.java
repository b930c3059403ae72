package io.lead360.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An administrator opened a cycle: its questionnaire (a snapshot, so analytics needs no other
 * source) and how many raters were invited per subject and relationship.
 *
 * @param invited subject id to relationship to number of invited raters
 */
public record CycleOpened(
        UUID eventId,
        int version,
        Instant occurredAt,
        String cycleId,
        String name,
        int anonymityThreshold,
        Questionnaire questionnaire,
        Map<String, Map<Relationship, Integer>> invited) implements FeedbackEvent {

    public static final int VERSION = 1;

    @Override
    public String partitionKey() {
        return cycleId;
    }

    @Override
    public String topic() {
        return Topics.CYCLE_EVENTS;
    }

    /** The questionnaire of a cycle as it was when the cycle opened. */
    public record Questionnaire(String templateId, String name, List<Competency> competencies,
                                List<OpenQuestion> openQuestions) {
    }

    public record Competency(String key, String name, List<Item> items) {
    }

    public record Item(String id, String text, boolean reverse) {
    }

    public record OpenQuestion(String id, String text) {
    }

    public List<String> subjectIds() {
        return List.copyOf(invited.keySet());
    }
}
