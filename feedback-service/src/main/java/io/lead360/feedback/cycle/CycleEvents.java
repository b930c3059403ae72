package io.lead360.feedback.cycle;

import io.lead360.events.CycleClosed;
import io.lead360.events.CycleOpened;
import io.lead360.events.Relationship;
import io.lead360.events.ResultsReleased;
import io.lead360.events.SealedSubject;
import io.lead360.feedback.ballot.Ballots;
import io.lead360.feedback.keys.SubjectKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds a cycle's events, each subject's part sealed with that subject's key. */
@Component
class CycleEvents {

    private final SubjectKeys keys;
    private final JsonMapper json;

    CycleEvents(SubjectKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    CycleOpened opened(
            Cycle cycle,
            CycleOpened.Questionnaire questionnaire,
            Instant now,
            Map<String, Map<Relationship, Integer>> invited,
            Map<String, Map<Relationship, Integer>> nominatedByAdministrator) {
        UUID eventId = UUID.randomUUID();
        String fingerprint = questionnaire.fingerprint();
        List<SealedSubject> subjects = new ArrayList<>();
        invited.forEach((subjectId, counts) -> {
            var invitations = new CycleOpened.Invitations(
                    counts,
                    nominatedByAdministrator.getOrDefault(subjectId, new EnumMap<>(Relationship.class)),
                    cycle.anonymityThreshold(),
                    fingerprint);
            subjects.add(seal("CycleOpened", eventId, cycle.id(), subjectId, invitations));
        });
        return new CycleOpened(
                eventId,
                CycleOpened.VERSION,
                now,
                cycle.id(),
                cycle.name(),
                cycle.anonymityThreshold(),
                questionnaire,
                subjects);
    }

    /** From the sealed ballots: what was counted, and what of it is published (see Ballots#publishedAtClose). */
    CycleClosed closed(Cycle cycle, Instant now, Map<String, Ballots.Counts> counts) {
        UUID eventId = UUID.randomUUID();
        List<SealedSubject> subjects = new ArrayList<>();
        for (String subjectId : cycle.subjectIds()) {
            Ballots.Counts c = counts.get(subjectId);
            Map<Relationship, Integer> responded = c == null ? new EnumMap<>(Relationship.class) : c.responded();
            Map<Relationship, Integer> published = new EnumMap<>(Relationship.class);
            responded.forEach((relationship, n) ->
                    published.put(relationship, Ballots.publishedAtClose(relationship, n, cycle.anonymityThreshold())));
            subjects.add(
                    seal("CycleClosed", eventId, cycle.id(), subjectId, new CycleClosed.Tally(responded, published)));
        }
        return new CycleClosed(eventId, CycleClosed.VERSION, now, cycle.id(), subjects);
    }

    ResultsReleased released(Cycle cycle, Instant now) {
        UUID eventId = UUID.randomUUID();
        List<SealedSubject> subjects = new ArrayList<>();
        for (String subjectId : cycle.subjectIds()) {
            subjects.add(
                    seal("ResultsReleased", eventId, cycle.id(), subjectId, new ResultsReleased.Release(cycle.id())));
        }
        return new ResultsReleased(eventId, ResultsReleased.VERSION, now, cycle.id(), subjects);
    }

    private SealedSubject seal(String type, UUID eventId, String cycleId, String subjectId, Object content) {
        return new SealedSubject(
                subjectId,
                keys.seal(
                        subjectId,
                        io.lead360.events.SubjectSeal.context(type, eventId, cycleId, subjectId),
                        json.writeValueAsBytes(content)));
    }
}
