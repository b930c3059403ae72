package io.lead360.feedback.mail;

/** What a message is for; counts per cycle are kept by kind. */
public enum MailKind {
    INVITATION,
    REMINDER,
    RESULTS_READY,
    PASSWORD_RESET
}
