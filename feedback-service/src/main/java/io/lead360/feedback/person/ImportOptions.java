package io.lead360.feedback.person;

/**
 * How an import runs: {@code dryRun} validates and counts without saving; {@code deactivateMissing}
 * deactivates active people absent from the file, refused above the configured share unless
 * {@code force}.
 */
public record ImportOptions(boolean dryRun, boolean deactivateMissing, boolean force) {}
