package io.lead360.analytics.audit;

/** The administrator actions analytics-service records (feedback-service records the others). */
public enum AuditAction {
    /** A PDF report was downloaded (by anyone: the subject or an administrator). */
    REPORT_EXPORTED,
    /** An administrator read someone else's profile. */
    PROFILE_VIEWED,
    /** An administrator started a rebuild of every profile. */
    PROFILES_REBUILT
}
