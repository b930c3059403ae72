package io.lead360.feedback.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.lead360.feedback.template.Templates;
import io.lead360.service.problem.InvalidField;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseValidatorTest {

    private static ResponseValidator.Result validate(Map<String, ?> ratings, Map<String, ?> comments) {
        return ResponseValidator.validate(Templates.leadership360(), ratings, comments);
    }

    @Test
    void scoresAndCantSayAreAccepted() {
        Map<String, Object> ratings = new HashMap<>();
        ratings.put("trust-1", 5);
        ratings.put("trust-3", null);
        var result = validate(ratings, Map.of("start", "More one-on-ones", "stop", " "));

        assertThat(result.valid()).isTrue();
        assertThat(result.ratings()).containsEntry("trust-1", 5).containsEntry("trust-3", null);
        assertThat(result.comments()).containsOnlyKeys("start");
    }

    @Test
    void eachBadFieldIsNamed() {
        var result = validate(
                Map.of("trust-1", 6, "trust-2", 0, "bogus-1", 3, "vision-1", "4", "vision-2", 2.5),
                Map.of("later", "x", "stop", "y".repeat(2001)));

        assertThat(result.errors())
                .extracting(InvalidField::field)
                .containsExactlyInAnyOrder(
                        "ratings.trust-1",
                        "ratings.trust-2",
                        "ratings.bogus-1",
                        "ratings.vision-1",
                        "ratings.vision-2",
                        "comments.later",
                        "comments.stop");
    }

    @Test
    void aResponseWithoutAnyScoreIsRefused() {
        Map<String, Object> ratings = new HashMap<>();
        ratings.put("trust-1", null);
        assertThat(validate(ratings, null).errors())
                .extracting(InvalidField::field)
                .containsExactly("ratings");
        assertThat(validate(null, Map.of("start", "hi")).errors())
                .extracting(InvalidField::field)
                .containsExactly("ratings");
    }
}
