package io.lead360.feedback.person;

import io.lead360.feedback.web.InputError;
import io.lead360.feedback.web.InvalidInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the CSV form of a people import: header {@code email,name,managerEmail,roles,password}
 * (any order, password optional), RFC 4180 quoting, roles separated by {@code |} or {@code ;}.
 */
final class PeopleCsv {

    private static final List<String> REQUIRED = List.of("email", "name", "managerEmail", "roles");

    private PeopleCsv() {
    }

    static List<ImportRow> parse(String text) {
        List<List<String>> records = records(text == null ? "" : text.replace("\uFEFF", ""));
        if (records.isEmpty()) {
            throw new InvalidInputException("The CSV has no header", List.of(InputError.field("header",
                    "expected email,name,managerEmail,roles,password")));
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        List<InputError> missing = REQUIRED.stream()
                .filter(c -> !column.containsKey(c.toLowerCase(Locale.ROOT)))
                .map(c -> InputError.field("header", "missing column " + c))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("The CSV header is incomplete", missing);
        }
        List<ImportRow> rows = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() > header.size()) {
                errors.add(new InputError(r, "row", "has " + rec.size() + " fields, the header " + header.size()));
            }
            rows.add(new ImportRow(cell(rec, column, "email"), cell(rec, column, "name"),
                    cell(rec, column, "managerEmail"), roles(cell(rec, column, "roles")),
                    cell(rec, column, "password")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The CSV is malformed", errors);
        }
        return rows;
    }

    private static String cell(List<String> record, Map<String, Integer> column, String name) {
        Integer i = column.get(name.toLowerCase(Locale.ROOT));
        if (i == null || i >= record.size()) {
            return null;
        }
        String value = record.get(i);
        return value.isBlank() ? null : value;
    }

    private static List<String> roles(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split("[|;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Splits into records of fields; blank lines are skipped. */
    private static List<List<String>> records(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, fields, field, any);
                fields = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        endRecord(records, fields, field, any);
        return records;
    }

    private static void endRecord(List<List<String>> records, List<String> fields, StringBuilder field, boolean any) {
        if (any || field.length() > 0) {
            fields.add(field.toString());
            records.add(fields);
        }
        field.setLength(0);
    }
}
