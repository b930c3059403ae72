package io.lead360.feedback.template;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.lead360.events.CycleOpened;
import io.lead360.events.RatingScale;
import java.util.List;
import java.util.Optional;

/**
 * A questionnaire: competencies of rated items plus open questions. {@code version} counts from 1;
 * {@code basedOn} names the template a new version was made from.
 */
public record Template(
        String id,
        String name,
        int version,
        String basedOn,
        List<Competency> competencies,
        List<OpenQuestion> openQuestions) {

    /** A first version. */
    public Template(String id, String name, List<Competency> competencies, List<OpenQuestion> openQuestions) {
        this(id, name, 1, null, competencies, openQuestions);
    }

    /** The scale every item is rated on ({@code "scale"} in the JSON), from which the web app builds its options. */
    @JsonProperty("scale")
    public RatingScale.Bounds scale() {
        return RatingScale.BOUNDS;
    }

    public record Competency(String key, String name, List<Item> items) {}

    public record Item(String id, String text, boolean reverse) {}

    public record OpenQuestion(String id, String text) {}

    public Optional<Item> item(String itemId) {
        return competencies.stream()
                .flatMap(c -> c.items().stream())
                .filter(i -> i.id().equals(itemId))
                .findFirst();
    }

    public boolean hasOpenQuestion(String questionId) {
        return openQuestions.stream().anyMatch(q -> q.id().equals(questionId));
    }

    /** The snapshot carried by CycleOpened. */
    public CycleOpened.Questionnaire toQuestionnaire() {
        return new CycleOpened.Questionnaire(
                id,
                name,
                competencies.stream()
                        .map(c -> new CycleOpened.Competency(
                                c.key(),
                                c.name(),
                                c.items().stream()
                                        .map(i -> new CycleOpened.Item(i.id(), i.text(), i.reverse()))
                                        .toList()))
                        .toList(),
                openQuestions.stream()
                        .map(q -> new CycleOpened.OpenQuestion(q.id(), q.text()))
                        .toList());
    }
}
