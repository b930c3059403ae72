/**
 * Feedback cycles: creation (NewCycleValidator), DRAFT → OPEN → CLOSED → RELEASED with their events, rater
 * assignment and nominations, the cycle's mails and scheduled jobs; requests are reached through CycleRequests.
 */
package io.lead360.feedback.cycle;
