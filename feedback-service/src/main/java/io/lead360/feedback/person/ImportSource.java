package io.lead360.feedback.person;

import io.lead360.service.problem.InvalidField;
import java.util.List;

/**
 * How an import's errors and warnings name its rows: a JSON array by position ({@code row}, 1-based), a
 * CSV file also by the line each row starts on ({@code line}, the header being line 1; a quoted value
 * may span lines, and blank lines are no rows).
 *
 * @param lines the line of each data row, in order; null for JSON
 */
record ImportSource(List<Integer> lines) {

    static final ImportSource JSON = new ImportSource(null);

    static ImportSource csv(List<Integer> lines) {
        return new ImportSource(List.copyOf(lines));
    }

    InvalidField error(int row, String field, String message) {
        return new InvalidField(row, lineOf(row), field, message);
    }

    /** "row 3" or, for a CSV file, "line 4": for messages that point at another row. */
    String name(int row) {
        return lines == null ? "row " + row : "line " + lineOf(row);
    }

    private Integer lineOf(int row) {
        return lines == null ? null : lines.get(row - 1);
    }
}
