package io.lead360.feedback.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.service.problem.InvalidField;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateValidatorTest {

    private static NewTemplate template(
            List<NewTemplate.CompetencyInput> competencies, List<Template.OpenQuestion> questions) {
        return new NewTemplate("Coaching", competencies, questions, null);
    }

    private static List<String> fields(NewTemplate body) {
        return TemplateValidator.validate(body).stream()
                .map(InvalidField::field)
                .toList();
    }

    @Test
    void aWellFormedTemplateIsValid() {
        assertThat(fields(template(
                        List.of(new NewTemplate.CompetencyInput(
                                "COACHING",
                                "Coaching",
                                List.of(
                                        new NewTemplate.ItemInput("coach-1", "asks before telling", null),
                                        new NewTemplate.ItemInput("coach-2", "gives the answer straight away", true)))),
                        List.of(new Template.OpenQuestion("start", "What should they start?")))))
                .isEmpty();
    }

    @Test
    void aTemplateNeedsANameAndAtLeastOneCompetencyWithItems() {
        assertThat(fields(new NewTemplate(" ", List.of(), null, null)))
                .containsExactlyInAnyOrder("name", "competencies");
        assertThat(fields(template(List.of(new NewTemplate.CompetencyInput("A", "A", List.of())), null)))
                .containsExactly("competencies[0].items");
    }

    @Test
    void everyBadKeyIdAndTextIsNamed() {
        List<String> errors = fields(template(
                Arrays.asList(
                        new NewTemplate.CompetencyInput(
                                "lower", "", List.of(new NewTemplate.ItemInput("Bad Id", " ", false))),
                        new NewTemplate.CompetencyInput(
                                "B",
                                "B",
                                List.of(
                                        new NewTemplate.ItemInput("x-1", "t", false),
                                        new NewTemplate.ItemInput("x-1", "t", false))),
                        new NewTemplate.CompetencyInput(
                                "B", "B2", List.of(new NewTemplate.ItemInput("y-1", "x".repeat(501), false))),
                        null),
                List.of(new Template.OpenQuestion("start", "a"), new Template.OpenQuestion("start", ""))));

        assertThat(errors)
                .containsExactlyInAnyOrder(
                        "competencies[0].key",
                        "competencies[0].name",
                        "competencies[0].items[0].id",
                        "competencies[0].items[0].text",
                        "competencies[1].items[1].id",
                        "competencies[2].key",
                        "competencies[2].items[0].text",
                        "competencies[3]",
                        "openQuestions[1].id",
                        "openQuestions[1].text");
    }
}
