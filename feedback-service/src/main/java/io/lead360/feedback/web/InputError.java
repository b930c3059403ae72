package io.lead360.feedback.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One offending field of a request. Imports add {@code row} (the 1-based data row); a CSV import also
 * {@code line}, the line of the file the row starts on (the header is line 1), which is what a person
 * finds in their editor or spreadsheet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InputError(Integer row, Integer line, String field, String message) {

    public InputError(Integer row, String field, String message) {
        this(row, null, field, message);
    }

    public static InputError field(String field, String message) {
        return new InputError(null, null, field, message);
    }
}
