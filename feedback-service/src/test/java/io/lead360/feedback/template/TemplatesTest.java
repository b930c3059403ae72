package io.lead360.feedback.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final Template template = Templates.leadership360();

    @Test
    void theLeadershipModelHasSevenCompetenciesOfThreeItems() {
        assertThat(template.id()).isEqualTo("leadership-360");
        assertThat(template.competencies())
                .extracting(Template.Competency::key)
                .containsExactly(
                        "TRUST", "DELEGATION", "EMPOWERMENT", "RECEPTIVENESS", "VISIBILITY", "VISION", "DEVELOPMENT");
        assertThat(template.competencies())
                .allSatisfy(c -> assertThat(c.items()).hasSize(3));
        assertThat(template.competencies().get(6).items())
                .extracting(Template.Item::id)
                .containsExactly("development-1", "development-2", "development-3");
    }

    @Test
    void onlyTheManagingStyleItemsAreReverseScored() {
        assertThat(template.competencies().stream()
                        .flatMap(c -> c.items().stream())
                        .filter(Template.Item::reverse)
                        .map(Template.Item::id))
                .containsExactly("trust-3", "delegation-3", "empowerment-2", "empowerment-3");
    }

    @Test
    void theOpenQuestionsAreStartStopContinue() {
        assertThat(template.openQuestions())
                .extracting(Template.OpenQuestion::id)
                .containsExactly("start", "stop", "continue");
        assertThat(template.openQuestions().get(0).text()).isEqualTo("What should this leader start doing?");
    }
}
