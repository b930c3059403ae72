package io.lead360.feedback.person;

/** What an import did, or with {@code dryRun} what it would do. */
public record ImportResult(int created, int updated, int deactivated, boolean dryRun) {
}
