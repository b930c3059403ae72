package io.lead360.feedback.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One offending field of a request; {@code row} (1-based data row) only for imports. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputError(Integer row, String field, String message) {

    public static InputError field(String field, String message) {
        return new InputError(null, field, message);
    }
}
