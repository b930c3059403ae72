package io.lead360.service.problem;

import java.net.URI;

/**
 * Each kind of problem a lead360 service answers, with its stable {@code type} URI (docs/API.md, "Problem
 * types"). A problem without a more specific kind gets the one of its status; a status none of these names
 * (e.g. 405, 406, 415) keeps {@code about:blank}: the status says it all.
 */
public enum ProblemType {
    INVALID_INPUT(400, "invalid-input"),
    UNAUTHENTICATED(401, "unauthenticated"),
    INVALID_CREDENTIALS(401, "invalid-credentials"),
    INVALID_REFRESH_TOKEN(401, "invalid-refresh-token"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not-found"),
    CONFLICT(409, "conflict"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large"),
    TOO_MANY_REQUESTS(429, "too-many-requests"),
    INTERNAL_ERROR(500, "internal-error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable");

    /** Identifiers, not links: nothing is served at these URIs. */
    public static final String PREFIX = "urn:lead360:problem:";

    private final int status;
    private final URI uri;

    ProblemType(int status, String name) {
        this.status = status;
        this.uri = URI.create(PREFIX + name);
    }

    public int status() {
        return status;
    }

    public URI uri() {
        return uri;
    }

    /** The general kind of a status (the first listed for it), or null for a status no kind names. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return null;
    }
}
