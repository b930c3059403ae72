package io.lead360.feedback.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.lead360.service.problem.InvalidField;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NewCycleValidatorTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static CreateCycle explicit(List<String> subjects, Instant closesAt) {
        return new CreateCycle("Spring", "t-1", subjects, null, null, closesAt);
    }

    private static CreateCycle allLeaders(List<String> subjects) {
        return new CreateCycle("Spring", "t-1", subjects, true, null, null);
    }

    private static List<InvalidField> validate(
            CreateCycle body, List<String> leaders, Set<String> known, Set<String> active) {
        List<String> subjects = NewCycleValidator.subjectIds(body, leaders);
        return NewCycleValidator.validate(body, new NewCycleValidator.Facts(true, subjects, known, active, NOW));
    }

    @Test
    void knownActiveSubjectsAndAFutureCloseAreFine() {
        assertThat(validate(
                        explicit(List.of("a", "b", "a"), NOW.plusSeconds(60)),
                        List.of(),
                        Set.of("a", "b"),
                        Set.of("a", "b")))
                .isEmpty();
        assertThat(NewCycleValidator.subjectIds(explicit(List.of("a", "b", "a"), null), List.of()))
                .containsExactly("a", "b");
    }

    @Test
    void everyProblemIsNamedInOrder() {
        CreateCycle body = explicit(List.of("a", "gone", "x"), NOW);
        var errors = NewCycleValidator.validate(
                body,
                new NewCycleValidator.Facts(
                        false, NewCycleValidator.subjectIds(body, List.of()), Set.of("a", "gone"), Set.of("a"), NOW));

        assertThat(errors)
                .extracting(InvalidField::field, InvalidField::message)
                .containsExactly(
                        tuple("templateId", "unknown template t-1"),
                        tuple("subjectIds[1]", "person gone is deactivated"),
                        tuple("subjectIds[2]", "unknown person x"),
                        tuple("closesAt", "must be in the future"));
    }

    @Test
    void subjectsAreNeeded() {
        assertThat(validate(explicit(null, null), List.of(), Set.of(), Set.of()))
                .extracting(InvalidField::field, InvalidField::message)
                .containsExactly(tuple("subjectIds", "must not be empty (or set allLeaders)"));
    }

    @Test
    void allLeadersMeansTheLeadersAndNoExplicitSubjects() {
        assertThat(NewCycleValidator.subjectIds(allLeaders(List.of()), List.of("m1", "m2")))
                .containsExactly("m1", "m2");
        assertThat(validate(allLeaders(List.of()), List.of("m1"), Set.of(), Set.of()))
                .isEmpty();
        assertThat(validate(allLeaders(List.of("a")), List.of(), Set.of(), Set.of()))
                .extracting(InvalidField::field, InvalidField::message)
                .containsExactly(
                        tuple("subjectIds", "give either subjectIds or allLeaders, not both"),
                        tuple("allLeaders", "nobody has direct reports"));
    }
}
