/**
 * Feedback requests: a rater's list, the questionnaire, drafts, submitting (ResponseValidator) and declining;
 * implements the cycle's CycleRequests.
 */
package io.lead360.feedback.request;
