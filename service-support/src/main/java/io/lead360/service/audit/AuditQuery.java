package io.lead360.service.audit;

import io.lead360.service.problem.InvalidField;
import io.lead360.service.problem.InvalidInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The filters of {@code GET /api/audit} (and {@code /api/audit/reports}), parsed from the raw query
 * parameters so that each bad one is named in a 400 rather than failing somewhere deeper. Every filter is
 * optional; {@code from} is inclusive and {@code to} exclusive, so a window must be at least an instant long.
 *
 * @param action the name of one of the service's actions, null for all
 * @param limit 1..{@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when not given
 */
public record AuditQuery(String action, String actorId, String targetId, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    static final int MAX_ID_LENGTH = 200;

    /** Every entry about one object, newest first (for a person's data export). */
    public static AuditQuery aboutTarget(String targetId) {
        return new AuditQuery(null, null, targetId, null, null, Integer.MAX_VALUE);
    }

    /**
     * @param actions the service's actions: an action outside them is refused
     * @throws InvalidInputException naming each bad parameter at once
     */
    public static AuditQuery parse(
            Collection<? extends AuditLog.Action> actions,
            String action,
            String actorId,
            String targetId,
            String from,
            String to,
            String limit) {
        List<InvalidField> errors = new ArrayList<>();
        List<String> known = actions.stream().map(AuditLog.Action::name).toList();
        String actionFilter = blankToNull(action);
        if (actionFilter != null && !known.contains(actionFilter)) {
            errors.add(InvalidField.field("action", "must be one of " + known));
        }
        String actorFilter = id("actorId", actorId, errors);
        String targetFilter = id("targetId", targetId, errors);
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            errors.add(InvalidField.field("to", "must be after from"));
        }
        int parsedLimit = DEFAULT_LIMIT;
        if (blankToNull(limit) != null) {
            try {
                parsedLimit = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                parsedLimit = -1;
            }
            if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
                errors.add(InvalidField.field("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Invalid audit query", errors);
        }
        return new AuditQuery(actionFilter, actorFilter, targetFilter, fromInstant, toInstant, parsedLimit);
    }

    private static String id(String field, String value, List<InvalidField> errors) {
        String id = blankToNull(value);
        if (id != null && id.length() > MAX_ID_LENGTH) {
            errors.add(InvalidField.field(field, "must be at most " + MAX_ID_LENGTH + " characters"));
        }
        return id;
    }

    private static Instant instant(String field, String value, List<InvalidField> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(InvalidField.field(field, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
