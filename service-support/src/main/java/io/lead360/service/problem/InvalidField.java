package io.lead360.service.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One offending field of a request, an entry of a problem's {@code errors} list. Imports add {@code row}
 * (the 1-based data row); a CSV import also {@code line}, the line of the file the row starts on (the
 * header is line 1), which is what a person finds in their editor or spreadsheet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvalidField(Integer row, Integer line, String field, String message) {

    public InvalidField(Integer row, String field, String message) {
        this(row, null, field, message);
    }

    public static InvalidField field(String field, String message) {
        return new InvalidField(null, null, field, message);
    }
}
