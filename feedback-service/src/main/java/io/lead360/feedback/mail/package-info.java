/**
 * Mail: every message is written to an outbox before it is sent (keyed, so each is sent once), sent over
 * SMTP with retries, and afterwards kept only as counts; plain text and HTML from templates.
 */
package io.lead360.feedback.mail;
