/**
 * Privacy (GDPR): a person's own data as an export, and erasure, which destroys their subject key and
 * tells the other services through the outbox.
 */
package io.lead360.feedback.privacy;
