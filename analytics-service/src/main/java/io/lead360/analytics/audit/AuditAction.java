package io.lead360.analytics.audit;

import io.lead360.service.audit.AuditLog;

/**
 * The administrator actions analytics-service records (feedback-service records the others); the log
 * itself is service-support's.
 */
public enum AuditAction implements AuditLog.Action {
    /** A PDF report was downloaded (by anyone: the subject or an administrator). */
    REPORT_EXPORTED,
    /** An administrator read someone else's profile. */
    PROFILE_VIEWED,
    /** An administrator started a rebuild of every profile. */
    PROFILES_REBUILT;

    /** The object of a profile read or a report export: a subject's profile. */
    public static final String PROFILE = "PROFILE";
    /** The object of a rebuild: all profiles, by the rebuild's id. */
    public static final String PROFILES = "PROFILES";
}
