package io.lead360.feedback.cycle;

import io.lead360.events.Relationship;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who rates a subject: themselves, their manager, their peers (same manager) and their direct
 * reports. Plain Java over the org chart; ids are deterministic so that reopening after a
 * crash inserts the same requests again, harmlessly.
 */
final class RaterAssignment {

    record Assignment(String requestId, String subjectId, String raterId, Relationship relationship) {
    }

    private RaterAssignment() {
    }

    /**
     * @param managerOf every person's id to their manager's id (null for none)
     */
    static List<Assignment> assign(String cycleId, List<String> subjectIds, Map<String, String> managerOf) {
        List<Assignment> assignments = new ArrayList<>();
        List<String> everyone = managerOf.keySet().stream().sorted().toList();
        for (String subject : subjectIds) {
            assignments.add(assignment(cycleId, subject, subject, Relationship.SELF));
            String manager = managerOf.get(subject);
            if (manager != null && managerOf.containsKey(manager)) {
                assignments.add(assignment(cycleId, subject, manager, Relationship.MANAGER));
            }
            for (String person : everyone) {
                if (person.equals(subject)) {
                    continue;
                }
                String theirManager = managerOf.get(person);
                if (manager != null && Objects.equals(manager, theirManager)) {
                    assignments.add(assignment(cycleId, subject, person, Relationship.PEER));
                } else if (subject.equals(theirManager)) {
                    assignments.add(assignment(cycleId, subject, person, Relationship.DIRECT_REPORT));
                }
            }
        }
        return assignments;
    }

    static String requestId(String cycleId, String subjectId, String raterId, Relationship relationship) {
        String key = cycleId + "|" + subjectId + "|" + raterId + "|" + relationship;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Assignment assignment(String cycleId, String subject, String rater, Relationship relationship) {
        return new Assignment(requestId(cycleId, subject, rater, relationship), subject, rater, relationship);
    }
}
