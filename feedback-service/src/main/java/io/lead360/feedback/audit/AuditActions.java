package io.lead360.feedback.audit;

/** The actions feedback-service records (docs/API.md, "Audit"). */
public final class AuditActions {

    public static final String PEOPLE_IMPORTED = "PEOPLE_IMPORTED";
    public static final String PERSON_DEACTIVATED = "PERSON_DEACTIVATED";
    public static final String PERSON_ACTIVATED = "PERSON_ACTIVATED";
    public static final String ROLES_CHANGED = "ROLES_CHANGED";
    /** A person got a password (only ever a new person, from an import outside production mode). */
    public static final String PASSWORD_SET = "PASSWORD_SET";

    public static final String SESSIONS_ENDED = "SESSIONS_ENDED";
    public static final String PERSON_ERASED = "PERSON_ERASED";
    public static final String PERSON_DATA_EXPORTED = "PERSON_DATA_EXPORTED";
    public static final String TEMPLATE_CREATED = "TEMPLATE_CREATED";
    public static final String TEMPLATE_UPDATED = "TEMPLATE_UPDATED";
    public static final String CYCLE_CREATED = "CYCLE_CREATED";
    public static final String CYCLE_OPENED = "CYCLE_OPENED";
    public static final String CYCLE_CLOSED = "CYCLE_CLOSED";
    public static final String RESULTS_RELEASED = "RESULTS_RELEASED";
    public static final String REMINDERS_SENT = "REMINDERS_SENT";
    public static final String NOMINATION_PROPOSED = "NOMINATION_PROPOSED";
    public static final String NOMINATION_APPROVED = "NOMINATION_APPROVED";
    public static final String NOMINATION_REJECTED = "NOMINATION_REJECTED";

    /** Target types: what kind of object {@code targetId} names. */
    public static final String PERSON = "person";

    public static final String PEOPLE = "people";
    public static final String TEMPLATE = "template";
    public static final String CYCLE = "cycle";
    public static final String NOMINATION = "nomination";

    private AuditActions() {}
}
