package io.lead360.feedback.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionModeTest {

    @Test
    void aMissingPasswordIsNamed() {
        assertThat(ProductionMode.problems(null)).singleElement().asString().contains("is not set");
        assertThat(ProductionMode.problems("  ")).singleElement().asString().contains("is not set");
    }

    @Test
    void theDemoPasswordIsRefused() {
        assertThat(ProductionMode.problems("lead360-admin")).singleElement().asString().contains("demo value");
    }

    @Test
    void elevenCharactersAreTooFewTwelveAreEnough() {
        assertThat(ProductionMode.problems("a".repeat(11))).singleElement().asString().contains("shorter than 12");
        assertThat(ProductionMode.problems("correct horse")).isEmpty();
        assertThat(ProductionMode.problems("b".repeat(12))).isEmpty();
    }
}
