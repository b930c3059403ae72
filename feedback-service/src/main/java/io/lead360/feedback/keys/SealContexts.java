package io.lead360.feedback.keys;

/**
 * What a sealed value at rest is bound to, besides its subject's key: a value sealed for one
 * request's draft does not open as another request's, or as its decline reason. (Events bind theirs
 * through {@code io.lead360.events.SubjectSeal#context}.)
 */
public final class SealContexts {

    private SealContexts() {}

    public static String draft(String requestId) {
        return "lead360/draft/" + requestId;
    }

    public static String declineReason(String requestId) {
        return "lead360/decline-reason/" + requestId;
    }
}
