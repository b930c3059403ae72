package io.lead360.feedback.privacy;

/**
 * The collections personal data lives in. Export and erasure read and write them directly, so that
 * privacy stays one feature instead of a method in every other one.
 */
final class StoredCollections {

    static final String PEOPLE = "people";
    static final String SESSIONS = "sessions";
    static final String REQUESTS = "feedback_requests";
    static final String CYCLES = "cycles";
    static final String NOMINATIONS = "nominations";
    /** One document per erased person ({@code _id} = their id), carrying PersonErased in its outbox. */
    static final String ERASURES = "erasures";

    private StoredCollections() {}
}
