package io.lead360.feedback.audit;

import io.lead360.feedback.web.InputError;
import io.lead360.feedback.web.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /api/audit}, parsed from the raw query parameters so that each bad one
 * is named in a 400 rather than failing somewhere deeper. Every filter is optional; {@code from} is
 * inclusive and {@code to} exclusive.
 */
public record AuditQuery(String action, String actorId, String targetId, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    static final int MAX_ID_LENGTH = 200;
    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z_]{0,63}");

    /** Every entry about one object, newest first (for a person's data export). */
    public static AuditQuery aboutTarget(String targetId) {
        return new AuditQuery(null, null, targetId, null, null, Integer.MAX_VALUE);
    }

    public static AuditQuery parse(
            String action, String actorId, String targetId, String from, String to, String limit) {
        List<InputError> errors = new ArrayList<>();
        String actionFilter = blankToNull(action);
        if (actionFilter != null && !ACTION.matcher(actionFilter).matches()) {
            errors.add(InputError.field("action", "must be an action name such as CYCLE_OPENED"));
        }
        String actorFilter = id("actorId", actorId, errors);
        String targetFilter = id("targetId", targetId, errors);
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            errors.add(InputError.field("from", "must not be after to"));
        }
        int parsedLimit = DEFAULT_LIMIT;
        if (blankToNull(limit) != null) {
            try {
                parsedLimit = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                parsedLimit = -1;
            }
            if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
                errors.add(InputError.field("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid audit query", errors);
        }
        return new AuditQuery(actionFilter, actorFilter, targetFilter, fromInstant, toInstant, parsedLimit);
    }

    private static String id(String field, String value, List<InputError> errors) {
        String id = blankToNull(value);
        if (id != null && id.length() > MAX_ID_LENGTH) {
            errors.add(InputError.field(field, "must be at most " + MAX_ID_LENGTH + " characters"));
        }
        return id;
    }

    private static Instant instant(String field, String value, List<InputError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(InputError.field(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
