package io.lead360.feedback.cycle;

import io.lead360.service.problem.InvalidField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules of a new cycle, beyond the shape its body's annotations check: a known template; either
 * explicit subjects, each a known and active person, or "all leaders" with at least one leader; a
 * {@code closesAt}, when given, in the future. Every problem is reported at once, in that order.
 */
final class NewCycleValidator {

    private NewCycleValidator() {}

    /**
     * What the store knows when the cycle is asked for.
     *
     * @param templateKnown whether the body's template exists
     * @param subjectIds the subjects the cycle would get: the leaders for "all leaders", else the body's ids once each
     * @param knownPeople which of the body's subject ids are people (unused for "all leaders")
     * @param activePeople which of them are active (unused for "all leaders")
     * @param now the current time
     */
    record Facts(
            boolean templateKnown,
            List<String> subjectIds,
            Set<String> knownPeople,
            Set<String> activePeople,
            Instant now) {}

    /** The subjects a cycle asked for with this body gets: every leader, or the body's ids once each. */
    static List<String> subjectIds(CreateCycle body, List<String> leaderIds) {
        return body.everyLeader()
                ? leaderIds
                : body.subjects().stream().distinct().toList();
    }

    static List<InvalidField> validate(CreateCycle body, Facts facts) {
        List<InvalidField> errors = new ArrayList<>();
        if (!facts.templateKnown()) {
            errors.add(InvalidField.field("templateId", "unknown template " + body.templateId()));
        }
        if (body.everyLeader()) {
            if (!body.subjects().isEmpty()) {
                errors.add(InvalidField.field("subjectIds", "give either subjectIds or allLeaders, not both"));
            }
            if (facts.subjectIds().isEmpty()) {
                errors.add(InvalidField.field("allLeaders", "nobody has direct reports"));
            }
        } else {
            if (facts.subjectIds().isEmpty()) {
                errors.add(InvalidField.field("subjectIds", "must not be empty (or set allLeaders)"));
            }
            for (int i = 0; i < body.subjects().size(); i++) {
                String id = body.subjects().get(i);
                if (!facts.knownPeople().contains(id)) {
                    errors.add(InvalidField.field("subjectIds[" + i + "]", "unknown person " + id));
                } else if (!facts.activePeople().contains(id)) {
                    errors.add(InvalidField.field("subjectIds[" + i + "]", "person " + id + " is deactivated"));
                }
            }
        }
        if (body.closesAt() != null && !body.closesAt().isAfter(facts.now())) {
            errors.add(InvalidField.field("closesAt", "must be in the future"));
        }
        return errors;
    }
}
