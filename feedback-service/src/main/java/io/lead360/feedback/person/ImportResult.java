package io.lead360.feedback.person;

import io.lead360.service.problem.InvalidField;
import java.util.List;

/**
 * What an import did, or with {@code dryRun} what it would do; {@code warnings} name the rows whose
 * value was ignored (e.g. a password for someone who exists already: an import never changes one).
 */
public record ImportResult(int created, int updated, int deactivated, boolean dryRun, List<InvalidField> warnings) {}
