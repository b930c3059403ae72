package io.lead360.service.audit;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The query parameters of a service's {@code GET} on its audit log, as the client sent them: text, so that
 * {@link AuditQuery} checks each in one place and names every bad one in the same 400. A controller takes it
 * as a {@code @ParameterObject}.
 */
public record AuditFilter(
        @Parameter(
                description =
                        "only this action, by its name (e.g. `CYCLE_OPENED`, `PROFILE_VIEWED`: the service's own)")
        String action,

        @Parameter(description = "only entries by this person")
        String actorId,

        @Parameter(description = "only entries about this object: a person, cycle, template, subject or rebuild")
        String targetId,

        @Parameter(description = "from this instant (ISO 8601, inclusive)")
        String from,

        @Parameter(description = "until this instant (ISO 8601, exclusive)")
        String to,

        @Parameter(description = "at most this many entries, 1 to 1000 (default 100)")
        String limit) {}
