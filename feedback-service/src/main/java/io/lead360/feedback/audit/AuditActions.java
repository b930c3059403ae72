package io.lead360.feedback.audit;

import io.lead360.service.audit.AuditLog;

/** The actions feedback-service records (docs/API.md, "Audit"); the log itself is service-support's. */
public enum AuditActions implements AuditLog.Action {
    PEOPLE_IMPORTED,
    PERSON_DEACTIVATED,
    PERSON_ACTIVATED,
    ROLES_CHANGED,
    /** A person got a password (only ever a new person, from an import outside production mode). */
    PASSWORD_SET,
    SESSIONS_ENDED,
    PERSON_ERASED,
    PERSON_DATA_EXPORTED,
    TEMPLATE_CREATED,
    TEMPLATE_UPDATED,
    CYCLE_CREATED,
    CYCLE_OPENED,
    CYCLE_CLOSED,
    RESULTS_RELEASED,
    REMINDERS_SENT,
    NOMINATION_PROPOSED,
    NOMINATION_APPROVED,
    NOMINATION_REJECTED;

    /** Target types: what kind of object {@code targetId} names. */
    public static final String PERSON = "person";

    public static final String PEOPLE = "people";
    public static final String TEMPLATE = "template";
    public static final String CYCLE = "cycle";
    public static final String NOMINATION = "nomination";
}
