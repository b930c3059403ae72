package io.lead360.feedback.person;

import io.lead360.feedback.auth.Roles;
import io.lead360.service.Emails;
import io.lead360.service.problem.InvalidField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole people import before anything is written, so that an import is all or nothing.
 * Rows are numbered from 1 (the first data row); a CSV import's errors also name the line of the file
 * ({@link ImportSource}).
 */
final class ImportValidator {

    static final Set<String> KNOWN_ROLES = Set.of(Roles.EMPLOYEE, Roles.LEADER, Roles.ADMIN);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MAX_NAME_LENGTH = 200;

    private ImportValidator() {}

    /** Trims, lower-cases emails and upper-cases roles; null stays null. */
    static ImportRow normalize(ImportRow row) {
        if (row == null) {
            return null;
        }
        return new ImportRow(
                email(row.email()),
                row.name() == null ? null : row.name().strip(),
                email(row.managerEmail()),
                row.roles().stream()
                        .map(r -> r == null ? "" : r.strip().toUpperCase(Locale.ROOT))
                        .filter(r -> !r.isEmpty())
                        .distinct()
                        .toList(),
                row.password() == null || row.password().isEmpty() ? null : row.password());
    }

    private static String email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Emails.normalise(value);
    }

    /**
     * @param rows             normalized rows
     * @param existingManagers every stored person's email to their manager's email (null if none)
     * @return every problem found, empty when the import may proceed
     */
    static List<InvalidField> validate(List<ImportRow> rows, Map<String, String> existingManagers) {
        return validate(rows, existingManagers, ImportSource.JSON);
    }

    /** The same, naming rows as {@code source} does (CSV: by the line of the file as well). */
    static List<InvalidField> validate(
            List<ImportRow> rows, Map<String, String> existingManagers, ImportSource source) {
        List<InvalidField> errors = new ArrayList<>();
        Map<String, Integer> rowOfEmail = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int n = i + 1;
            ImportRow row = rows.get(i);
            if (row == null) {
                errors.add(source.error(n, "row", "must be an object"));
                continue;
            }
            if (row.email() == null) {
                errors.add(source.error(n, "email", "must not be blank"));
            } else if (!EMAIL.matcher(row.email()).matches()) {
                errors.add(source.error(n, "email", "is not a valid email address"));
            } else if (rowOfEmail.containsKey(row.email())) {
                errors.add(source.error(n, "email", "duplicates " + source.name(rowOfEmail.get(row.email()))));
            } else {
                rowOfEmail.put(row.email(), n);
            }
            if (row.name() == null || row.name().isBlank()) {
                errors.add(source.error(n, "name", "must not be blank"));
            } else if (row.name().length() > MAX_NAME_LENGTH) {
                errors.add(source.error(n, "name", "must be at most " + MAX_NAME_LENGTH + " characters"));
            }
            for (String role : row.roles()) {
                if (!KNOWN_ROLES.contains(role)) {
                    errors.add(source.error(n, "roles", "unknown role " + role));
                }
            }
            if (row.password() != null) {
                PasswordRules.problem(row.password())
                        .ifPresent(problem -> errors.add(source.error(n, "password", problem)));
            }
        }
        // managers: known in the file or already stored
        for (int i = 0; i < rows.size(); i++) {
            ImportRow row = rows.get(i);
            if (row == null || row.managerEmail() == null) {
                continue;
            }
            if (!EMAIL.matcher(row.managerEmail()).matches()) {
                errors.add(source.error(i + 1, "managerEmail", "is not a valid email address"));
            } else if (!rowOfEmail.containsKey(row.managerEmail())
                    && !existingManagers.containsKey(row.managerEmail())) {
                errors.add(source.error(i + 1, "managerEmail", "unknown manager " + row.managerEmail()));
            }
        }
        errors.addAll(loops(rows, rowOfEmail, existingManagers, source));
        return errors;
    }

    /** Reporting loops in the organisation as it would be after the import, including stored people. */
    private static List<InvalidField> loops(
            List<ImportRow> rows,
            Map<String, Integer> rowOfEmail,
            Map<String, String> existingManagers,
            ImportSource source) {
        Map<String, String> managerOf = new HashMap<>(existingManagers);
        rowOfEmail.forEach((email, n) -> managerOf.put(email, rows.get(n - 1).managerEmail()));

        Map<String, List<String>> loopOf = new LinkedHashMap<>();
        for (String start : rowOfEmail.keySet()) {
            LinkedHashSet<String> path = new LinkedHashSet<>();
            String current = start;
            while (current != null && !loopOf.containsKey(current) && path.add(current)) {
                current = managerOf.get(current);
            }
            if (current != null && path.contains(current)) {
                List<String> chain = new ArrayList<>(path);
                List<String> loop = new ArrayList<>(chain.subList(chain.indexOf(current), chain.size()));
                loop.add(current);
                for (String member : loop) {
                    loopOf.putIfAbsent(member, loop);
                }
            }
        }
        List<InvalidField> errors = new ArrayList<>();
        rowOfEmail.entrySet().stream()
                .filter(e -> loopOf.containsKey(e.getKey()))
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> errors.add(source.error(
                        e.getValue(),
                        "managerEmail",
                        "reporting loop: " + String.join(" -> ", loopOf.get(e.getKey())))));
        return errors;
    }
}
