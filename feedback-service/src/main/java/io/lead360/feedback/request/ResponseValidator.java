package io.lead360.feedback.request;

import io.lead360.events.RatingScale;
import io.lead360.feedback.template.Template;
import io.lead360.service.problem.InvalidField;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a response against its questionnaire: known item ids, scores on the {@link RatingScale} or
 * null ("can't say"), at least one score, known open questions, comments of bounded length.
 */
final class ResponseValidator {

    static final int MAX_COMMENT_LENGTH = 2000;

    private static final String NOT_ON_THE_SCALE =
            "must be a whole number from " + RatingScale.LOWEST + " to " + RatingScale.HIGHEST + ", or null";

    /** The cleaned response, or the reasons it was refused. */
    record Result(Map<String, Integer> ratings, Map<String, String> comments, List<InvalidField> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    private ResponseValidator() {}

    static Result validate(Template template, Map<String, ?> ratings, Map<String, ?> comments) {
        return validate(template, ratings, comments, true);
    }

    /** A draft is checked the same way except that it may have no score yet. */
    static Result validateDraft(Template template, Map<String, ?> ratings, Map<String, ?> comments) {
        return validate(template, ratings, comments, false);
    }

    private static Result validate(
            Template template, Map<String, ?> ratings, Map<String, ?> comments, boolean complete) {
        List<InvalidField> errors = new ArrayList<>();
        Map<String, Integer> cleanRatings = new LinkedHashMap<>();
        if (ratings != null) {
            ratings.forEach((itemId, value) -> {
                String field = "ratings." + itemId;
                if (template.item(itemId).isEmpty()) {
                    errors.add(InvalidField.field(field, "unknown item"));
                } else if (value == null) {
                    cleanRatings.put(itemId, null);
                } else {
                    Integer score = wholeNumber(value);
                    if (score == null || !RatingScale.contains(score)) {
                        errors.add(InvalidField.field(field, NOT_ON_THE_SCALE));
                    } else {
                        cleanRatings.put(itemId, score);
                    }
                }
            });
        }
        boolean anyScore = cleanRatings.values().stream().anyMatch(v -> v != null);
        if (complete && !anyScore && errors.stream().noneMatch(e -> e.field().startsWith("ratings."))) {
            errors.add(InvalidField.field("ratings", "at least one item needs a score"));
        }
        Map<String, String> cleanComments = new LinkedHashMap<>();
        if (comments != null) {
            comments.forEach((questionId, value) -> {
                String field = "comments." + questionId;
                if (!template.hasOpenQuestion(questionId)) {
                    errors.add(InvalidField.field(field, "unknown open question"));
                } else if (value != null && !(value instanceof String)) {
                    errors.add(InvalidField.field(field, "must be text"));
                } else if (value != null && ((String) value).length() > MAX_COMMENT_LENGTH) {
                    errors.add(InvalidField.field(field, "must be at most " + MAX_COMMENT_LENGTH + " characters"));
                } else if (value != null && !((String) value).isBlank()) {
                    cleanComments.put(questionId, ((String) value).strip());
                }
            });
        }
        return new Result(cleanRatings, cleanComments, errors);
    }

    private static Integer wholeNumber(Object value) {
        if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof BigInteger) {
            long n = ((Number) value).longValue();
            return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? (int) n : null;
        }
        if (value instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
            return d.intValue();
        }
        return null;
    }
}
