package io.lead360.feedback.person;

import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads the CSV form of a people import with Jackson's CSV parser (RFC 4180 quoting): the header
 * {@code email,name,managerEmail,roles,password} in any order and case, password optional, other columns
 * ignored; roles separated by {@code |} or {@code ;}. The column separator is the one the header line
 * uses: {@code ,}, or {@code ;} as spreadsheet programs write CSV where the decimal separator is a comma,
 * or a tab. A UTF-8 byte order mark is ignored, and so are blank lines (also {@code ;;;;} lines).
 *
 * <p>Every row keeps the line of the file it starts on, so that errors name lines a person finds in
 * their editor. Messages never quote the file: a cell may hold a password.
 */
final class PeopleCsv {

    private static final List<String> REQUIRED = List.of("email", "name", "managerEmail", "roles");
    private static final List<String> COLUMNS = List.of("email", "name", "managerEmail", "roles", "password");
    private static final char[] SEPARATORS = {',', ';', '\t'};
    private static final CsvMapper CSV =
            CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

    /** The rows and the line each starts on. */
    record Parsed(List<ImportRow> rows, ImportSource source) {}

    /** One record of the file: its cells and the line it starts on. */
    private record Line(int number, List<String> cells) {}

    private PeopleCsv() {}

    static Parsed parse(String text) {
        String csv = text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Line> records = records(csv, separator(csv));
        if (records.isEmpty()) {
            throw new InvalidInputException(
                    "The CSV has no header",
                    List.of(InvalidField.field("header", "expected " + String.join(",", COLUMNS))));
        }
        Line header = records.get(0);
        Map<String, Integer> column = columns(header);
        List<ImportRow> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<InvalidField> errors = new ArrayList<>();
        for (Line record : records.subList(1, records.size())) {
            rows.add(new ImportRow(
                    cell(record, column, "email"),
                    cell(record, column, "name"),
                    cell(record, column, "managerEmail"),
                    roles(cell(record, column, "roles")),
                    cell(record, column, "password")));
            lines.add(record.number());
            int used = lastNonBlank(record.cells()) + 1; // empty trailing cells, as spreadsheets add, are no fields
            if (used > header.cells().size()) {
                errors.add(new InvalidField(
                        rows.size(),
                        record.number(),
                        "row",
                        "has " + used + " fields, the header (line " + header.number() + ") "
                                + header.cells().size()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "The CSV is malformed: " + errors.size() + " line(s) have more fields than the header", errors);
        }
        return new Parsed(rows, ImportSource.csv(lines));
    }

    /** The separator the header line uses most (outside quotes); a comma when it uses none. */
    static char separator(String csv) {
        String header = csv.strip().lines().findFirst().orElse("");
        char best = ',';
        long most = 0;
        for (char candidate : SEPARATORS) {
            long count = 0;
            boolean quoted = false;
            for (char c : header.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == candidate && !quoted) {
                    count++;
                }
            }
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    /** Every non-blank record with the line it starts on; a file Jackson cannot read is a 400 naming the line. */
    private static List<Line> records(String csv, char separator) {
        List<Line> records = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        int line = 1;
        try (JsonParser parser = CSV.reader().with(schema).createParser(csv)) {
            // WRAP_AS_ARRAY: the file is an array (depth 1) of records (depth 2) of strings
            int depth = 0;
            List<String> cells = new ArrayList<>();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_ARRAY && ++depth == 2) {
                    // the position after the previous record: the line this one starts on
                    line = parser.currentLocation().getLineNr();
                    cells = new ArrayList<>();
                } else if (token == JsonToken.VALUE_STRING) {
                    cells.add(parser.getString());
                } else if (token == JsonToken.END_ARRAY && depth-- == 2 && lastNonBlank(cells) >= 0) {
                    records.add(new Line(line, List.copyOf(cells)));
                }
            }
        } catch (JacksonException e) {
            throw unreadable(e, line);
        }
        return records;
    }

    /** Jackson's own message is not passed on: it quotes the characters it stumbled over. */
    private static InvalidInputException unreadable(JacksonException e, int recordLine) {
        String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (reason.contains("Missing closing quote")) {
            // Jackson notices at the end of the file; the quote opened in the record that never ended
            return new InvalidInputException(
                    "The CSV cannot be read: the quoted value that starts on line " + recordLine + " is never closed",
                    List.of(new InvalidField(
                            null, recordLine, "line", "a quoted value starts on this line and is never closed")));
        }
        int line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? e.getLocation().getLineNr()
                : recordLine;
        String problem = "is not valid CSV: a quoted value must be followed by the separator or the end of the line";
        return new InvalidInputException(
                "The CSV cannot be read: line " + line + " " + problem,
                List.of(new InvalidField(null, line, "line", problem)));
    }

    private static Map<String, Integer> columns(Line header) {
        Map<String, Integer> column = new HashMap<>();
        List<InvalidField> errors = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i).strip().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && column.putIfAbsent(name, i) != null) {
                errors.add(new InvalidField(
                        null,
                        header.number(),
                        "header",
                        "column " + header.cells().get(i).strip() + " appears twice"));
            }
        }
        REQUIRED.stream()
                .filter(c -> !column.containsKey(c.toLowerCase(Locale.ROOT)))
                .forEach(c -> errors.add(new InvalidField(null, header.number(), "header", "missing column " + c)));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(
                    "The CSV header (line " + header.number() + ") is incomplete: expected "
                            + String.join(",", COLUMNS),
                    errors);
        }
        return column;
    }

    private static String cell(Line record, Map<String, Integer> column, String name) {
        Integer i = column.get(name.toLowerCase(Locale.ROOT));
        if (i == null || i >= record.cells().size()) {
            return null;
        }
        String value = record.cells().get(i);
        return value.isBlank() ? null : value;
    }

    private static List<String> roles(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[|;]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static int lastNonBlank(List<String> cells) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            if (!cells.get(i).isBlank()) {
                return i;
            }
        }
        return -1;
    }
}
