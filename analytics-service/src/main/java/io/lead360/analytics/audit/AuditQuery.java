package io.lead360.analytics.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of {@code GET /api/audit/reports}, checked from the raw query parameters: every
 * filter is optional; {@code from} is inclusive, {@code to} exclusive.
 *
 * @param action null for all actions
 * @param limit  1..{@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when not given
 */
public record AuditQuery(AuditAction action, String actorId, String targetId, Instant from, Instant to, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** A query parameter that is not usable, and why. */
    public record Violation(String field, String message) {}

    /** Thrown with every violation at once, so that a client can fix them all in one go. */
    public static class InvalidAuditQuery extends RuntimeException {

        private final List<Violation> violations;

        InvalidAuditQuery(List<Violation> violations) {
            super("invalid audit query: " + violations);
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** @throws InvalidAuditQuery naming each bad parameter */
    public static AuditQuery parse(
            String action, String actorId, String targetId, String from, String to, String limit) {
        var violations = new ArrayList<Violation>();
        AuditAction parsedAction = null;
        if (present(action)) {
            try {
                parsedAction = AuditAction.valueOf(action.strip());
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("action", "must be one of " + List.of(AuditAction.values())));
            }
        }
        Instant parsedFrom = instant(from, "from", violations);
        Instant parsedTo = instant(to, "to", violations);
        if (parsedFrom != null && parsedTo != null && !parsedFrom.isBefore(parsedTo)) {
            violations.add(new Violation("to", "must be after from"));
        }
        int parsedLimit = DEFAULT_LIMIT;
        if (present(limit)) {
            try {
                parsedLimit = Integer.parseInt(limit.strip());
                if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
                    violations.add(new Violation("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                violations.add(new Violation("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidAuditQuery(violations);
        }
        return new AuditQuery(
                parsedAction,
                present(actorId) ? actorId : null,
                present(targetId) ? targetId : null,
                parsedFrom,
                parsedTo,
                parsedLimit);
    }

    private static Instant instant(String value, String field, List<Violation> violations) {
        if (!present(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z"));
            return null;
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
